using System.Text.Json;
using CsvHelper;

namespace SpinDetect.Tests.Scoring;

public sealed class RecordSchemaTests
{
    private static readonly string[] Fields = ["path", "spun", "confidence", "quality", "words", "flags", "evidence", "error"];

    [Fact]
    public void Jsonl_records_have_exactly_the_documented_fields_and_types()
    {
        using var folder = new TempFolder();
        folder.Write("a.txt", Articles.Spun);
        folder.Write("b.txt", []);
        var result = new CliHarness().Run(["score", folder.Path]);

        var scored = JsonDocument.Parse(result.Lines[0]).RootElement;
        Assert.Equal(Fields, scored.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.String, scored.GetProperty("path").ValueKind);
        Assert.Equal(JsonValueKind.True, scored.GetProperty("spun").ValueKind);
        Assert.InRange(scored.GetProperty("confidence").GetDouble(), 0, 1);
        Assert.InRange(scored.GetProperty("quality").GetDouble(), 0, 1);
        Assert.True(scored.GetProperty("words").TryGetInt32(out var words) && words > 50);
        Assert.All(scored.GetProperty("flags").EnumerateArray(), f => Assert.Equal(JsonValueKind.String, f.ValueKind));
        Assert.Equal(JsonValueKind.Null, scored.GetProperty("error").ValueKind);
        var evidence = scored.GetProperty("evidence").EnumerateArray().ToList();
        Assert.Equal(4, evidence.Count);
        foreach (var span in evidence)
        {
            Assert.Equal(["offset", "length", "text", "suggestion", "score"], span.EnumerateObject().Select(p => p.Name));
            Assert.True(span.GetProperty("offset").TryGetInt32(out var offset));
            Assert.True(span.GetProperty("length").TryGetInt32(out var length));
            Assert.Equal(Articles.Spun.Substring(offset, length), span.GetProperty("text").GetString());
            Assert.Equal(JsonValueKind.String, span.GetProperty("suggestion").ValueKind);
            Assert.Equal(JsonValueKind.Number, span.GetProperty("score").ValueKind);
        }

        Assert.Contains(evidence, e => e.GetProperty("text").GetString() == "purse" && e.GetProperty("suggestion").GetString() == "bag");

        var failed = JsonDocument.Parse(result.Lines[1]).RootElement;
        Assert.Equal(Fields, failed.EnumerateObject().Select(p => p.Name));
        foreach (var field in new[] { "spun", "confidence", "quality", "words" })
        {
            Assert.Equal(JsonValueKind.Null, failed.GetProperty(field).ValueKind);
        }

        Assert.Equal(0, failed.GetProperty("flags").GetArrayLength());
        Assert.Equal(0, failed.GetProperty("evidence").GetArrayLength());
        Assert.Equal(JsonValueKind.String, failed.GetProperty("error").ValueKind);
    }

    [Fact]
    public void Csv_has_the_same_columns_with_lists_compacted()
    {
        using var folder = new TempFolder();
        folder.Write("a.txt", Articles.Spun);
        folder.Write("b.txt", "Too short.");
        folder.Write("c.txt", [0]);
        var result = new CliHarness().Run(["score", folder.Path, "--format", "csv"]);

        using var csv = CsvReader.FromText(result.Output, CsvReaderOptions.Default with { HasHeader = false, Separator = ',' });
        Assert.True(csv.Read());
        Assert.Equal(Fields, Enumerable.Range(0, csv.FieldCount).Select(csv.GetString));

        Assert.True(csv.Read());
        Assert.Equal(8, csv.FieldCount);
        Assert.Equal("true", csv.GetString(1));
        Assert.InRange(double.Parse(csv.GetString(2), System.Globalization.CultureInfo.InvariantCulture), 0, 1);
        Assert.InRange(double.Parse(csv.GetString(3), System.Globalization.CultureInfo.InvariantCulture), 0, 1);
        Assert.True(int.Parse(csv.GetString(4), System.Globalization.CultureInfo.InvariantCulture) > 50);
        Assert.Equal("", csv.GetString(5));
        Assert.Equal("purse→bag; arise→result; hires→employees; seasons→times", csv.GetString(6));
        Assert.Equal("", csv.GetString(7));

        Assert.True(csv.Read());
        Assert.Equal("false", csv.GetString(1));
        Assert.Equal("too-short", csv.GetString(5));

        Assert.True(csv.Read());
        Assert.Equal("", csv.GetString(1));
        Assert.StartsWith("binary file", csv.GetString(7), StringComparison.Ordinal);
        Assert.False(csv.Read());
    }

    [Theory]
    [InlineData("out.csv", "path,spun,")]
    [InlineData("out.CSV", "path,spun,")]
    [InlineData("out.jsonl", "{\"path\":")]
    [InlineData("out.txt", "{\"path\":")]
    public void The_output_extension_chooses_the_format(string name, string start)
    {
        using var folder = new TempFolder();
        folder.Write("in/a.txt", Articles.Clean);
        Assert.Equal(0, new CliHarness().Run(["score", folder["in"], "-o", folder[name]]).Exit);
        Assert.StartsWith(start, File.ReadAllText(folder[name]), StringComparison.Ordinal);
    }
}
