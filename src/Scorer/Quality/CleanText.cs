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
    public int ToSourceOffset(int cleanOffset) => CleanTextWriter.MapToSource(cleanOffset, Text.Length, _cleanStarts, _sourceStarts);

    /// <summary>Builds the clean text of <paramref name="source"/> without the given junk lines (sorted by start),
    /// keeping paragraph breaks but never leaving two blank lines where junk was removed.</summary>
    public static CleanText Build(ReadOnlySpan<char> source, IReadOnlyList<JunkLine> junk, ReadOnlySpan<TextLine> lines)
    {
        var writer = new CleanTextWriter();
        writer.Write(source, junk, lines);
        return writer.ToCleanText();
    }
}
