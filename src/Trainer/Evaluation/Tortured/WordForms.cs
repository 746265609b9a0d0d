namespace SpinDetect.Training.Evaluation.Tortured;

/// <summary>
/// The lemma-insensitive word comparison of the suggestion-hit metric: equal ignoring case, or one is the
/// other with a regular plural ending ("networks" = "network", "cases" = "case", "boxes" = "box",
/// "studies" = "study"). Nothing smarter, so the metric stays easy to reason about.
/// </summary>
internal static class WordForms
{
    /// <summary>Whether <paramref name="a"/> and <paramref name="b"/> are the same word up to case and plural.</summary>
    public static bool SameLemma(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return string.Equals(a, b, StringComparison.OrdinalIgnoreCase) || IsPluralOf(a, b) || IsPluralOf(b, a);
    }

    private static bool IsPluralOf(string plural, string singular)
    {
        var p = plural.AsSpan();
        var s = singular.AsSpan();
        if (p.Length == s.Length + 1 && EndsWith(p, "s") && p[..^1].Equals(s, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (p.Length == s.Length + 2 && EndsWith(p, "es") && p[..^2].Equals(s, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return p.Length == s.Length + 2 && EndsWith(p, "ies") && EndsWith(s, "y")
            && p[..^3].Equals(s[..^1], StringComparison.OrdinalIgnoreCase);
    }

    private static bool EndsWith(ReadOnlySpan<char> word, string ending) =>
        word.EndsWith(ending, StringComparison.OrdinalIgnoreCase);
}
