using SpinDetect.Training.Evaluation.Tortured;

namespace SpinDetect.Tests.Evaluation.Tortured;

public sealed class TorturedCsvReaderTests
{
    private static TorturedPhraseSet ReadFixture(int minPapers = 10) =>
        TorturedCsvReader.Read(new StringReader(MadeUpPairs.Csv), "made-up.csv", minPapers);

    [Fact]
    public void Keeps_single_phrases_with_enough_papers_in_file_order()
    {
        var set = ReadFixture();
        Assert.Equal(MadeUpPairs.Rows, set.TotalRows);
        Assert.Equal(["crimson fruit", "speedy vehicle", "huge canine", "ancient tome"], set.Pairs.Select(p => p.Tortured.Text));
        Assert.Equal(["red apple", "fast car", "big dog", "old book"], set.Pairs.Select(p => p.Expected.Text));
        Assert.Equal([2, 3, 4, 5], set.Pairs.Select(p => p.Line));
    }

    [Fact]
    public void Paper_counts_with_thousands_separators_are_read()
    {
        Assert.Equal([5120, 1234567, 40, 10], ReadFixture().Pairs.Select(p => p.Papers));
    }

    [Fact]
    public void Question_marks_in_the_expected_phrase_are_flagged()
    {
        Assert.Equal([false, false, false, true], ReadFixture().Pairs.Select(p => p.Uncertain));
    }

    [Fact]
    public void Every_skipped_row_is_counted_once_under_its_reason()
    {
        var set = ReadFixture();
        foreach (var reason in Enum.GetValues<SkipReason>())
        {
            Assert.Equal(1, set.Skipped[reason]);
        }

        Assert.Equal(set.TotalRows - set.Pairs.Count, set.Skipped.Values.Sum());
        Assert.Equal(10, set.SkippedRows);
    }

    [Fact]
    public void The_paper_threshold_moves_rows_between_used_and_too_few()
    {
        var set = ReadFixture(minPapers: 41);
        Assert.Equal(["crimson fruit", "speedy vehicle"], set.Pairs.Select(p => p.Tortured.Text));
        Assert.Equal(3, set.Skipped[SkipReason.TooFewPapers]);
    }

    [Fact]
    public void A_missing_file_names_the_path()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-such-{Guid.NewGuid():N}.csv");
        var ex = Assert.Throws<FileNotFoundException>(() => TorturedCsvReader.Read(path, 10));
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_column_names_the_file_and_the_column()
    {
        var ex = Assert.Throws<InvalidDataException>(() =>
            TorturedCsvReader.Read(new StringReader("tortured_phrase,num_papers\n\"\"\"a b\"\"\",12\n"), "cut.csv", 10));
        Assert.Contains("cut.csv", ex.Message, StringComparison.Ordinal);
        Assert.Contains("expected_phrase", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_file_is_an_error()
    {
        var ex = Assert.Throws<InvalidDataException>(() => TorturedCsvReader.Read(new StringReader(""), "empty.csv", 10));
        Assert.Contains("empty.csv", ex.Message, StringComparison.Ordinal);
    }
}
