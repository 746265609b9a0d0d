using SpinDetect.Quality;

namespace SpinDetect.Tests.Quality;

public sealed class CleanTextWriterTests
{
    private static readonly TextLine[] Lines =
    [
        new(0, 13, 0, 14, 0),   // "Advertisement"
        new(14, 18, 14, 34, 0), // "The ferry is late."
        new(35, 15, 35, 51, 1), // "Share this page"
        new(51, 21, 51, 72, 1), // "Crews blamed the fog."
    ];

    private const string Source = "Advertisement\nThe ferry is late. \n\nShare this page\nCrews blamed the fog.";

    [Fact]
    public void Junk_lines_are_dropped_and_every_kept_character_maps_back_to_itself()
    {
        var writer = new CleanTextWriter();
        writer.Write(Source, [new JunkLine(0, 13, JunkReason.Boilerplate, 0.9f), new JunkLine(35, 15, JunkReason.Boilerplate, 0.9f)], Lines);

        var text = writer.Text.ToString();
        Assert.Equal("The ferry is late.\n\nCrews blamed the fog.\n", text);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\n')
            {
                Assert.Equal(text[i], Source[writer.ToSourceOffset(i)]);
            }
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => writer.ToSourceOffset(text.Length + 1));
    }

    [Fact]
    public void A_reused_writer_gives_what_a_fresh_clean_text_gives()
    {
        var writer = new CleanTextWriter();
        JunkLine[] first = [new(0, 13, JunkReason.Boilerplate, 0.9f)];
        JunkLine[] second = [new(35, 15, JunkReason.Boilerplate, 0.9f)];
        writer.Write(Source, first, Lines);
        writer.Write(Source, second, Lines);

        var fresh = CleanText.Build(Source, second, Lines);
        Assert.Equal(fresh.Text, writer.Text.ToString());
        Assert.Equal(fresh.SegmentCount, writer.SegmentCount);
        for (var i = 0; i <= fresh.Text.Length; i++)
        {
            Assert.Equal(fresh.ToSourceOffset(i), writer.ToSourceOffset(i));
        }

        writer.Write("short", [], []);
        Assert.Equal("short", writer.Text.ToString());
        Assert.Equal(3, writer.ToSourceOffset(3));
    }
}
