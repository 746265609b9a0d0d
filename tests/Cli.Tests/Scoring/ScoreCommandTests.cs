using System.Text;
using System.Text.Json;

namespace SpinDetect.Tests.Scoring;

public sealed class ScoreCommandTests
{
    [Fact]
    public void A_folder_of_good_and_bad_files_gives_one_record_per_file_and_exit_code_1()
    {
        using var folder = new TempFolder();
        folder.Write("a-clean.txt", Articles.Clean);
        folder.Write("b-spun.md", Articles.Spun);
        folder.Write("c-page.html", $"<html><head><title>News</title><script>var purse = 1;</script></head><body><p>{Articles.Spun}</p></body></html>");
        folder.Write("d-empty.txt", []);
        folder.Write("e-binary.txt", [(byte)'a', (byte)'b', 0, 0, 1, 2]);
        folder.Write("f-invalid.txt", [.. Encoding.UTF8.GetBytes(Articles.Clean), 0xFF, 0xFE, (byte)' ', (byte)'x']);
        folder.Write("g-utf16.txt", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Articles.Spun)]);
        using (var big = new FileStream(folder["h-big.txt"], FileMode.Create))
        {
            big.SetLength((20L * 1024 * 1024) + 1);
        }

        File.CreateSymbolicLink(folder["i-broken.txt"], folder["no-such-target.txt"]);
        File.CreateSymbolicLink(folder["j-loop1.txt"], folder["j-loop2.txt"]);
        File.CreateSymbolicLink(folder["j-loop2.txt"], folder["j-loop1.txt"]);
        folder.Write("sub/k-nested.txt", Articles.Clean);
        Directory.CreateSymbolicLink(folder["sub/l-back"], folder.Path);
        folder.Write("z-ignored.bin", Articles.Spun);

        var result = new CliHarness().Run(["score", folder.Path]);

        Assert.Equal(1, result.Exit);
        var records = result.Lines.Select(l => JsonDocument.Parse(l).RootElement).ToDictionary(
            r => Path.GetRelativePath(folder.Path, r.GetProperty("path").GetString()!).Replace('\\', '/'),
            r => r);
        Assert.Equal(
            ["a-clean.txt", "b-spun.md", "c-page.html", "d-empty.txt", "e-binary.txt", "f-invalid.txt", "g-utf16.txt",
             "h-big.txt", "i-broken.txt", "j-loop1.txt", "j-loop2.txt", "sub/k-nested.txt", "sub/l-back"],
            records.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(records.Count, result.Lines.Length);

        Assert.False(records["a-clean.txt"].GetProperty("spun").GetBoolean());
        Assert.True(records["b-spun.md"].GetProperty("spun").GetBoolean());
        Assert.True(records["c-page.html"].GetProperty("spun").GetBoolean());
        // The script's "purse" is not visible text: only the article's four substitutions count.
        Assert.Equal(4, records["c-page.html"].GetProperty("evidence").GetArrayLength());
        Assert.Contains("empty file", Error(records["d-empty.txt"]), StringComparison.Ordinal);
        Assert.Contains("binary file (NUL byte at offset 2)", Error(records["e-binary.txt"]), StringComparison.Ordinal);
        Assert.Null(Error(records["f-invalid.txt"]));
        Assert.Contains("invalid-encoding", records["f-invalid.txt"].GetProperty("flags").EnumerateArray().Select(f => f.GetString()));
        Assert.True(records["g-utf16.txt"].GetProperty("spun").GetBoolean());
        Assert.Contains("too large: 20 MB is over the 20 MB limit", Error(records["h-big.txt"]), StringComparison.Ordinal);
        Assert.Contains("broken symbolic link", Error(records["i-broken.txt"]), StringComparison.Ordinal);
        Assert.Contains("symbolic link loop", Error(records["j-loop1.txt"]), StringComparison.Ordinal);
        Assert.Contains("symbolic link loop", Error(records["sub/l-back"]), StringComparison.Ordinal);
        Assert.Null(Error(records["sub/k-nested.txt"]));
        Assert.Contains("3 spun", result.Error, StringComparison.Ordinal);
        Assert.Contains("7 failed", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_read_refused_by_the_system_is_named_as_a_permission_problem_or_a_folder()
    {
        using var folder = new TempFolder();
        var file = folder.Write("locked.txt", Articles.Clean);
        Assert.Equal("permission denied: the file cannot be read", SpinDetect.Cli.Scoring.InputErrors.Describe(file, new UnauthorizedAccessException()));
        Assert.Equal("is a folder, not a file", SpinDetect.Cli.Scoring.InputErrors.Describe(folder.Path, new UnauthorizedAccessException()));
        Assert.Equal("no such file (removed during the run?)", SpinDetect.Cli.Scoring.InputErrors.Describe(folder["gone.txt"], new FileNotFoundException()));
    }

    [NotRootFact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void An_unreadable_file_gets_a_record_naming_the_problem()
    {
        using var folder = new TempFolder();
        var path = folder.Write("locked.txt", Articles.Clean);
        File.SetUnixFileMode(path, UnixFileMode.None);
        Assert.False(CanRead(path));

        var result = new CliHarness().Run(["score", path]);
        Assert.Equal(1, result.Exit);
        Assert.Contains("permission denied", Error(JsonDocument.Parse(result.Lines.Single()).RootElement), StringComparison.Ordinal);
    }

    [Fact]
    public void Records_are_in_the_same_order_with_one_thread_or_four()
    {
        using var folder = new TempFolder();
        for (var i = 0; i < 120; i++)
        {
            folder.Write($"d{i % 4}/article-{i:D3}.txt", Articles.Numbered(i));
        }

        var one = new CliHarness().Run(["score", "--threads", "1", folder.Path]);
        var four = new CliHarness().Run(["score", "--threads", "4", folder.Path]);

        Assert.Equal(0, one.Exit);
        Assert.Equal(120, one.Lines.Length);
        Assert.Equal(one.Output, four.Output);
        var paths = one.Lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("path").GetString()!).ToList();
        Assert.Equal(paths.Order(StringComparer.Ordinal), paths);
    }

    [Fact]
    public void Include_and_exclude_choose_the_files_in_folders()
    {
        using var folder = new TempFolder();
        folder.Write("keep/a.txt", Articles.Clean);
        folder.Write("keep/b.log", Articles.Clean);
        folder.Write("drafts/c.txt", Articles.Clean);
        folder.Write("keep/old-d.txt", Articles.Clean);

        var result = new CliHarness().Run(["score", folder.Path, "--include", "*.txt", "--include", "*.LOG", "--exclude", "drafts", "--exclude", "old-*"]);

        Assert.Equal(
            ["keep/a.txt", "keep/b.log"],
            result.Lines.Select(l => Path.GetRelativePath(folder.Path, JsonDocument.Parse(l).RootElement.GetProperty("path").GetString()!)));
    }

    [Fact]
    public void A_missing_path_argument_gets_a_record_and_the_others_are_scored()
    {
        using var folder = new TempFolder();
        var good = folder.Write("good.txt", Articles.Clean);
        var result = new CliHarness().Run(["score", folder["missing.txt"], good]);
        Assert.Equal(1, result.Exit);
        Assert.Equal(2, result.Lines.Length);
        Assert.Equal("no such file or folder", Error(JsonDocument.Parse(result.Lines[0]).RootElement));
        Assert.Null(Error(JsonDocument.Parse(result.Lines[1]).RootElement));
    }

    [Fact]
    public void A_dash_scores_one_text_from_standard_input()
    {
        var result = new CliHarness().Run(["score", "-"], Articles.Spun);
        Assert.Equal(0, result.Exit);
        var record = JsonDocument.Parse(result.Lines.Single()).RootElement;
        Assert.Equal("-", record.GetProperty("path").GetString());
        Assert.True(record.GetProperty("spun").GetBoolean());
    }

    [Fact]
    public void Jsonl_in_scores_each_line_in_order_and_names_records_by_id()
    {
        var input = new StringBuilder();
        input.AppendLine(JsonSerializer.Serialize(new { id = "first", text = Articles.Spun }));
        input.AppendLine("{ this is not json");
        input.AppendLine();
        input.AppendLine(JsonSerializer.Serialize(new { id = 42, text = Articles.Clean }));
        input.AppendLine(JsonSerializer.Serialize(new { id = "no-text" }));

        var result = new CliHarness().Run(["score", "--jsonl-in", "--threads", "3"], input.ToString());

        Assert.Equal(1, result.Exit);
        var records = result.Lines.Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal(["first", "line 2", "42", "no-text"], records.Select(r => r.GetProperty("path").GetString()));
        Assert.True(records[0].GetProperty("spun").GetBoolean());
        Assert.StartsWith("line 2: not valid JSON", Error(records[1]), StringComparison.Ordinal);
        Assert.False(records[2].GetProperty("spun").GetBoolean());
        Assert.Equal("line 5: missing \"text\" (a string)", Error(records[3]));
    }

    [Fact]
    public void Output_goes_through_a_partial_file_that_is_renamed_at_the_end()
    {
        using var folder = new TempFolder();
        folder.Write("in/a.txt", Articles.Clean);
        var output = folder["scores.jsonl"];
        var result = new CliHarness().Run(["score", folder["in"], "--output", output]);
        Assert.Equal(0, result.Exit);
        Assert.Equal("", result.Output);
        Assert.True(File.Exists(output));
        Assert.False(File.Exists(output + ".partial"));
        Assert.Single(File.ReadAllLines(output));
        Assert.Contains("records in " + output, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_output_inside_the_scored_folder_is_not_scored_itself()
    {
        using var folder = new TempFolder();
        folder.Write("a.txt", Articles.Clean);
        var output = folder["scores.txt"];
        var harness = new CliHarness();
        Assert.Equal(0, harness.Run(["score", folder.Path, "-o", output, "--format", "jsonl"]).Exit);
        Assert.Equal(0, harness.Run(["score", folder.Path, "-o", output, "--format", "jsonl"]).Exit);
        Assert.Single(File.ReadAllLines(output));
        Assert.Equal(2, harness.Scorer.Calls);
    }

    [Fact]
    public void Resume_continues_a_cut_off_run_without_scoring_a_file_twice()
    {
        using var folder = new TempFolder();
        for (var i = 0; i < 30; i++)
        {
            folder.Write($"in/{i:D2}.txt", Articles.Numbered(i));
        }

        folder.Write("in/99-empty.txt", []);
        var expectedPath = folder["expected.jsonl"];
        Assert.Equal(1, new CliHarness().Run(["score", folder["in"], "-o", expectedPath]).Exit);
        var expected = File.ReadAllText(expectedPath);

        // An interrupted run: twelve complete records and half of the thirteenth.
        var output = folder["scores.jsonl"];
        var lines = expected.Split('\n');
        File.WriteAllText(output + ".partial", string.Join('\n', lines[..12]) + "\n" + lines[12][..(lines[12].Length / 2)]);

        var harness = new CliHarness();
        var result = harness.Run(["score", folder["in"], "-o", output, "--resume", "--threads", "4"]);

        Assert.Equal(1, result.Exit);
        Assert.Equal(expected, File.ReadAllText(output));
        Assert.False(File.Exists(output + ".partial"));
        Assert.Equal(30 - 12, harness.Scorer.Calls);
        Assert.Contains("12 already in the output", result.Error, StringComparison.Ordinal);

        // Resuming a completed run scores nothing new and keeps the file.
        var again = new CliHarness();
        Assert.Equal(1, again.Run(["score", folder["in"], "-o", output, "--resume"]).Exit);
        Assert.Equal(0, again.Scorer.Calls);
        Assert.Equal(expected, File.ReadAllText(output));
    }

    [Fact]
    public void Resume_of_a_csv_output_cut_inside_a_quoted_field_keeps_the_complete_records()
    {
        using var folder = new TempFolder();
        for (var i = 0; i < 10; i++)
        {
            folder.Write($"in/{i}, \"quoted\".txt", Articles.Numbered(i));
        }

        var expectedPath = folder["expected.csv"];
        Assert.Equal(0, new CliHarness().Run(["score", folder["in"], "-o", expectedPath]).Exit);
        var expected = File.ReadAllText(expectedPath);

        var output = folder["scores.csv"];
        var cut = expected.IndexOf("\"quoted\"", expected.IndexOf("4, ", StringComparison.Ordinal), StringComparison.Ordinal);
        File.WriteAllText(output + ".partial", expected[..cut]);

        var harness = new CliHarness();
        Assert.Equal(0, harness.Run(["score", folder["in"], "-o", output, "--resume"]).Exit);
        Assert.Equal(expected, File.ReadAllText(output));
        Assert.Equal(6, harness.Scorer.Calls);
    }

    [Fact]
    public void Usage_errors_exit_with_code_2_and_say_what_is_wrong()
    {
        var harness = new CliHarness();
        Assert.Equal(2, harness.Run(["score"]).Exit);
        var resume = harness.Run(["score", ".", "--resume"]);
        Assert.Equal(2, resume.Exit);
        Assert.Contains("--resume needs --output", resume.Error, StringComparison.Ordinal);
        var threshold = harness.Run(["score", ".", "--threshold", "1.5"]);
        Assert.Equal(2, threshold.Exit);
        Assert.Contains("--threshold is out of range", threshold.Error, StringComparison.Ordinal);
        var evidenceScore = harness.Run(["score", ".", "--min-evidence-score", "-0.2"]);
        Assert.Equal(2, evidenceScore.Exit);
        Assert.Contains("--min-evidence-score is out of range", evidenceScore.Error, StringComparison.Ordinal);
        Assert.Equal(2, harness.Run(["score", ".", "--threads", "many"]).Exit);
        Assert.Equal(2, harness.Run(["score", ".", "--format", "xml"]).Exit);
        Assert.Equal(2, harness.Run(["score", "--jsonl-in", "file.txt"]).Exit);
        Assert.Equal(0, harness.Scorer.Calls);
    }

    [Fact]
    public void Command_line_mistakes_are_usage_errors_before_anything_is_scored()
    {
        using var folder = new TempFolder();
        var article = folder.Write("a.txt", Articles.Clean);
        Directory.CreateDirectory(folder["out"]);
        var harness = new CliHarness();

        var misspelt = harness.Run(["score", article, "--evidnce", "3"]);
        Assert.Equal(2, misspelt.Exit);
        Assert.Contains("unknown option --evidnce", misspelt.Error, StringComparison.Ordinal);
        var reversed = harness.Run(["score", folder.Path, "--include", "[z-a].txt"]);
        Assert.Equal(2, reversed.Exit);
        Assert.Contains("bad pattern '[z-a].txt': reversed character range", reversed.Error, StringComparison.Ordinal);
        Assert.Equal(2, harness.Run(["score", folder.Path, "--exclude", ""]).Exit);
        var intoFolder = harness.Run(["score", article, "-o", folder["out"]]);
        Assert.Equal(2, intoFolder.Exit);
        Assert.Contains("is a folder", intoFolder.Error, StringComparison.Ordinal);
        Assert.Equal(2, harness.Run(["explain", article, "extra"]).Exit);
        Assert.Equal(0, harness.Scorer.Calls);
    }

    [Fact]
    public void An_input_named_as_the_output_is_refused_and_left_as_it_was()
    {
        using var folder = new TempFolder();
        var article = folder.Write("a.txt", Articles.Clean);
        folder.Write("b.txt", Articles.Spun);
        var harness = new CliHarness();

        var named = harness.Run(["score", article, "-o", article]);
        Assert.Equal(2, named.Exit);
        Assert.Contains("is also an input", named.Error, StringComparison.Ordinal);

        // Found in a folder being scored: the run stops before its rename, and removes its own partial file.
        var found = harness.Run(["score", folder.Path, "-o", article]);
        Assert.Equal(2, found.Exit);
        Assert.Contains("is also an input", found.Error, StringComparison.Ordinal);
        Assert.Equal(Articles.Clean, File.ReadAllText(article));
        Assert.False(File.Exists(article + ".partial"));
    }

    [Fact]
    public void An_output_reached_through_a_linked_folder_is_still_known_as_an_input()
    {
        using var folder = new TempFolder();
        var article = folder.Write("in/a.txt", Articles.Clean);
        Directory.CreateSymbolicLink(folder["link"], folder["in"]);

        var result = new CliHarness().Run(["score", article, "-o", Path.Combine(folder["link"], "a.txt")]);

        Assert.Equal(2, result.Exit);
        Assert.Contains("is also an input", result.Error, StringComparison.Ordinal);
        Assert.Equal(Articles.Clean, File.ReadAllText(article));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void An_output_that_is_a_symbolic_link_is_refused_and_neither_link_nor_target_is_touched(bool targetExists)
    {
        using var folder = new TempFolder();
        folder.Write("in/a.txt", Articles.Clean);
        var target = folder["results/scores.jsonl"];
        Directory.CreateDirectory(folder["results"]);
        if (targetExists)
        {
            File.WriteAllText(target, "a user's file\n");
        }

        var link = folder["scores.jsonl"];
        File.CreateSymbolicLink(link, target);

        var result = new CliHarness().Run(["score", folder["in"], "-o", link]);

        Assert.Equal(2, result.Exit);
        Assert.Contains($"--output {link} is a symbolic link (to {target})", result.Error, StringComparison.Ordinal);
        Assert.Equal(target, new FileInfo(link).LinkTarget);
        Assert.Equal(targetExists, File.Exists(target));
        if (targetExists)
        {
            Assert.Equal("a user's file\n", File.ReadAllText(target));
        }

        Assert.False(File.Exists(link + ".partial"));
    }

    [Fact]
    public void An_empty_path_gets_an_error_record_and_the_run_goes_on()
    {
        using var folder = new TempFolder();
        var first = folder.Write("a.txt", Articles.Clean);
        var last = folder.Write("b.txt", Articles.Spun);

        var result = new CliHarness().Run(["score", first, "", last]);

        Assert.Equal(1, result.Exit);
        Assert.Equal(3, result.Lines.Length);
        Assert.Contains("\"error\":\"empty path\"", result.Lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Threads_above_the_scorer_limit_and_an_empty_output_are_usage_errors_that_write_nothing()
    {
        using var folder = new TempFolder();
        var article = folder.Write("a.txt", Articles.Clean);
        var harness = new CliHarness();

        var threads = harness.Run(["score", article, "-o", folder["out.csv"], "--threads", "5000"]);
        Assert.Equal(2, threads.Exit);
        Assert.Contains("--threads must be 0 (every core) to 1024", threads.Error, StringComparison.Ordinal);

        var empty = harness.Run(["score", article, "-o", ""]);
        Assert.Equal(2, empty.Exit);
        Assert.Contains("--output is empty", empty.Error, StringComparison.Ordinal);
        Assert.Equal(["a.txt"], Directory.GetFiles(folder.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void A_file_reached_twice_is_scored_once()
    {
        using var folder = new TempFolder();
        var article = folder.Write("in/a.txt", Articles.Clean);
        folder.Write("in/b.txt", Articles.Spun);
        var harness = new CliHarness();
        var result = harness.Run(["score", folder["in"], folder["in"] + "/", article, Path.Combine(folder["in"], ".", "a.txt")]);
        Assert.Equal(0, result.Exit);
        Assert.Equal(2, result.Lines.Length);
        Assert.Equal(2, harness.Scorer.Calls);
    }

    [Fact]
    public void Resume_in_the_other_format_refuses_and_leaves_the_output_as_it_was()
    {
        using var folder = new TempFolder();
        folder.Write("in/a.txt", Articles.Clean);
        var jsonl = folder["scores.out"];
        var csv = folder["scores.csv"];
        var harness = new CliHarness();
        Assert.Equal(0, harness.Run(["score", folder["in"], "-o", jsonl]).Exit);
        Assert.Equal(0, harness.Run(["score", folder["in"], "-o", csv]).Exit);
        var jsonlText = File.ReadAllText(jsonl);
        var csvText = File.ReadAllText(csv);

        Assert.Equal(2, harness.Run(["score", folder["in"], "-o", jsonl, "--format", "csv", "--resume"]).Exit);
        Assert.Equal(2, harness.Run(["score", folder["in"], "-o", csv, "--format", "jsonl", "--resume"]).Exit);
        Assert.Equal(jsonlText, File.ReadAllText(jsonl));
        Assert.Equal(csvText, File.ReadAllText(csv));
        Assert.False(File.Exists(jsonl + ".partial"));
        Assert.False(File.Exists(csv + ".partial"));
    }

    [Fact]
    public void Resume_refuses_other_settings_than_the_earlier_run_and_keeps_its_records()
    {
        using var folder = new TempFolder();
        for (var i = 0; i < 6; i++)
        {
            folder.Write($"in/{i}.txt", Articles.Numbered(i));
        }

        var output = folder["scores.jsonl"];
        var harness = new CliHarness();
        Assert.Equal(0, harness.Run(["score", folder["in"], "-o", output, "--threshold", "0.5"]).Exit);
        Assert.Contains("threshold=0.5", File.ReadAllText(output + ".settings"), StringComparison.Ordinal);
        var complete = File.ReadAllText(output);

        // Inputs added to a completed run: resuming with another threshold would mix two kinds of record.
        folder.Write("in/6.txt", Articles.Numbered(6));
        var added = harness.Run(["score", folder["in"], "-o", output, "--threshold", "0.9", "--resume"]);
        Assert.Equal(2, added.Exit);
        Assert.Contains("threshold 0.9 (was 0.5)", added.Error, StringComparison.Ordinal);
        Assert.Equal(complete, File.ReadAllText(output));

        // The same run, interrupted after two records.
        File.Delete(folder["in/6.txt"]);
        var lines = File.ReadAllLines(output);
        File.Delete(output);
        File.WriteAllText(output + ".partial", lines[0] + "\n" + lines[1] + "\n");
        var changed = harness.Run(["score", folder["in"], "-o", output, "--threshold", "0.9", "--resume"]);
        Assert.Equal(2, changed.Exit);
        Assert.Equal(lines[0] + "\n" + lines[1] + "\n", File.ReadAllText(output + ".partial"));

        var same = harness.Run(["score", folder["in"], "-o", output, "--threshold", "0.5", "--resume"]);
        Assert.Equal(0, same.Exit);
        Assert.Equal(complete, File.ReadAllText(output));
    }

    [Fact]
    public void A_wildcard_that_picks_up_the_output_does_not_stop_a_rerun_or_a_resume()
    {
        using var folder = new TempFolder();
        var a = folder.Write("a.txt", Articles.Clean);
        var b = folder.Write("b.txt", Articles.Spun);
        var output = folder["out.jsonl"];
        var harness = new CliHarness();
        Assert.Equal(0, harness.Run(["score", a, b, "-o", output]).Exit);
        var first = File.ReadAllText(output);

        // As the shell expands * the second time: the earlier records and their settings are among the arguments.
        Assert.Equal(0, harness.Run(["score", a, b, output, output + ".settings", "-o", output]).Exit);
        Assert.Equal(first, File.ReadAllText(output));
        Assert.Equal(0, harness.Run(["score", a, b, output, output + ".settings", "-o", output, "--resume"]).Exit);
        Assert.Equal(first, File.ReadAllText(output));
    }

    [Fact]
    public void Jsonl_in_records_that_are_not_text_fail_alone_and_bad_bytes_are_flagged()
    {
        var input = new List<byte>();
        input.AddRange(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { id = "ok", text = Articles.Clean }) + "\n"));
        input.AddRange(Encoding.UTF8.GetBytes("{\"id\":\"lone\",\"text\":\"half a pair \\ud800 here\"}\n"));
        input.AddRange([.. Encoding.UTF8.GetBytes("{\"id\":\"bytes\",\"text\":\"" + Articles.Clean + " caf"), 0xE9, .. "\"}\r\n"u8]);
        input.AddRange(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { id = "big", text = new string('x', (20 * 1024 * 1024) + 10) })));

        var result = new CliHarness().Run(["score", "--jsonl-in"], [.. input]);

        Assert.Equal(1, result.Exit);
        var records = result.Lines.Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal(["ok", "lone", "bytes", "big"], records.Select(r => r.GetProperty("path").GetString()));
        Assert.Null(Error(records[0]));
        Assert.Contains("unpaired surrogate", Error(records[1]), StringComparison.Ordinal);
        Assert.Null(Error(records[2]));
        Assert.Contains("invalid-encoding", records[2].GetProperty("flags").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal("line 4: record over the 20 MB limit; not scored", Error(records[3]));
    }

    [Theory]
    [InlineData("utf-8", "\r")]
    [InlineData("utf-16", "\r\n")]
    [InlineData("utf-16BE", "\n")]
    [InlineData("utf-32", "\n")]
    public void Jsonl_in_reads_every_line_ending_and_unicode_encoding_with_a_byte_order_mark(string encodingName, string newline)
    {
        var encoding = Encoding.GetEncoding(encodingName);
        var text = JsonSerializer.Serialize(new { id = "a", text = Articles.Clean }) + newline
            + JsonSerializer.Serialize(new { id = "b", text = Articles.Spun }) + newline;
        byte[] bytes = encodingName == "utf-8" ? Encoding.UTF8.GetBytes(text) : [.. encoding.GetPreamble(), .. encoding.GetBytes(text)];

        var result = new CliHarness().Run(["score", "--jsonl-in"], bytes);

        Assert.Equal(0, result.Exit);
        Assert.Equal(["a", "b"], result.Lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("path").GetString()));
    }

    [Fact]
    public void A_named_pipe_in_a_folder_gets_a_record_and_does_not_stall_the_run()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        using var folder = new TempFolder();
        folder.Write("a.txt", Articles.Clean);
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", folder["b-pipe.txt"]))
        {
            mkfifo.WaitForExit();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        folder.Write("c.txt", Articles.Spun);
        var result = new CliHarness().Run(["score", folder.Path]);

        Assert.Equal(1, result.Exit);
        var records = result.Lines.Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal(3, records.Length);
        Assert.Contains("not a regular file", Error(records[1]), StringComparison.Ordinal);
        Assert.Null(Error(records[2]));
    }

    [Fact]
    public void A_missing_model_is_a_usage_error_naming_the_file()
    {
        var model = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.model");
        var result = CliHarness.RunProduct(["score", "--model", model, "."]);
        Assert.Equal(2, result.Exit);
        Assert.Contains(model, result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Output);
    }

    [Fact]
    public void The_model_option_reaches_the_detector_factory()
    {
        var harness = new CliHarness();
        harness.Run(["score", "-", "--model", "custom.model"], Articles.Clean);
        Assert.Equal(["custom.model"], harness.ModelPaths);
    }

    [Fact]
    public void A_folder_of_many_files_gives_every_file_its_record_in_name_order()
    {
        // 20,000 rather than 100,000 files: creating them dominates the test's time on a busy machine, and the walker
        // reads one folder in one listing whatever its size.
        const int Count = 20_000;
        using var folder = new TempFolder();
        var big = Directory.CreateDirectory(folder["many"]).FullName;
        for (var i = 0; i < Count; i++)
        {
            File.WriteAllBytes(Path.Combine(big, $"{i:D6}.txt"), "One purse.\n"u8.ToArray());
        }

        var output = folder["scores.csv"];
        var result = new CliHarness().Run(["score", big, "-o", output, "--min-words", "1"]);

        Assert.Equal(0, result.Exit);
        var lines = File.ReadLines(output).ToList();
        Assert.Equal(Count + 1, lines.Count);
        Assert.StartsWith(Path.Combine(big, "000000.txt") + ",true,", lines[1], StringComparison.Ordinal);
        Assert.StartsWith(Path.Combine(big, $"{Count - 1:D6}.txt") + ",true,", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_interrupted_run_keeps_its_records_for_resume_and_exits_130()
    {
        using var folder = new TempFolder();
        for (var i = 0; i < 40; i++)
        {
            folder.Write($"in/{i:D2}.txt", Articles.Numbered(i));
        }

        var output = folder["scores.jsonl"];
        using var interrupt = new CancellationTokenSource();
        var stopping = new InterruptingScorer(new FakeTextScorer(), after: 10, interrupt);
        var interrupted = await new CliHarness(stopping).RunAsync(["score", folder["in"], "-o", output, "--threads", "2"], null, interrupt.Token);

        Assert.Equal(130, interrupted.Exit);
        Assert.False(File.Exists(output));
        Assert.Contains("--resume", interrupted.Error, StringComparison.Ordinal);
        // The records written before the interrupt are kept, whole and in order: the start of a full run's output.
        var full = new CliHarness().Run(["score", folder["in"]]).Output;
        var keptLines = File.ReadAllLines(output + ".partial");
        var kept = keptLines.Length;
        Assert.InRange(kept, 1, 39);
        Assert.Equal(full.Split('\n')[..kept], keptLines);

        var harness = new CliHarness();
        Assert.Equal(0, harness.Run(["score", folder["in"], "-o", output, "--resume"]).Exit);
        Assert.Equal(40 - kept, harness.Scorer.Calls);
        Assert.Equal(full, File.ReadAllText(output));
    }

    internal static string? Error(JsonElement record) => record.GetProperty("error").GetString();

    /// <summary>Cancels the run (as Ctrl-C does) once <paramref name="after"/> texts have been scored.</summary>
    private sealed class InterruptingScorer(ITextScorer inner, int after, CancellationTokenSource interrupt) : ITextScorer
    {
        private int _calls;

        public double DefaultThreshold => inner.DefaultThreshold;

        public SpinReport Score(ReadOnlySpan<char> text, in ScoreSettings settings)
        {
            if (Interlocked.Increment(ref _calls) == after)
            {
                interrupt.Cancel();
            }

            return inner.Score(text, settings);
        }
    }

    private static bool CanRead(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
