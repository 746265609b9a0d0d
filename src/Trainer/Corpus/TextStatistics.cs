namespace SpinDetect.Training.Corpus;

/// <summary>Cheap counts on plain text shared by the readers, chunker and builder.</summary>
internal static class TextStatistics
{
    /// <summary>Number of white-space separated words.</summary>
    public static int CountWords(ReadOnlySpan<char> text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                inWord = false;
            }
            else if (!inWord)
            {
                inWord = true;
                count++;
            }
        }

        return count;
    }

    /// <summary>Splits text at blank lines into trimmed, non-empty paragraphs.</summary>
    public static List<string> Paragraphs(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new List<string>();
        foreach (var block in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n"))
        {
            var trimmed = block.Trim();
            if (trimmed.Length > 0)
            {
                result.Add(trimmed);
            }
        }

        return result;
    }

    /// <summary>Joins wrapped lines of one paragraph with single spaces and collapses runs of white space.</summary>
    public static string Unwrap(string paragraph)
    {
        ArgumentNullException.ThrowIfNull(paragraph);
        var builder = new System.Text.StringBuilder(paragraph.Length);
        var space = false;
        foreach (var c in paragraph)
        {
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
