using SpinDetect.Quality;

namespace SpinDetect.Tests.Quality;

public sealed class LineSegmenterTests
{
    [Fact]
    public void Lines_have_trimmed_ranges_full_ranges_and_paragraph_numbers()
    {
        const string Text = "  First line \r\nSecond line\n\n\nThird\rFourth";
        var lines = Array.Empty<TextLine>();
        var count = LineSegmenter.Segment(Text, ref lines);
        Assert.Equal(4, count);
        Assert.Equal("First line", Text.Substring(lines[0].Start, lines[0].Length));
        Assert.Equal(0, lines[0].FullStart);
        Assert.Equal(Text.IndexOf("Second", StringComparison.Ordinal), lines[0].FullEnd);
        Assert.Equal("Second line", Text.Substring(lines[1].Start, lines[1].Length));
        Assert.Equal([0, 0, 1, 1], lines.Take(count).Select(l => l.Paragraph));
        Assert.Equal("Fourth", Text.Substring(lines[3].Start, lines[3].Length));
        Assert.Equal(Text.Length, lines[3].FullEnd);
    }

    [Fact]
    public void Blank_text_has_no_lines()
    {
        var lines = Array.Empty<TextLine>();
        Assert.Equal(0, LineSegmenter.Segment(" \n\t\r\n ", ref lines));
    }
}
