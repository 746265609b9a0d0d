namespace SpinDetect.Tests.Quality;

/// <summary>Short articles written for these tests, and junk to mix into them.</summary>
internal static class QualityArticles
{
    /// <summary>A local news story about a river footbridge.</summary>
    public static readonly string[] Bridge =
    [
        "The town council of Millbrook voted on Tuesday evening to rebuild the old footbridge over the Alder River, ending a dispute that had divided neighbours for almost two years.",
        "The wooden bridge was closed last spring after an inspection found that several of its supporting beams had rotted through. Since then, residents on the east bank have had to walk an extra mile to reach the school, the library and the weekly market.",
        "Council members had argued over whether to repair the existing structure or to replace it with a steel crossing that would last longer but cost nearly twice as much. In the end, the steel design won by five votes to two.",
        "\"This is the right decision for the next fifty years,\" said the council's chair, who pointed out that the wooden bridge had needed repairs almost every winter since it was built.",
        "Opponents said the town could not afford the new crossing without raising local taxes. One councillor warned that the budget for road repairs would be cut to pay for the project, and that the roads on the west side were already in poor condition.",
        "Engineers expect construction to begin in early summer, when the river is at its lowest. The work should take about four months, and a temporary ferry will carry pedestrians across the river while the bridge is closed.",
        "Parents on the east bank welcomed the vote. Many of them had complained that their children were walking along a busy road without a pavement to reach the school, and several had organised car pools to avoid the danger.",
        "The council will publish the final plans next month and has promised to hold a public meeting before any contract is signed.",
    ];

    /// <summary>A science story about a seed bank.</summary>
    public static readonly string[] SeedBank =
    [
        "Researchers at a regional seed bank have grown healthy plants from wheat seeds that were stored in a freezer for more than forty years, a result that surprised even the scientists who ran the experiment.",
        "The seeds had been collected from farms in the hill country during the nineteen seventies, when many farmers were abandoning old local varieties in favour of modern high-yield wheat.",
        "Most of the stored samples had never been tested since they were frozen. The team planted two hundred seeds from each of twelve samples in a greenhouse and found that more than eighty percent of them sprouted within ten days.",
        "The old varieties grow taller than modern wheat and produce less grain, but several of them showed a strong resistance to a fungus that now damages crops across the region every wet summer.",
        "Plant breeders hope to cross the old varieties with modern wheat to create plants that combine a good harvest with that natural protection. Such work usually takes a decade or more before new seed reaches farmers.",
        "The seed bank's director said the experiment showed why collections of this kind matter. Without them, she said, the genes that protect these plants would have disappeared along with the farms that once grew them.",
        "The team now plans to test barley and oat samples from the same collection, some of which are even older than the wheat.",
    ];

    /// <summary>A local news story about a library extension.</summary>
    public static readonly string[] Library =
    [
        "The Riverside town council voted on Tuesday evening to approve a new wing for the public library, ending a debate that has lasted nearly three years. The extension will add a reading room, a quiet study area and a larger space for the children's section.",
        "Council members said the project would be paid for by a bond approved by voters last spring, together with a grant from the state arts fund. Construction is expected to begin in March and to last about fourteen months, during which the existing building will stay open.",
        "Librarian Anne Castell told the meeting that visits had grown by a third since the pandemic, and that the building could no longer hold the classes and reading groups that residents ask for. She said the staff had been consulted on the design from the start.",
        "Residents who spoke at the meeting were mostly in favour, although two asked whether the car park would be enlarged as well. The council said a separate plan for parking would be presented in the autumn.",
    ];

    /// <summary>Boilerplate lines in the style of news sites.</summary>
    public static readonly string[] Boilerplate =
    [
        "Advertisement",
        "Share this article",
        "Read more: Flood warnings issued for three northern counties",
        "Open this photo in gallery:",
        "MARTA KOWALSKI/AFP/Getty Images",
        "Published Mar 14, 2023 Updated Mar 15, 2023",
        "Sign up for our newsletter",
    ];

    /// <summary>A block of unrelated sports headlines.</summary>
    public static readonly string[] SportsHeadlines =
    [
        "More news",
        "Harbor City Rovers Sign Veteran Goalkeeper on Two-Year Deal",
        "Late Penalty Sends Eastbrook United Into Cup Semifinal",
        "Marathon Record Falls as Runners Enjoy Cool Morning Conditions",
        "Tennis Star Withdraws From Open With Shoulder Injury",
        "Cycling Team Names New Coach After Disappointing Season",
        "Basketball League Confirms Schedule Changes for Holiday Week",
    ];

    /// <summary>Paragraphs joined with blank lines.</summary>
    public static string Join(IEnumerable<string> paragraphs) => string.Join("\n\n", paragraphs) + "\n";

    /// <summary>The article with <paramref name="junk"/> lines inserted at the given paragraph positions.</summary>
    public static string WithInserted(string[] article, params (int Before, string Line)[] junk)
    {
        var parts = new List<string>(article);
        foreach (var (before, line) in junk.OrderByDescending(j => j.Before))
        {
            parts.Insert(before, line);
        }

        return Join(parts);
    }
}
