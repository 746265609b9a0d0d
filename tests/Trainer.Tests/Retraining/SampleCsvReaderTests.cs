using System.Text;
using SpinDetect.Training.Retraining;

namespace SpinDetect.Tests.Retraining;

public sealed class SampleCsvReaderTests : IDisposable
{
    private readonly RetrainFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public void Quoted_fields_keep_embedded_commas_quotes_and_line_breaks_and_lines_count_from_the_record_start()
    {
        var path = Write("q.csv", "text,label\n\"one, \"\"two\"\"\nthree\",spun\nplain,clean\n");
        var samples = Read(path, out var problems);

        Assert.Empty(problems);
        Assert.Equal("one, \"two\"\nthree", samples[0].Text);
        Assert.Equal(2, samples[0].Line);
        Assert.Equal(4, samples[1].Line);
        Assert.Equal([true, false], samples.Select(s => s.Spun));
    }

    [Fact]
    public void A_byte_order_mark_crlf_and_a_semicolon_delimiter_are_detected()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("Text;Label;Group\r\n\"a; b\";1;g1\r\nc, d;0;g1\r\n")).ToArray();
        var path = _fixture["bom.csv"];
        File.WriteAllBytes(path, bytes);
        var samples = Read(path, out var problems);

        Assert.Empty(problems);
        Assert.Equal(["a; b", "c, d"], samples.Select(s => s.Text));
        Assert.Equal([2, 3], samples.Select(s => s.Line));
        Assert.Equal(["g1", "g1"], samples.Select(s => s.Group));
    }

    [Fact]
    public void A_given_delimiter_overrides_detection()
    {
        var path = Write("semi.csv", "text;label\na, b;1\n");
        var samples = Read(path, out var problems, new RetrainOptions { Delimiter = "," });

        Assert.Empty(samples);
        Assert.Contains(problems, p => p.Line == 1 && p.Message == "missing column 'label': the header has 'text;label' (delimiter ',')");
        Assert.Equal("a, b", Read(path, out _, new RetrainOptions { Delimiter = ";" })[0].Text);
    }

    [Fact]
    public void Utf16_with_a_byte_order_mark_and_windows_1252_without_one_are_decoded()
    {
        var utf16 = _fixture["utf16.csv"];
        File.WriteAllBytes(utf16, Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("text,label\ncafé,0\n")).ToArray());
        var ansi = _fixture["ansi.csv"];
        File.WriteAllBytes(ansi, [.. Encoding.ASCII.GetBytes("text,label\ncaf"), 0xE9, 0x20, 0x93, 0x71, 0x94, .. Encoding.ASCII.GetBytes(",0\n")]);

        Assert.Equal("café", Read(utf16, out _)[0].Text);
        Assert.Equal("café \u201Cq\u201D", Read(ansi, out _)[0].Text);
    }

    [Fact]
    public void Path_rows_read_files_relative_to_the_csv_and_weights_are_parsed()
    {
        _fixture.Write("in/texts/a.txt", "the text of a");
        var path = Write("in/list.csv", "path,label,weight\ntexts/a.txt,spun,2.5\n");
        var samples = Read(path, out var problems);

        Assert.Empty(problems);
        Assert.Equal("the text of a", samples[0].Text);
        Assert.Equal(2.5, samples[0].Weight);
    }

    [Theory]
    [InlineData("text\nx\n", 1, "missing column 'label'")]
    [InlineData("label,group\n1,a\n", 1, "missing column 'text' or 'path'")]
    [InlineData("text,path,label\na,b,1\n", 1, "both 'text' and 'path'")]
    [InlineData("text,label\nok,1\nbad,yes\n", 3, "unknown label 'yes'")]
    [InlineData("text,label\n  ,1\n", 2, "empty text")]
    [InlineData("text,label\nok,1\nx,1,extra\n", 3, "3 field(s) where the header has 2")]
    [InlineData("text,label,weight\nok,1,-2\n", 2, "weight '-2' is not a positive number")]
    [InlineData("text,label\nok,1\n\"a\"b,0\n", 3, "malformed CSV")]
    public void Each_row_problem_names_its_line(string csv, int line, string message)
    {
        Read(Write("bad.csv", csv), out var problems);

        var problem = Assert.Single(problems);
        Assert.Equal(line, problem.Line);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
        Assert.StartsWith(_fixture["bad.csv"] + ":" + line + ": ", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Over_long_texts_and_unreadable_paths_name_their_lines()
    {
        var longCsv = Read(Write("long.csv", "text,label\nshort,1\n" + new string('a', 50) + ",0\n"), out var longProblems, new RetrainOptions { MaxTextLength = 20 });
        Read(Write("paths.csv", "path,label\n\nmissing.txt,1\n"), out var pathProblems);

        Assert.Single(longCsv);
        Assert.Equal(3, Assert.Single(longProblems).Line);
        Assert.Contains("longer than the limit of 20", longProblems[0].Message, StringComparison.Ordinal);
        Assert.Equal(3, Assert.Single(pathProblems).Line);
        Assert.Contains("cannot read 'missing.txt'", pathProblems[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_binary_file_or_a_folder_in_the_path_column_is_a_problem_naming_it()
    {
        File.WriteAllBytes(_fixture["photo.txt"], [0x89, 0x50, 0x4E, 0x47, 0x00, 0x1A, 0x0A]);
        Directory.CreateDirectory(_fixture["texts"]);
        Write("ok.txt", "A plain text.");
        var samples = Read(Write("paths.csv", "path,label\nphoto.txt,1\ntexts,0\nok.txt,0\n"), out var problems);

        Assert.Equal(["A plain text."], samples.Select(s => s.Text));
        Assert.Contains(problems, p => p.Line == 2 && p.Message.Contains("'photo.txt'", StringComparison.Ordinal) && p.Message.Contains("binary file", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Line == 3 && p.Message.Contains("is a folder, not a file", StringComparison.Ordinal));
    }

    [Fact]
    public void A_named_pipe_in_the_path_column_is_refused_without_waiting_for_a_writer()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return;
        }

        var pipe = _fixture["pipe.txt"];
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [pipe]))
        {
            mkfifo.WaitForExit();
        }

        Read(Write("paths.csv", "path,label\npipe.txt,1\n"), out var problems);

        Assert.Contains(problems, p => p.Line == 2 && p.Message.Contains("not a regular file", StringComparison.Ordinal));
    }

    [Fact]
    public void A_folder_given_as_the_samples_file_is_named_as_a_folder()
    {
        Directory.CreateDirectory(_fixture["samples"]);
        Read(_fixture["samples"], out var problems);

        Assert.Contains(problems, p => p.Message.Contains("is a folder, not a file", StringComparison.Ordinal));
    }

    private string Write(string name, string text) => _fixture.Write(name, text);

    private static List<UserSample> Read(string path, out List<SampleProblem> problems, RetrainOptions? options = null)
    {
        problems = [];
        return SampleCsvReader.Read(path, options ?? new RetrainOptions(), problems);
    }
}
