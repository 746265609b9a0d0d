namespace SpinDetect.Tests;

/// <summary>Small articles written for these tests; "spun" ones contain substitutions the fake scorer knows.</summary>
internal static class Articles
{
    public const string Clean =
        "The council met on Tuesday to discuss the new budget for the library. Members agreed that the building "
        + "needs a new roof before winter, and that the reading room should stay open in the evenings. As a result, "
        + "the employees will work longer shifts, and the town will hire two more people to help them. The mayor "
        + "said the plan was a fair balance between cost and service, and the vote passed with a clear majority.";

    public const string Spun =
        "The council met on Tuesday to discuss the new budget for the library. Members agreed that the building "
        + "needs a new roof before winter, and the cat was already out of the purse about the reading room. As a arise, "
        + "the hires will work longer shifts, and the town will take on two more people to help them in hard seasons. "
        + "The mayor said the plan was a fair balance between cost and service, and the vote passed with a majority.";

    /// <summary>A distinct article number <paramref name="i"/>, spun when <paramref name="i"/> is divisible by three.</summary>
    public static string Numbered(int i) => $"Article {i}. " + (i % 3 == 0 ? Spun : Clean);
}
