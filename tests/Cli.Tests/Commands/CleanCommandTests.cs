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
        var exit = Program.BuildRootCommand().Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
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
    public void Several_files_without_an_out_folder_is_a_usage_error()
    {
        var (exit, _, error) = Run("clean", "a.txt", "b.txt");
        Assert.Equal(2, exit);
        Assert.Contains("--out", error, StringComparison.Ordinal);
    }
}
