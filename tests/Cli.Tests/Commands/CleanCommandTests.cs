using System.CommandLine;
using SpinDetect.Cli;

namespace SpinDetect.Tests.Commands;

public sealed class CleanCommandTests : IDisposable
{
    private const string Article =
        "The ferry between Northport and the island will run twice as often this summer, the operator said on Monday.\n\n"
        + "Advertisement\n\n"
        + "Demand for crossings has grown every year since the new harbour opened, and queues of cars often wait for hours on busy weekends.\n\n"
        + "A second boat, leased from a company in the south, will join the route in June and stay until the end of September.\n\n"
        + "Islanders welcomed the news but asked the operator to keep fares at last year's level, saying that many families depend on the ferry to reach work and school.\n\n"
        + "Share this article\n";

    private readonly string _folder = Directory.CreateTempSubdirectory("spindetect-clean-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = Program.InvokeAsync(args, new InvocationConfiguration { Output = output, Error = error }).GetAwaiter().GetResult();
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public void One_file_is_cleaned_to_standard_output_and_removed_lines_are_listed()
    {
        var path = Path.Combine(_folder, "ferry.txt");
        File.WriteAllText(path, Article);
        var (exit, output, error) = Run("clean", path, "--list-removed");
        Assert.Equal(0, exit);
        Assert.Contains("A second boat", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Advertisement", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Share this article", output, StringComparison.Ordinal);
        Assert.Contains($"{path}:3: boilerplate: Advertisement", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_out_that_is_a_file_is_a_usage_error_and_the_file_is_kept()
    {
        var path = Path.Combine(_folder, "ferry.txt");
        File.WriteAllText(path, Article);
        var taken = Path.Combine(_folder, "taken.txt");
        File.WriteAllText(taken, "keep me");

        var (exit, _, error) = Run("clean", path, "--out", taken);

        Assert.Equal(2, exit);
        Assert.Contains($"--out {taken} exists and is not a folder", error, StringComparison.Ordinal);
        Assert.Equal("keep me", File.ReadAllText(taken));
    }

    [Fact]
    public void An_input_named_twice_is_cleaned_once_without_a_clash()
    {
        var path = Path.Combine(_folder, "ferry.txt");
        File.WriteAllText(path, Article);
        var outFolder = Path.Combine(_folder, "out");

        var (exit, _, error) = Run("clean", path, Path.Combine(_folder, ".", "ferry.txt"), "--out", outFolder);

        Assert.Equal(0, exit);
        Assert.Equal("", error);
        Assert.Contains("A second boat", File.ReadAllText(Path.Combine(outFolder, "ferry.txt")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_standard_output_that_cannot_be_written_is_an_error_naming_the_input_not_a_crash()
    {
        var path = Path.Combine(_folder, "ferry.txt");
        File.WriteAllText(path, Article);
        var error = new StringWriter();

        var exit = await Program.InvokeAsync(["clean", path], new InvocationConfiguration { Output = new FullDiskWriter(), Error = error });

        Assert.Equal(1, exit);
        Assert.Contains($"cannot write the cleaned text of {path} to standard output", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Several_files_go_to_the_out_folder_and_a_missing_file_is_named()
    {
        var first = Path.Combine(_folder, "a.txt");
        var missing = Path.Combine(_folder, "missing.txt");
        File.WriteAllText(first, Article);
        var outFolder = Path.Combine(_folder, "out");
        var (exit, _, error) = Run("clean", first, missing, "--out", outFolder);
        Assert.Equal(1, exit);
        Assert.Contains(missing, error, StringComparison.Ordinal);
        Assert.DoesNotContain("Advertisement", File.ReadAllText(Path.Combine(outFolder, "a.txt")), StringComparison.Ordinal);
    }

    [Fact]
    public void An_html_page_is_cleaned_as_its_visible_text_and_written_as_text()
    {
        var page = "<!doctype html><html><head><title>Ferry news</title><script>var tracker = 1;</script></head><body>"
            + "<nav><a href=\"/\">Home</a> <a href=\"/sport\">Sport</a></nav><article>"
            + string.Concat(Article.Split("\n\n").Where(p => !p.StartsWith("Advertisement", StringComparison.Ordinal) && !p.StartsWith("Share", StringComparison.Ordinal)).Select(p => $"<p>{p}</p>"))
            + "<p>Advertisement</p></article><footer><p>Share this article</p></footer></body></html>";
        var path = Path.Combine(_folder, "ferry.html");
        File.WriteAllText(path, page);
        var outFolder = Path.Combine(_folder, "out");

        var (exit, _, _) = Run("clean", path, "--out", outFolder);

        Assert.Equal(0, exit);
        var cleaned = File.ReadAllText(Path.Combine(outFolder, "ferry.txt"));
        Assert.Contains("A second boat, leased from a company in the south", cleaned, StringComparison.Ordinal);
        Assert.DoesNotContain("<p>", cleaned, StringComparison.Ordinal);
        Assert.DoesNotContain("tracker", cleaned, StringComparison.Ordinal);
        Assert.DoesNotContain("Share this article", cleaned, StringComparison.Ordinal);
    }

    [Fact]
    public void A_binary_file_is_not_cleaned_and_the_error_names_it_and_why()
    {
        var path = Path.Combine(_folder, "image.txt");
        File.WriteAllBytes(path, [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x01]);

        var (exit, output, error) = Run("clean", path);

        Assert.Equal(1, exit);
        Assert.Empty(output);
        Assert.Contains($"{path}: binary file", error, StringComparison.Ordinal);
        Assert.Contains("not cleaned", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_inputs_that_would_write_one_output_file_do_not_overwrite_each_other()
    {
        var page = Path.Combine(_folder, "ferry.html");
        var text = Path.Combine(_folder, "ferry.txt");
        File.WriteAllText(page, "<html><body>" + string.Concat(Article.Split("\n\n").Select(p => $"<p>{p}</p>")) + "</body></html>");
        File.WriteAllText(text, Article.Replace("Northport", "Southport", StringComparison.Ordinal));
        var outFolder = Path.Combine(_folder, "out");

        var (exit, _, error) = Run("clean", page, text, "--out", outFolder);

        Assert.Equal(1, exit);
        Assert.Contains($"{text}: its cleaned text would overwrite that of {page}", error, StringComparison.Ordinal);
        Assert.Contains("Northport", File.ReadAllText(Path.Combine(outFolder, "ferry.txt")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_cleaned_into_its_own_folder_does_not_replace_a_text_file_of_the_same_name()
    {
        var page = Path.Combine(_folder, "ferry.html");
        var notes = Path.Combine(_folder, "ferry.txt");
        File.WriteAllText(page, "<html><body>" + string.Concat(Article.Split("\n\n").Select(p => $"<p>{p}</p>")) + "</body></html>");
        File.WriteAllText(notes, "my own notes about the ferry");

        var (exit, _, error) = Run("clean", page, "--out", _folder);

        Assert.Equal(1, exit);
        Assert.Contains($"{page}: its cleaned text would replace {notes}, an existing file beside it", error, StringComparison.Ordinal);
        Assert.Equal("my own notes about the ferry", File.ReadAllText(notes));
    }

    [Fact]
    public void An_out_folder_that_links_to_the_input_folder_is_the_input_folder()
    {
        var docs = Directory.CreateDirectory(Path.Combine(_folder, "docs")).FullName;
        var page = Path.Combine(docs, "ferry.html");
        var notes = Path.Combine(docs, "ferry.txt");
        File.WriteAllText(page, "<html><body>" + string.Concat(Article.Split("\n\n").Select(p => $"<p>{p}</p>")) + "</body></html>");
        File.WriteAllText(notes, "my own notes about the ferry");
        var link = Path.Combine(_folder, "link");
        Directory.CreateSymbolicLink(link, docs);

        var (exit, _, error) = Run("clean", page, "--out", link);

        Assert.Equal(1, exit);
        Assert.Contains("an existing file beside it", error, StringComparison.Ordinal);
        Assert.Equal("my own notes about the ferry", File.ReadAllText(notes));
    }

    [Fact]
    public void A_rerun_into_a_separate_out_folder_rewrites_the_earlier_cleaned_text()
    {
        var input = Path.Combine(_folder, "ferry.txt");
        var outFolder = Path.Combine(_folder, "out");
        File.WriteAllText(input, Article);
        Directory.CreateDirectory(outFolder);
        File.WriteAllText(Path.Combine(outFolder, "ferry.txt"), "an earlier run's output");

        var (exit, _, _) = Run("clean", input, "--out", outFolder);

        Assert.Equal(0, exit);
        Assert.Contains("A second boat", File.ReadAllText(Path.Combine(outFolder, "ferry.txt")), StringComparison.Ordinal);
    }

    [Fact]
    public void An_output_folder_that_cannot_be_made_is_named_as_the_write_failure()
    {
        var input = Path.Combine(_folder, "a.txt");
        var blocker = Path.Combine(_folder, "not-a-folder");
        File.WriteAllText(input, Article);
        File.WriteAllText(blocker, "a file where the output folder should be");

        var (exit, _, error) = Run("clean", input, "--out", Path.Combine(blocker, "out"));

        Assert.Equal(1, exit);
        Assert.Contains("cannot write " + Path.Combine(blocker, "out", "a.txt"), error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_input_and_an_empty_path_are_named_with_their_reason()
    {
        var missing = Path.Combine(_folder, "missing.txt");

        var (exit, _, error) = Run("clean", missing);
        var (emptyExit, _, emptyError) = Run("clean", "");

        Assert.Equal(1, exit);
        Assert.Contains($"{missing}: no such file or folder", error, StringComparison.Ordinal);
        Assert.Equal(1, emptyExit);
        Assert.Contains("empty path", emptyError, StringComparison.Ordinal);
    }

    [Fact]
    public void Several_files_without_an_out_folder_is_a_usage_error()
    {
        var (exit, _, error) = Run("clean", "a.txt", "b.txt");
        Assert.Equal(2, exit);
        Assert.Contains("--out", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_out_folder_where_the_cleaned_text_would_replace_its_input_is_refused()
    {
        var input = Path.Combine(_folder, "page.txt");
        const string Text = "Advertisement\n\nThe council met on Monday to discuss the harbour ferry timetable for the summer.\n";
        File.WriteAllText(input, Text);

        var (exit, _, error) = Run("clean", input, "--out", _folder);

        Assert.Equal(2, exit);
        Assert.Contains("would overwrite an input", error, StringComparison.Ordinal);
        Assert.Equal(Text, File.ReadAllText(input));
    }

    [Fact]
    public void A_misspelt_option_is_a_usage_error_not_a_missing_file()
    {
        var input = Path.Combine(_folder, "page.txt");
        File.WriteAllText(input, "The council met on Monday.\n");
        var (exit, _, error) = Run("clean", "--list-removd", input, "--out", Path.Combine(_folder, "out"));
        Assert.Equal(2, exit);
        Assert.Contains("unknown option --list-removd", error, StringComparison.Ordinal);
    }

    [Fact]
    public void As_scored_writes_the_visible_text_with_every_line_kept()
    {
        var page = Path.Combine(_folder, "page.html");
        File.WriteAllText(page, "<html><body><p>Advertisement</p><p>The council met on Monday to discuss the harbour ferry timetable for the summer season.</p>"
            + "<p>Councillors agreed that the early crossing would run every day from June.</p></body></html>");

        var (exit, scored, _) = Run("clean", page, "--as-scored");
        var (_, cleaned, _) = Run("clean", page);

        Assert.Equal(0, exit);
        Assert.Contains("Advertisement", scored, StringComparison.Ordinal);
        Assert.DoesNotContain("Advertisement", cleaned, StringComparison.Ordinal);
        Assert.Contains("The council met on Monday", scored, StringComparison.Ordinal);
    }

    // Standard output on a full disk: every write fails as the console's does.
    private sealed class FullDiskWriter : TextWriter
    {
        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

        public override void Write(char value) => throw new IOException("No space left on device");

        public override void Write(string? value) => throw new IOException("No space left on device");

        public override void Flush() => throw new IOException("No space left on device");
    }
}
