namespace SpinDetect.Quality;

/// <summary>
/// Builds the clean text (junk lines removed, one blank line between paragraphs) into buffers it keeps, with the
/// map back to source offsets. The scoring pipeline keeps one per thread so that cleaning a scraped page costs no
/// allocation; <see cref="CleanText"/> is the immutable copy for callers who keep the result.
/// </summary>
internal sealed class CleanTextWriter
{
    private char[] _chars = [];
    private int[] _cleanStarts = [];
    private int[] _sourceStarts = [];

    /// <summary>Length of the clean text written last.</summary>
    public int Length { get; private set; }

    /// <summary>Characters the buffer holds without growing.</summary>
    public int Capacity => _chars.Length;

    /// <summary>Number of kept source pieces written last.</summary>
    public int SegmentCount { get; private set; }

    /// <summary>The clean text written last; valid until the next <see cref="Write"/>.</summary>
    public ReadOnlySpan<char> Text => _chars.AsSpan(0, Length);

    /// <summary>Writes the text of <paramref name="lines"/> that are not in <paramref name="junk"/> (both in source order).</summary>
    public void Write(ReadOnlySpan<char> source, IReadOnlyList<JunkLine> junk, ReadOnlySpan<TextLine> lines)
    {
        ArgumentNullException.ThrowIfNull(junk);
        Length = 0;
        SegmentCount = 0;
        if (junk.Count == 0)
        {
            Ensure(source.Length + 1, 1);
            source.CopyTo(_chars);
            Length = source.Length;
            _cleanStarts[0] = 0;
            _sourceStarts[0] = 0;
            SegmentCount = 1;
            return;
        }

        // Each kept line adds its text, a newline and at most one paragraph break.
        Ensure(source.Length + (2 * lines.Length) + 1, lines.Length);
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

            if (previousParagraph >= 0 && line.Paragraph != previousParagraph)
            {
                _chars[Length++] = '\n';
            }

            previousParagraph = line.Paragraph;
            _cleanStarts[SegmentCount] = Length;
            _sourceStarts[SegmentCount++] = line.Start;
            source.Slice(line.Start, line.Length).CopyTo(_chars.AsSpan(Length));
            Length += line.Length;
            _chars[Length++] = '\n';
        }
    }

    /// <summary>The source offset of the character at <paramref name="cleanOffset"/> in <see cref="Text"/>
    /// (<see cref="Length"/> maps to just past the last kept character).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The offset lies outside the clean text.</exception>
    public int ToSourceOffset(int cleanOffset) =>
        MapToSource(cleanOffset, Length, _cleanStarts.AsSpan(0, SegmentCount), _sourceStarts.AsSpan(0, SegmentCount));

    /// <summary>An immutable copy of what was written last.</summary>
    public CleanText ToCleanText() =>
        new(Text.ToString(), _cleanStarts.AsSpan(0, SegmentCount).ToArray(), _sourceStarts.AsSpan(0, SegmentCount).ToArray());

    /// <summary>Maps a clean-text offset through segment starts (ascending clean starts, matching source starts).</summary>
    internal static int MapToSource(int cleanOffset, int cleanLength, ReadOnlySpan<int> cleanStarts, ReadOnlySpan<int> sourceStarts)
    {
        if ((uint)cleanOffset > (uint)cleanLength)
        {
            throw new ArgumentOutOfRangeException(nameof(cleanOffset), cleanOffset, "Offset lies outside the clean text.");
        }

        if (cleanStarts.Length == 0)
        {
            return cleanOffset;
        }

        var index = cleanStarts.BinarySearch(cleanOffset);
        if (index < 0)
        {
            index = ~index - 1;
        }

        index = Math.Max(index, 0);
        return sourceStarts[index] + (cleanOffset - cleanStarts[index]);
    }

    private void Ensure(int chars, int segments)
    {
        if (_chars.Length < chars)
        {
            _chars = new char[Math.Max(chars, 2 * _chars.Length)];
        }

        if (_cleanStarts.Length < segments)
        {
            var size = Math.Max(segments, 2 * _cleanStarts.Length);
            _cleanStarts = new int[size];
            _sourceStarts = new int[size];
        }
    }
}
