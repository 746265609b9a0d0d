using System.Globalization;

namespace SpinDetect.Cli.Scoring;

/// <summary>
/// The settings that shape a run's records (model, threshold, evidence, words, format), kept beside the output as
/// <c>FILE.settings</c> so that <c>--resume</c>, of an interrupted run or of a completed one to which inputs were
/// added, can refuse to mix records scored two ways in one file.
/// </summary>
internal static class RunSettings
{
    /// <summary>The settings of a run, one <c>name=value</c> per line in a fixed order.</summary>
    public static string Describe(string? model, SpinDetector detector, OutputFormat format)
    {
        ArgumentNullException.ThrowIfNull(detector);
        var c = CultureInfo.InvariantCulture;
        return string.Join('\n',
            $"model={(model is null ? "shipped" : Path.GetFullPath(model))}",
            string.Create(c, $"threshold={detector.Threshold:R}"),
            string.Create(c, $"evidence={detector.Options.MaxEvidence}"),
            string.Create(c, $"min-evidence-score={detector.Options.MinEvidenceScore:R}"),
            string.Create(c, $"min-words={detector.Options.MinWords}"),
            $"format={(format == OutputFormat.Csv ? "csv" : "jsonl")}") + "\n";
    }

    /// <summary>Where the settings of the run writing <paramref name="output"/> are kept.</summary>
    public static string PathFor(string output) => output + ".settings";

    /// <summary>The settings that differ between the interrupted run's (in <paramref name="path"/>) and
    /// <paramref name="current"/>, as "name VALUE (was OLD)"; empty when they agree or the file is absent.</summary>
    public static IReadOnlyList<string> Differences(string path, string current)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        var before = Parse(File.ReadAllText(path));
        var now = Parse(current);
        var differences = new List<string>();
        foreach (var (name, value) in now)
        {
            if (before.TryGetValue(name, out var old) && old != value)
            {
                differences.Add($"{name} {value} (was {old})");
            }
        }

        return differences;
    }

    private static Dictionary<string, string> Parse(string text)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                values[line[..equals]] = line[(equals + 1)..];
            }
        }

        return values;
    }
}
