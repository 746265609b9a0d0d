using FsCheck;
using FsCheck.Fluent;
using SpinDetect.Quality;
using F = SpinDetect.Quality.QualityFeatures;

namespace SpinDetect.Tests.Quality;

public sealed class QualityFeatureExtractorTests
{
    private static (int Lines, float[] Rows, float[] Document, DocumentStats Stats) Extract(string text)
    {
        var scratch = new QualityScratch();
        var lines = QualityFeatureExtractor.Extract(text, scratch, out var stats);
        return (lines, scratch.Rows.AsSpan(0, lines * F.Count).ToArray(), [.. scratch.DocumentRow], stats);
    }

    [Fact]
    public void Schema_names_match_the_column_count()
    {
        Assert.Equal(F.Count, F.Names.Count);
        Assert.Equal(F.Names.Count, F.Names.Distinct().Count());
    }

    [Fact]
    public void Gopher_statistics_of_an_article()
    {
        var (lines, _, _, stats) = Extract(QualityArticles.Join(QualityArticles.Bridge));
        Assert.Equal(QualityArticles.Bridge.Length, lines);
        Assert.InRange(stats.Words, 250, 350);
        Assert.InRange(stats.MeanWordLength, 3, 10);
        Assert.True(stats.AlphaWordShare >= 0.8);
        Assert.True(stats.GopherStopWords >= 6);
        Assert.Equal(0, stats.DuplicateLineShare);
        Assert.Equal(1, stats.C4LineShare);
        Assert.True(stats.GopherPass);
    }

    [Fact]
    public void Line_features_describe_a_junk_line()
    {
        var text = QualityArticles.WithInserted(QualityArticles.Bridge, (2, "Share this article"));
        var (_, rows, _, _) = Extract(text);
        var junk = rows.AsSpan(2 * F.Count, F.Count);
        var article = rows.AsSpan(1 * F.Count, F.Count);
        Assert.Equal(0, junk[F.EndsTerminal]);
        Assert.Equal(1, article[F.EndsTerminal]);
        Assert.True(junk[F.LineWords] < article[F.LineWords]);
        Assert.True(junk[F.CoherenceDocument] < article[F.CoherenceDocument]);
    }

    [Fact]
    public void A_line_glued_to_a_prose_paragraph_is_not_read_as_a_wrapped_line_of_it()
    {
        // Paragraph 0: one long prose line and a glued related-story link; paragraph 1: the same prose hard-wrapped
        // at 70 characters; paragraph 2: a single line.
        var prose = QualityArticles.Library[0];
        var wrapped = new List<string>();
        var line = "";
        foreach (var word in prose.Split(' '))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > 70)
            {
                wrapped.Add(line);
                line = "";
            }

            line = line.Length == 0 ? word : line + " " + word;
        }

        wrapped.Add(line);
        var text = $"{prose}\nRead more: City plans to repave Main Street\n\n{string.Join("\n", wrapped)}\n\n{QualityArticles.Library[1]}\n";
        var (lines, rows, _, _) = Extract(text);
        Assert.Equal(2 + wrapped.Count + 1, lines);

        Assert.Equal(0, rows[F.ParagraphWrapped]);
        Assert.Equal(0, rows[F.Count + F.ParagraphWrapped]);
        Assert.True(rows[F.Count + F.ParagraphLengthRatio] < -1.5, $"glued line ratio {rows[F.Count + F.ParagraphLengthRatio]}");
        Assert.True(rows[F.ParagraphLengthRatio] > 1.5, $"prose line ratio {rows[F.ParagraphLengthRatio]}");
        for (var li = 2; li < 2 + wrapped.Count; li++)
        {
            Assert.Equal(1, rows[(li * F.Count) + F.ParagraphWrapped]);
            Assert.Equal(wrapped.Count, rows[(li * F.Count) + F.ParagraphLines]);
        }

        Assert.True(float.IsNaN(rows[((lines - 1) * F.Count) + F.ParagraphWrapped]));
        Assert.True(float.IsNaN(rows[((lines - 1) * F.Count) + F.ParagraphLengthRatio]));
    }

    [Theory]
    [InlineData("Read more: City plans to repave Main Street", 2)]
    [InlineData("Also on Example News: Flood warnings issued", 4)]
    [InlineData("Photo: Jane Doe/Example Agency", 1)]
    [InlineData("Open this photo in gallery:", 0)]
    [InlineData("Updated 10:30 am on Tuesday", 0)]
    [InlineData("The mayor gave three reasons for the delay: cost, weather and staff.", 0)]
    public void A_short_label_before_a_colon_that_opens_a_line_is_counted_in_words(string text, int words)
    {
        var (_, rows, _, _) = Extract(text + "\n");
        Assert.Equal(words, rows[F.LeadLabel]);
    }

    [Fact]
    public void Repeated_lines_are_counted()
    {
        var text = "One line that repeats here.\nSomething else entirely.\nOne line that repeats here.\n";
        var (_, rows, _, stats) = Extract(text);
        Assert.Equal(1, rows[F.Duplicates]);
        Assert.Equal(0, rows[F.DuplicateBefore]);
        Assert.Equal(1, rows[(2 * F.Count) + F.DuplicateBefore]);
        Assert.Equal(1.0 / 3, stats.DuplicateLineShare, 6);
    }

    [Fact]
    public void Extraction_never_throws_gives_no_infinities_and_is_deterministic()
    {
        var alphabet = "abcXYZ 019.,!?'\"\n\n\r\t:/@#-éÃ©â€™\uFFFD".ToCharArray();
        var texts = Gen.ArrayOf(Gen.Elements(alphabet)).Select(chars => new string(chars)).ToArbitrary();
        Prop.ForAll(texts, text =>
        {
            var first = Extract(text);
            var second = Extract(text);
            Assert.Equal(first.Lines, second.Lines);
            Assert.Equal(first.Rows, second.Rows);
            Assert.Equal(first.Document, second.Document);
            Assert.All(first.Rows, v => Assert.False(float.IsInfinity(v)));
            Assert.All(first.Document, v => Assert.False(float.IsInfinity(v)));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Extraction_of_arbitrary_strings_never_throws()
    {
        Prop.ForAll<string>(text =>
        {
            var (lines, rows, _, _) = Extract(text ?? "");
            Assert.Equal(lines * F.Count, rows.Length);
        }).QuickCheckThrowOnFailure();
    }
}
