using SpinDetect.Training.Corpus;
using SpinDetect.Training.Spinning;

namespace SpinDetect.Tests.Corpus;

public sealed class CorpusCsvTests
{
    [Fact]
    public void Texts_with_quotes_commas_and_newlines_survive_a_round_trip()
    {
        var records = new[]
        {
            new CorpusRecord { Id = "a#000", Source = "brown", Register = "news", Document = "brown/a", Split = "train", Text = "He said, \"yes\"\n\nand left, twice." },
            new CorpusRecord
            {
                Id = "a#000~moby", Source = "brown", Register = "news", Document = "brown/a", Split = "train", Label = 1, Spinner = "moby",
                Style = "every-nth", Choice = "common", Subset = "half", SpinRate = 0.1234, Words = 7, OriginalId = "a#000",
                Text = "=SUM(1,2) \"quoted\", \r\nCRLF line\n-dash start, trailing space ",
            },
        };
        using var stream = new MemoryStream();

        CorpusCsv.Write(stream, records);
        stream.Position = 0;
        var read = CorpusCsv.Read(stream, "memory");

        Assert.Equal(records.Length, read.Count);
        for (var i = 0; i < records.Length; i++)
        {
            Assert.Equivalent(records[i], read[i], strict: true);
        }
    }

    [Fact]
    public void A_missing_column_is_reported()
    {
        using var stream = new MemoryStream("id,source\nx,y\n"u8.ToArray());

        var error = Assert.Throws<InvalidDataException>(() => CorpusCsv.Read(stream, "broken.csv"));
        Assert.Contains("broken.csv", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Substitution_logs_survive_a_jsonl_round_trip()
    {
        var path = Path.Combine(Path.GetTempPath(), "spindetect-log-" + Guid.NewGuid().ToString("N") + ".jsonl");
        IReadOnlyList<Substitution> log = [new(4, 3, 4, 5, "big", "large"), new(10, 13, 12, 10, "Shortly after", "Soon \"after\"")];
        try
        {
            SubstitutionJsonl.Write(path, [("t~moby", "t", log), ("u~moby", "u", [])]);
            var read = SubstitutionJsonl.Read(path);

            Assert.Equal(log, read["t~moby"]);
            Assert.Empty(read["u~moby"]);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
