namespace SpinDetect.Training.Quality;

/// <summary>
/// Boilerplate line templates written for this project, grouped in families. Each kind of page furniture (ad
/// markers, share prompts, credits, bylines, …) has at least two families with different wording; every family
/// belongs to the training or the held-out side, so the test measures lines whose wording the models never saw.
/// Slots in braces are filled by <see cref="BoilerplateGenerator"/>.
/// </summary>
internal static class BoilerplateTemplates
{
    /// <summary>All families.</summary>
    public static IReadOnlyList<BoilerplateFamily> Families { get; } =
    [
        // Advertisement markers.
        new("ads-a", BoilerplatePlacement.Between, false,
            ["Advertisement", "Advertisement Hide", "ADVERTISEMENT", "Ad", "Sponsored", "Advertisement - scroll to continue",
             "Sponsored content", "Advertisement Close", "Paid content", "Ad Feedback", "Advertisement:", "-- Advertisement --"]),
        new("ads-b", BoilerplatePlacement.Between, true,
            ["Story continues below advertisement", "Article continues after this ad", "Continue reading below",
             "Skip Advertisement", "The story continues below", "Content continues below", "Promoted",
             "Remove ads", "Report this ad", "Ad content", "Story continues after advertisement"]),

        // Video and audio players.
        new("media-a", BoilerplatePlacement.Between, false,
            ["Featured Video Hide", "Watch: {headline}", "Video: {headline} ({dur})", "WATCH | {headline}", "Video",
             "Play video", "Featured Video", "Watch the full video here", "Video Hide", "{dur} Video"]),
        new("media-b", BoilerplatePlacement.Between, true,
            ["Now playing: {headline}", "Listen to this article {n} min", "Audio: {headline}", "Up next",
             "Autoplay next video", "Listen {dur}", "Press play to listen to this article", "Duration {dur}",
             "Watch now ({dur})"]),

        // Share prompts.
        new("share-a", BoilerplatePlacement.Bottom, false,
            ["Share this article", "Share on Facebook", "Share on Twitter", "Share", "Tweet", "Email", "Copy link",
             "Share via Email", "Facebook Twitter Email", "Share this:", "Print", "Share Tweet Email",
             "Share this article Share"]),
        new("share-b", BoilerplatePlacement.Bottom, true,
            ["Share this story", "Send this page to someone via email", "Click to share on LinkedIn (Opens in new window)",
             "Pin it", "WhatsApp Messenger Reddit", "Share full article", "Gift this article", "Save article",
             "Copy article link", "Share on WhatsApp"]),

        // "Read more" links.
        new("readmore-a", BoilerplatePlacement.Between, false,
            ["Read more: {headline}", "READ MORE: {headline}", "Related: {headline}", "Read more", "Read More",
             "RELATED: {headline}", "Read the full story: {headline}", "Read more on {topic}"]),
        new("readmore-b", BoilerplatePlacement.Between, true,
            ["See also: {headline}", "MORE FROM {OUTLET}: {headline}", "Recommended: {headline}",
             "You may also like: {headline}", "Also on {outlet}: {headline}", "Don't miss: {headline}",
             "Related Coverage", "Editor's pick: {headline}"]),

        // Photo galleries.
        new("gallery-a", BoilerplatePlacement.Between, false,
            ["Open this photo in gallery:", "View gallery", "{n} / {n2}", "Photos", "Image {n} of {n2}",
             "Open this photo in gallery", "See the gallery", "View all {n2} photos"]),
        new("gallery-b", BoilerplatePlacement.Between, true,
            ["Enlarge this image", "Photo {n} of {n2}", "Expand", "Toggle caption", "Show caption", "Hide caption",
             "Slide {n} of {n2}", "Click to enlarge", "Zoom in"]),

        // Photo credits.
        new("credit-a", BoilerplatePlacement.Between, false,
            ["{PERSON}/{agency}/Getty Images", "{person}/{agency}", "(Photo: {person}/{agency})", "{person} / {agency}",
             "Photo: {person}/{agency}", "{PERSON}/{agency}", "Credit: {person}/{agency}",
             "{agency} via Getty Images", "Photo by {person}/{agency}"]),
        new("credit-b", BoilerplatePlacement.Between, true,
            ["{person} / Wikimedia (Public Domain)", "Image: {person}, CC BY-SA 4.0", "Photograph: {person}/{outlet}",
             "Picture: {person}", "Image source: {agency}", "Courtesy of {person}", "{person} for {outlet}",
             "Illustration by {person}", "Photo credit: {PERSON}"]),

        // Bylines.
        new("byline-a", BoilerplatePlacement.Top, false,
            ["By {person}", "By {person} and {person2}", "{person}, Staff Writer", "BY {PERSON}",
             "By {person}, {outlet}", "{person} | {outlet}", "Reporting by {person}; Editing by {person2}"]),
        new("byline-b", BoilerplatePlacement.Top, true,
            ["Written by {person} | Reporter", "Posted by {person}", "Author: {person}", "{person}, Correspondent",
             "Words by {person}", "Story by {person}", "{PERSON} Senior Editor", "Contributor: {person}"]),

        // Time stamps.
        new("time-a", BoilerplatePlacement.Top, false,
            ["Published {date} Updated {date}", "Updated {time12} {zone}, {day} {datelong}", "Published {date}",
             "{datelong}", "Updated: {date}", "Posted {date} {time12}", "PUBLISHED: {date}", "{date} {time12} {zone}"]),
        new("time-b", BoilerplatePlacement.Top, true,
            ["Last modified on {dateday} {time24} {zone}", "{datelong} at {time12}", "Posted: {iso} {time24}",
             "First published on {dateday}", "{iso}", "Modified {dateday}", "{n} hours ago", "Created {iso}",
             "Last updated {n} minutes ago"]),

        // Newsletter prompts.
        new("newsletter-a", BoilerplatePlacement.Bottom, false,
            ["Sign up for our newsletter", "Get the latest news delivered to your inbox. Sign up now.",
             "Sign up for the {topic} newsletter", "Sign up", "Enter your email address", "SIGN UP FOR FREE",
             "Get our free {topic} newsletter"]),
        new("newsletter-b", BoilerplatePlacement.Bottom, true,
            ["Subscribe to our daily briefing", "Want more stories like this? Join our mailing list",
             "Never miss a story: get the {outlet} digest", "Your email address", "Join {n},000 readers",
             "Thanks for subscribing!", "Get it in your inbox"]),

        // Cookie and consent prompts.
        new("cookie-a", BoilerplatePlacement.Bottom, false,
            ["We use cookies to improve your experience. By continuing you agree to our Cookie Policy.",
             "Accept all cookies", "Cookie settings", "Accept cookies", "I agree", "Reject all",
             "This website uses cookies"]),
        new("cookie-b", BoilerplatePlacement.Bottom, true,
            ["This site uses cookies. Learn more", "Manage consent preferences", "Manage preferences",
             "Allow all", "Consent", "We and our partners process data to provide and improve services.",
             "Privacy choices"]),

        // Social follow prompts.
        new("social-a", BoilerplatePlacement.Bottom, false,
            ["Follow us on Twitter {handle}", "Like us on Facebook", "Follow {handle}", "Follow us on Instagram",
             "Follow {person} on Twitter: {handle}"]),
        new("social-b", BoilerplatePlacement.Bottom, true,
            ["Follow {person} on Bluesky", "Join the conversation on {handle}", "Find us on Mastodon",
             "Connect with {outlet} on social media", "Subscribe on YouTube"]),

        // Comment counters.
        new("comments-a", BoilerplatePlacement.Bottom, false,
            ["Comments ({n})", "View comments", "{n} comments", "Comments", "Show comments", "Add a comment"]),
        new("comments-b", BoilerplatePlacement.Bottom, true,
            ["{n} Responses", "Leave a comment", "Join the discussion", "Reader replies ({n})",
             "Be the first to comment"]),

        // Copyright footers.
        new("copyright-a", BoilerplatePlacement.Bottom, false,
            ["© {year} {outlet}. All rights reserved.", "Copyright © {year} {outlet}", "(c) {year} {outlet}",
             "All rights reserved", "© {year} {agency}"]),
        new("copyright-b", BoilerplatePlacement.Bottom, true,
            ["Copyright {year} {outlet} Media Group", "This material may not be published, broadcast, rewritten or redistributed.",
             "{outlet} {year}", "Terms of use | Privacy policy", "Contact us | About us"]),

        // Topic tags.
        new("tags-a", BoilerplatePlacement.Bottom, false,
            ["Topics: {topics}", "Tags: {topics}", "TOPICS", "More on: {topics}"]),
        new("tags-b", BoilerplatePlacement.Bottom, true,
            ["Filed under: {topics}", "Explore more on these topics", "Categories: {topics}", "{topics}"]),

        // Subscription prompts.
        new("paywall-a", BoilerplatePlacement.Between, false,
            ["Subscribe now for unlimited access", "Subscribers only", "Subscribe", "Log in", "Already a subscriber? Log in",
             "Unlock this article"]),
        new("paywall-b", BoilerplatePlacement.Between, true,
            ["You have {n} free articles remaining this month", "Become a member", "Support our journalism",
             "Register to continue reading", "Start your free trial"]),

        // Navigation.
        new("nav-a", BoilerplatePlacement.Top, false,
            ["Home > News > {topic}", "{topic} > {topic2}", "Home", "Menu", "Search", "Skip to content", "Sections"]),
        new("nav-b", BoilerplatePlacement.Top, true,
            ["Home | {topic} | {topic2}", "Jump to main content", "Back to top", "Next article", "Previous story",
             "Main menu"]),
    ];
}
