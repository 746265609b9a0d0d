namespace SpinDetect.Training.Corpus;

/// <summary>
/// Finds sentence ends in plain prose: a full stop, question or exclamation mark (with closing quotes or
/// brackets) followed by white space and an upper-case letter, opening quote or digit, except after common
/// abbreviations ("Mr.", "U.S.", "e.g.").
/// </summary>
internal static class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "st", "jr", "sr", "prof", "gen", "gov", "sen", "rep", "col", "lt", "capt", "sgt",
        "rev", "hon", "no", "vol", "fig", "etc", "vs", "cf", "e.g", "i.e", "u.s", "u.n", "u.k", "inc", "ltd", "co",
        "corp", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft",
        "a.m", "p.m", "messrs", "esq", "ave", "approx", "dept", "est",
    };

    /// <summary>Splits <paramref name="text"/> (one paragraph, no blank lines) into trimmed sentences.</summary>
    public static List<string> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sentences = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is not ('.' or '?' or '!'))
            {
                continue;
            }

            var end = i + 1;
            while (end < text.Length && text[end] is '"' or '\'' or ')' or ']' or '\u201D' or '\u2019' or '.' or '!' or '?')
            {
                end++;
            }

            if (end >= text.Length || !char.IsWhiteSpace(text[end]))
            {
                continue;
            }

            var next = end;
            while (next < text.Length && char.IsWhiteSpace(text[next]))
            {
                next++;
            }

            if (next >= text.Length)
            {
                break;
            }

            var n = text[next];
            if (!(char.IsUpper(n) || char.IsDigit(n) || n is '"' or '\u201C' or '\'' or '(' or '['))
            {
                continue;
            }

            if (c == '.' && IsAbbreviation(text, i))
            {
                continue;
            }

            var sentence = text[start..end].Trim();
            if (sentence.Length > 0)
            {
                sentences.Add(sentence);
            }

            start = next;
            i = next - 1;
        }

        var last = text[start..].Trim();
        if (last.Length > 0)
        {
            sentences.Add(last);
        }

        return sentences;
    }

    private static bool IsAbbreviation(string text, int dot)
    {
        var begin = dot;
        while (begin > 0 && (char.IsLetter(text[begin - 1]) || text[begin - 1] == '.'))
        {
            begin--;
        }

        var word = text.AsSpan(begin, dot - begin);
        if (word.Length == 0)
        {
            return false;
        }

        // Single capital letters are initials ("John F. Kennedy").
        if (word.Length == 1 && char.IsUpper(word[0]))
        {
            return true;
        }

        return Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);
    }
}
