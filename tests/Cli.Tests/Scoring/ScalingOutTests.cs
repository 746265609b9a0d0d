using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SpinDetect.Tests.Scoring;

/// <summary>
/// Runs the "Scaling out" recipe of README.md: the shards made by its <c>split</c> line (with the real <c>split</c>
/// when the machine has it), each scored with the exact arguments of its <c>spindetect</c> line (in-process, with the
/// fake scorer), and concatenated in name order, equal one run over the whole input.
/// </summary>
public sealed partial class ScalingOutTests
{
    [Fact]
    public void The_documented_shard_pipeline_gives_the_records_of_one_run_in_input_order()
    {
        var recipe = ReadmeRecipe();
        Assert.Equal(3, recipe.Length);
        var shards = int.Parse(ShardCount().Match(recipe[0]).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var arguments = ScoreArguments().Match(recipe[1]).Groups[1].Value.Split(' ');
        Assert.Equal(["score", "--jsonl-in", "--threads", "1"], arguments);
        Assert.StartsWith("cat shard-*.jsonl.scores > scores.jsonl", recipe[2], StringComparison.Ordinal);

        using var folder = new TempFolder();
        var input = new StringBuilder();
        for (var i = 0; i < 61; i++)
        {
            input.Append(JsonSerializer.Serialize(new { id = $"article-{i}", text = Articles.Numbered(i) })).Append('\n');
        }

        File.WriteAllText(folder["articles.jsonl"], input.ToString());
        if (!RunSplit(recipe[0], folder.Path))
        {
            SplitLikeGnu(input.ToString(), shards, folder.Path);
        }

        var shardFiles = Directory.GetFiles(folder.Path, "shard-*.jsonl").Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(shards, shardFiles.Length);
        var scores = new string[shardFiles.Length];
        Parallel.For(0, shardFiles.Length, i =>
        {
            var result = new CliHarness().Run(arguments, File.ReadAllBytes(shardFiles[i]));
            Assert.Equal(0, result.Exit);
            scores[i] = result.Output;
        });

        var whole = new CliHarness().Run(["score", "--jsonl-in"], input.ToString());
        Assert.Equal(whole.Output, string.Concat(scores));
        Assert.Equal(
            Enumerable.Range(0, 61).Select(i => $"article-{i}"),
            whole.Lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("path").GetString()));
    }

    private static string[] ReadmeRecipe()
    {
        var readme = File.ReadAllText(RepositoryRoot.File("README.md")).ReplaceLineEndings("\n");
        var section = readme[readme.IndexOf("## Scaling out", StringComparison.Ordinal)..];
        var start = section.IndexOf("```bash\n", StringComparison.Ordinal) + "```bash\n".Length;
        var end = section.IndexOf("\n```", start, StringComparison.Ordinal);
        return section[start..end].Split('\n');
    }

    /// <summary>Runs the README's split line in <paramref name="folder"/>; false when there is no split program.</summary>
    private static bool RunSplit(string line, string folder)
    {
        if (OperatingSystem.IsWindows() || !File.Exists("/bin/sh"))
        {
            return false;
        }

        var start = new ProcessStartInfo("/bin/sh", ["-c", "command -v split >/dev/null || exit 127; " + line]) { WorkingDirectory = folder };
        using var process = Process.Start(start)!;
        process.WaitForExit();
        return process.ExitCode == 0;
    }

    /// <summary>What <c>split --number=l/N</c> does: N chunks of about equal bytes, each ending at a line end.</summary>
    private static void SplitLikeGnu(string input, int shards, string folder)
    {
        var bytes = Encoding.UTF8.GetBytes(input);
        var start = 0;
        for (var k = 0; k < shards; k++)
        {
            var end = k == shards - 1 ? bytes.Length : Math.Max(start, (int)((long)bytes.Length * (k + 1) / shards));
            while (end < bytes.Length && end > 0 && bytes[end - 1] != (byte)'\n')
            {
                end++;
            }

            File.WriteAllBytes(Path.Combine(folder, $"shard-{k:D2}.jsonl"), bytes[start..end]);
            start = end;
        }
    }

    [GeneratedRegex(@"--number=l/(\d+)")]
    private static partial Regex ShardCount();

    [GeneratedRegex(@"spindetect ((?:score)[^<]*?) <")]
    private static partial Regex ScoreArguments();
}
