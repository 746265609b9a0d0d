using SpinDetect.Cli.Scoring;

namespace SpinDetect.Tests.Scoring;

public sealed class ResumeFileTests
{
    [Fact]
    public void A_jsonl_tail_without_a_line_break_is_cut_off_and_failed_records_counted()
    {
        using var folder = new TempFolder();
        var path = folder.Write("out.jsonl.partial",
            "{\"path\":\"a\",\"spun\":false,\"error\":null}\n{\"path\":\"b\",\"spun\":null,\"error\":\"empty file\"}\n{\"path\":\"c\",\"sp");

        var done = ResumeFile.Recover(path, OutputFormat.Jsonl);

        Assert.Equal(["a", "b"], done.Paths.Order(StringComparer.Ordinal));
        Assert.Equal(1, done.Failed);
        Assert.True(done.HasContent);
        Assert.EndsWith("\"empty file\"}\n", File.ReadAllText(path), StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_score_output_is_refused_with_its_line_number()
    {
        using var folder = new TempFolder();
        var path = folder.Write("out.jsonl.partial", "{\"path\":\"a\",\"error\":null}\nhello\n{\"path\":\"c\",\"error\":null}\n");
        var error = Assert.Throws<InvalidDataException>(() => ResumeFile.Recover(path, OutputFormat.Jsonl));
        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_csv_with_a_foreign_header_is_refused()
    {
        using var folder = new TempFolder();
        var path = folder.Write("out.csv.partial", "id,text,label,a,b,c,d,e\nx,y,z,1,2,3,4,5\n");
        Assert.Throws<InvalidDataException>(() => ResumeFile.Recover(path, OutputFormat.Csv));
    }

    [Fact]
    public void A_csv_cut_inside_its_header_starts_afresh()
    {
        using var folder = new TempFolder();
        var path = folder.Write("out.csv.partial", "path,spun,conf");
        var done = ResumeFile.Recover(path, OutputFormat.Csv);
        Assert.False(done.HasContent);
        Assert.Equal(0, new FileInfo(path).Length);
    }
}
