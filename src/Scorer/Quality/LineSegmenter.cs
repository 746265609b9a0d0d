namespace SpinDetect.Quality;

/// <summary>Splits text into non-blank lines with offsets and paragraph numbers (\n, \r\n and \r all end a line).</summary>
internal static class LineSegmenter
{
    /// <summary>Writes the lines of <paramref name="text"/> into <paramref name="lines"/>, growing it from the
    /// shared pool when needed; returns the number of lines.</summary>
    public static int Segment(ReadOnlySpan<char> text, ref TextLine[] lines)
    {
        var count = 0;
        var paragraph = 0;
        var blankSeen = false;
        var lineStart = 0;
        while (lineStart < text.Length)
        {
            var rest = text[lineStart..];
            var breakAt = rest.IndexOfAny('\n', '\r');
            int contentEnd, fullEnd;
            if (breakAt < 0)
            {
                contentEnd = text.Length;
                fullEnd = text.Length;
            }
            else
            {
                contentEnd = lineStart + breakAt;
                fullEnd = contentEnd + 1;
                if (text[contentEnd] == '\r' && fullEnd < text.Length && text[fullEnd] == '\n')
                {
                    fullEnd++;
                }
            }

            var start = lineStart;
            while (start < contentEnd && char.IsWhiteSpace(text[start]))
            {
                start++;
            }

            var end = contentEnd;
            while (end > start && char.IsWhiteSpace(text[end - 1]))
            {
                end--;
            }

            if (end == start)
            {
                blankSeen = count > 0;
            }
            else
            {
                if (blankSeen)
                {
                    paragraph++;
                    blankSeen = false;
                }

                if (count == lines.Length)
                {
                    ScratchPool.Grow(ref lines, count + 1);
                }

                lines[count++] = new TextLine(start, end - start, lineStart, fullEnd, paragraph);
            }

            lineStart = fullEnd;
        }

        return count;
    }
}
