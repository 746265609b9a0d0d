namespace SpinDetect.Training.Corpus;

/// <summary>
/// Decides whether an unwrapped paragraph from a manual is running prose worth spinning, as opposed to a
/// heading, table row, command line, code fragment or list of names.
/// </summary>
internal static class ProseFilter
{
    /// <summary>Fewest words a prose paragraph has.</summary>
    public const int MinWords = 12;

    /// <summary>Whether <paramref name="paragraph"/> (one line, unwrapped) reads as prose.</summary>
    public static bool IsProse(string paragraph)
    {
        ArgumentNullException.ThrowIfNull(paragraph);
        if (paragraph.Length == 0 || TextStatistics.CountWords(paragraph) < MinWords)
        {
            return false;
        }

        var first = paragraph[0];
        if (!(char.IsUpper(first) || first is '"' or '\u201C' or '('))
        {
            return false;
        }

        var last = paragraph[^1];
        if (last is not ('.' or '?' or '!' or ':' or '"' or '\u201D' or ')'))
        {
            return false;
        }

        int letters = 0, nonSpace = 0, code = 0;
        foreach (var c in paragraph)
        {
            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            nonSpace++;
            if (char.IsLetter(c))
            {
                letters++;
            }
            else if (c is '|' or '{' or '}' or '<' or '>' or '=' or '$' or '_' or '\\' or '#' or '*' or '~' or '^' or '/' or '[' or ']')
            {
                code++;
            }
        }

        return letters >= 0.75 * nonSpace && code <= 0.02 * nonSpace;
    }
}
