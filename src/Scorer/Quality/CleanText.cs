namespace SpinDetect.Quality;

/// <summary>
/// The article text with junk lines removed, and the map back to the source: each kept piece of the source is one
/// segment, so an offset found by scoring the clean text can be reported as an offset in the original.
/// </summary>
internal sealed class CleanText
{
    private readonly int[] _cleanStarts;
    private readonly int[] _sourceStarts;

    internal CleanText(string text, int[] cleanStarts, int[] sourceStarts)
    {
        Text = text;
        _cleanStarts = cleanStarts;
        _sourceStarts = sourceStarts;
    }

    /// <summary>The clean text.</summary>
    public string Text { get; }

    /// <summary>Number of kept source pieces.</summary>
    public int SegmentCount => _cleanStarts.Length;

    /// <summary>The source offset of the character at <paramref name="cleanOffset"/> in <see cref="Text"/>
    /// (<see cref="Text"/>.Length maps to just past the last kept character).</summary>
    public int ToSourceOffset(int cleanOffset)
    {
        if ((uint)cleanOffset > (uint)Text.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(cleanOffset), cleanOffset, "Offset lies outside the clean text.");
        }

        if (_cleanStarts.Length == 0)
        {
            return cleanOffset;
        }

        var index = Array.BinarySearch(_cleanStarts, cleanOffset);
        if (index < 0)
        {
            index = ~index - 1;
        }

        return _sourceStarts[Math.Max(index, 0)] + (cleanOffset - _cleanStarts[Math.Max(index, 0)]);
    }

    /// <summary>Builds the clean text of <paramref name="source"/> without the given junk lines (sorted by start),
    /// keeping paragraph breaks but never leaving two blank lines where junk was removed.</summary>
    public static CleanText Build(ReadOnlySpan<char> source, IReadOnlyList<JunkLine> junk, ReadOnlySpan<TextLine> lines)
    {
        if (junk.Count == 0)
        {
            return new CleanText(source.ToString(), [0], [0]);
        }

        var builder = new System.Text.StringBuilder(source.Length);
        var cleanStarts = new List<int>();
        var sourceStarts = new List<int>();
        var junkIndex = 0;
        var previousParagraph = -1;
        foreach (var line in lines)
        {
            while (junkIndex < junk.Count && junk[junkIndex].Start < line.Start)
            {
                junkIndex++;
            }

            if (junkIndex < junk.Count && junk[junkIndex].Start == line.Start)
            {
                continue;
            }

            // One blank line between paragraphs, however many junk lines stood between them.
            if (previousParagraph >= 0 && line.Paragraph != previousParagraph)
            {
                builder.Append('\n');
            }

            previousParagraph = line.Paragraph;
            cleanStarts.Add(builder.Length);
            sourceStarts.Add(line.Start);
            builder.Append(source.Slice(line.Start, line.Length));
            builder.Append('\n');
        }

        return new CleanText(builder.ToString(), [.. cleanStarts], [.. sourceStarts]);
    }
}
