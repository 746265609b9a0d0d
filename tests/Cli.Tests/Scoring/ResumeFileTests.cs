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

    [Fact]
    public void A_jsonl_file_read_as_csv_is_refused_and_left_as_it_was()
    {
        using var folder = new TempFolder();
        const string Jsonl = "{\"path\":\"a\",\"spun\":false,\"error\":null}\n";
        var path = folder.Write("out.partial", Jsonl);
        Assert.Throws<InvalidDataException>(() => ResumeFile.Recover(path, OutputFormat.Csv));
        Assert.Equal(Jsonl, File.ReadAllText(path));
    }

    [Fact]
    public void A_csv_line_of_another_shape_between_records_is_refused_rather_than_cut()
    {
        using var folder = new TempFolder();
        var header = string.Join(',', RecordSchema.Fields);
        var text = $"{header}\na,false,0.1,0.9,100,,,\nnot a record\nb,false,0.1,0.9,100,,,\n";
        var path = folder.Write("out.csv.partial", text);
        var error = Assert.Throws<InvalidDataException>(() => ResumeFile.Recover(path, OutputFormat.Csv));
        Assert.Contains("1 fields, not 8", error.Message, StringComparison.Ordinal);
        Assert.Equal(text, File.ReadAllText(path));
    }

    [Fact]
    public void Record_files_are_told_from_other_files_by_their_first_line()
    {
        using var folder = new TempFolder();
        Assert.True(ResumeFile.IsRecordFile(folder.Write("a.jsonl", "{\"path\":\"a\",\"error\":null}\n")));
        Assert.True(ResumeFile.IsRecordFile(folder.Write("b.csv", string.Join(',', RecordSchema.Fields) + "\n")));
        Assert.False(ResumeFile.IsRecordFile(folder.Write("c.txt", "An article about the harbour.\n")));
        Assert.True(ResumeFile.IsRecordFile(folder.Write("d.jsonl", "")));
        Assert.False(ResumeFile.IsRecordFile(folder["missing.txt"]));
    }
}
