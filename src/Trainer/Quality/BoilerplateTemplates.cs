namespace SpinDetect.Training.Quality;

/// <summary>
/// Boilerplate line templates written for this project, grouped in families. Each kind of page furniture (ad
/// markers, share prompts, credits, bylines, …) has at least two families with different wording; every family
/// belongs to the training or the held-out side, so the test measures lines whose wording the models never saw.
/// The training side has a third family of each kind (the "-c" families, <see cref="BoilerplateFamily.ForTuning"/>)
/// that the line models never see: the document models and the flag thresholds are fitted on documents with that
/// boilerplate, so they learn how the line models treat page furniture in an unseen wording, as on the test side
/// (the document models with the templates at even positions, the flag thresholds with those at odd positions).
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
        new("ads-c", BoilerplatePlacement.Between, false,
            ["Sponsored by {outlet}", "Partner content", "Advertising", "This content is paid for by an advertiser",
             "Scroll down to keep reading", "The article resumes after this message", "Ads by {agency}",
             "Why am I seeing this ad?", "Commercial content from our partners", "SPONSORED"], ForTuning: true),

        // Video and audio players.
        new("media-a", BoilerplatePlacement.Between, false,
            ["Featured Video Hide", "Watch: {headline}", "Video: {headline} ({dur})", "WATCH | {headline}", "Video",
             "Play video", "Featured Video", "Watch the full video here", "Video Hide", "{dur} Video"]),
        new("media-b", BoilerplatePlacement.Between, true,
            ["Now playing: {headline}", "Listen to this article {n} min", "Audio: {headline}", "Up next",
             "Autoplay next video", "Listen {dur}", "Press play to listen to this article", "Duration {dur}",
             "Watch now ({dur})"]),
        new("media-c", BoilerplatePlacement.Between, false,
            ["Clip: {headline}", "Watch the highlights ({dur})", "Podcast: {headline}", "Hear this story read aloud",
             "Video loading", "Embedded video", "This video can not be played", "Replay", "Watch in full screen",
             "Episode {n}: {headline}"], ForTuning: true),

        // Share prompts.
        new("share-a", BoilerplatePlacement.Bottom, false,
            ["Share this article", "Share on Facebook", "Share on Twitter", "Share", "Tweet", "Email", "Copy link",
             "Share via Email", "Facebook Twitter Email", "Share this:", "Print", "Share Tweet Email",
             "Share this article Share"]),
        new("share-b", BoilerplatePlacement.Bottom, true,
            ["Share this story", "Send this page to someone via email", "Click to share on LinkedIn (Opens in new window)",
             "Pin it", "WhatsApp Messenger Reddit", "Share full article", "Gift this article", "Save article",
             "Copy article link", "Share on WhatsApp"]),
        new("share-c", BoilerplatePlacement.Bottom, false,
            ["Post to Facebook", "Send by email", "Share to Reddit", "Share this with a friend", "Bookmark",
             "Print this page", "Copy the link to this story", "Share via text message", "Forward this article",
             "Email this story to a friend"], ForTuning: true),

        // "Read more" links.
        new("readmore-a", BoilerplatePlacement.Between, false,
            ["Read more: {headline}", "READ MORE: {headline}", "Related: {headline}", "Read more", "Read More",
             "RELATED: {headline}", "Read the full story: {headline}", "Read more on {topic}"]),
        new("readmore-b", BoilerplatePlacement.Between, true,
            ["See also: {headline}", "MORE FROM {OUTLET}: {headline}", "Recommended: {headline}",
             "You may also like: {headline}", "Also on {outlet}: {headline}", "Don't miss: {headline}",
             "Related Coverage", "Editor's pick: {headline}"]),
        new("readmore-c", BoilerplatePlacement.Between, false,
            ["Keep reading: {headline}", "Further coverage: {headline}", "In depth: {headline}", "Related stories",
             "More on this story", "Previously: {headline}", "Analysis: {headline}", "Go deeper: {headline}",
             "Latest on {topic}"], ForTuning: true),

        // Photo galleries.
        new("gallery-a", BoilerplatePlacement.Between, false,
            ["Open this photo in gallery:", "View gallery", "{n} / {n2}", "Photos", "Image {n} of {n2}",
             "Open this photo in gallery", "See the gallery", "View all {n2} photos"]),
        new("gallery-b", BoilerplatePlacement.Between, true,
            ["Enlarge this image", "Photo {n} of {n2}", "Expand", "Toggle caption", "Show caption", "Hide caption",
             "Slide {n} of {n2}", "Click to enlarge", "Zoom in"]),
        new("gallery-c", BoilerplatePlacement.Between, false,
            ["Picture {n} of {n2}", "Swipe for more photos", "Full screen", "Next image", "Previous image",
             "In pictures", "Browse the gallery ({n2} images)", "Tap to see more"], ForTuning: true),

        // Photo credits.
        new("credit-a", BoilerplatePlacement.Between, false,
            ["{PERSON}/{agency}/Getty Images", "{person}/{agency}", "(Photo: {person}/{agency})", "{person} / {agency}",
             "Photo: {person}/{agency}", "{PERSON}/{agency}", "Credit: {person}/{agency}",
             "{agency} via Getty Images", "Photo by {person}/{agency}"]),
        new("credit-b", BoilerplatePlacement.Between, true,
            ["{person} / Wikimedia (Public Domain)", "Image: {person}, CC BY-SA 4.0", "Photograph: {person}/{outlet}",
             "Picture: {person}", "Image source: {agency}", "Courtesy of {person}", "{person} for {outlet}",
             "Illustration by {person}", "Photo credit: {PERSON}"]),
        new("credit-c", BoilerplatePlacement.Between, false,
            ["Pictured: {person}. Photograph by {person2}", "Image credit: {agency}", "Photo courtesy {outlet}",
             "{person} ({agency})", "Supplied image", "File photo: {agency}", "Handout photo from {outlet}",
             "Photographs by {person} for {outlet}"], ForTuning: true),

        // Bylines.
        new("byline-a", BoilerplatePlacement.Top, false,
            ["By {person}", "By {person} and {person2}", "{person}, Staff Writer", "BY {PERSON}",
             "By {person}, {outlet}", "{person} | {outlet}", "Reporting by {person}; Editing by {person2}"]),
        new("byline-b", BoilerplatePlacement.Top, true,
            ["Written by {person} | Reporter", "Posted by {person}", "Author: {person}", "{person}, Correspondent",
             "Words by {person}", "Story by {person}", "{PERSON} Senior Editor", "Contributor: {person}"]),
        new("byline-c", BoilerplatePlacement.Top, false,
            ["From {person} in {place}", "{person} reports from {place}", "By {person} in {place}",
             "Analysis by {person}", "{person} is a reporter for {outlet}", "With reporting by {person2}",
             "Compiled by {person}", "Edited by {person}"], ForTuning: true),

        // Time stamps.
        new("time-a", BoilerplatePlacement.Top, false,
            ["Published {date} Updated {date}", "Updated {time12} {zone}, {day} {datelong}", "Published {date}",
             "{datelong}", "Updated: {date}", "Posted {date} {time12}", "PUBLISHED: {date}", "{date} {time12} {zone}"]),
        new("time-b", BoilerplatePlacement.Top, true,
            ["Last modified on {dateday} {time24} {zone}", "{datelong} at {time12}", "Posted: {iso} {time24}",
             "First published on {dateday}", "{iso}", "Modified {dateday}", "{n} hours ago", "Created {iso}",
             "Last updated {n} minutes ago"]),
        new("time-c", BoilerplatePlacement.Top, false,
            ["Revised {dateday}", "Originally published {datelong}", "{day}, {datelong}", "{time24} {zone} {dateday}",
             "Last edited {date} at {time12}", "Filed {datelong}", "As of {time12} {zone}"], ForTuning: true),

        // Newsletter prompts.
        new("newsletter-a", BoilerplatePlacement.Bottom, false,
            ["Sign up for our newsletter", "Get the latest news delivered to your inbox. Sign up now.",
             "Sign up for the {topic} newsletter", "Sign up", "Enter your email address", "SIGN UP FOR FREE",
             "Get our free {topic} newsletter"]),
        new("newsletter-b", BoilerplatePlacement.Bottom, true,
            ["Subscribe to our daily briefing", "Want more stories like this? Join our mailing list",
             "Never miss a story: get the {outlet} digest", "Your email address", "Join {n},000 readers",
             "Thanks for subscribing!", "Get it in your inbox"]),
        new("newsletter-c", BoilerplatePlacement.Bottom, false,
            ["Get the morning briefing in your inbox every weekday.", "Join our weekly email on {topic}",
             "Sign me up", "Enter your email to receive updates", "You can unsubscribe at any time.",
             "By signing up you agree to receive emails from {outlet}.", "Get alerts on {topic}"], ForTuning: true),

        // Cookie and consent prompts.
        new("cookie-a", BoilerplatePlacement.Bottom, false,
            ["We use cookies to improve your experience. By continuing you agree to our Cookie Policy.",
             "Accept all cookies", "Cookie settings", "Accept cookies", "I agree", "Reject all",
             "This website uses cookies"]),
        new("cookie-b", BoilerplatePlacement.Bottom, true,
            ["This site uses cookies. Learn more", "Manage consent preferences", "Manage preferences",
             "Allow all", "Consent", "We and our partners process data to provide and improve services.",
             "Privacy choices"]),
        new("cookie-c", BoilerplatePlacement.Bottom, false,
            ["We value your privacy", "Accept and continue", "Do not sell my personal information",
             "Cookies help us deliver our services. By using this site you accept our use of cookies.",
             "Update your privacy settings", "Necessary cookies only", "Learn how we use your data"], ForTuning: true),

        // Social follow prompts.
        new("social-a", BoilerplatePlacement.Bottom, false,
            ["Follow us on Twitter {handle}", "Like us on Facebook", "Follow {handle}", "Follow us on Instagram",
             "Follow {person} on Twitter: {handle}"]),
        new("social-b", BoilerplatePlacement.Bottom, true,
            ["Follow {person} on Bluesky", "Join the conversation on {handle}", "Find us on Mastodon",
             "Connect with {outlet} on social media", "Subscribe on YouTube"]),
        new("social-c", BoilerplatePlacement.Bottom, false,
            ["Find {outlet} on Threads", "Follow our coverage on {handle}", "Watch us on TikTok",
             "Stay connected: {handle}", "Message us on WhatsApp", "Follow {outlet} for the latest updates"], ForTuning: true),

        // Comment counters.
        new("comments-a", BoilerplatePlacement.Bottom, false,
            ["Comments ({n})", "View comments", "{n} comments", "Comments", "Show comments", "Add a comment"]),
        new("comments-b", BoilerplatePlacement.Bottom, true,
            ["{n} Responses", "Leave a comment", "Join the discussion", "Reader replies ({n})",
             "Be the first to comment"]),
        new("comments-c", BoilerplatePlacement.Bottom, false,
            ["{n} readers have commented", "Read all comments", "Post a reply", "Comments are closed for this story",
             "Sort comments by newest", "Report a comment"], ForTuning: true),

        // Copyright footers.
        new("copyright-a", BoilerplatePlacement.Bottom, false,
            ["© {year} {outlet}. All rights reserved.", "Copyright © {year} {outlet}", "(c) {year} {outlet}",
             "All rights reserved", "© {year} {agency}"]),
        new("copyright-b", BoilerplatePlacement.Bottom, true,
            ["Copyright {year} {outlet} Media Group", "This material may not be published, broadcast, rewritten or redistributed.",
             "{outlet} {year}", "Terms of use | Privacy policy", "Contact us | About us"]),
        new("copyright-c", BoilerplatePlacement.Bottom, false,
            ["No part of this story may be copied without written permission from the publisher.",
             "{outlet} is not responsible for the content of external sites.", "Reproduced with permission",
             "Rights and permissions", "Published by {outlet} Ltd", "Distributed by {agency}",
             "This article was amended on {dateday} to correct a name.",
             "An earlier version of this story gave the wrong date for the meeting."], ForTuning: true),

        // Topic tags.
        new("tags-a", BoilerplatePlacement.Bottom, false,
            ["Topics: {topics}", "Tags: {topics}", "TOPICS", "More on: {topics}"]),
        new("tags-b", BoilerplatePlacement.Bottom, true,
            ["Filed under: {topics}", "Explore more on these topics", "Categories: {topics}", "{topics}"]),
        new("tags-c", BoilerplatePlacement.Bottom, false,
            ["Related topics: {topics}", "Keywords: {topics}", "Posted in {topic}", "Section: {topic}",
             "See all stories on {topic}"], ForTuning: true),

        // Subscription prompts.
        new("paywall-a", BoilerplatePlacement.Between, false,
            ["Subscribe now for unlimited access", "Subscribers only", "Subscribe", "Log in", "Already a subscriber? Log in",
             "Unlock this article"]),
        new("paywall-b", BoilerplatePlacement.Between, true,
            ["You have {n} free articles remaining this month", "Become a member", "Support our journalism",
             "Register to continue reading", "Start your free trial"]),
        new("paywall-c", BoilerplatePlacement.Between, false,
            ["This story is for members only", "Continue reading with a subscription", "Sign in to keep reading",
             "Get full access for {n} dollars a month", "You have reached your article limit",
             "Subscribe today and get your first month free."], ForTuning: true),

        // Navigation.
        new("nav-a", BoilerplatePlacement.Top, false,
            ["Home > News > {topic}", "{topic} > {topic2}", "Home", "Menu", "Search", "Skip to content", "Sections"]),
        new("nav-b", BoilerplatePlacement.Top, true,
            ["Home | {topic} | {topic2}", "Jump to main content", "Back to top", "Next article", "Previous story",
             "Main menu"]),
        new("nav-c", BoilerplatePlacement.Top, false,
            ["You are here: {topic}", "Open navigation", "Close menu", "All sections", "Go to homepage",
             "Skip to navigation", "{topic} / {topic2}"], ForTuning: true),
    ];
}
