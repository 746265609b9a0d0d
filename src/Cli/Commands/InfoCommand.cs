using System.CommandLine;
using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using SpinDetect.Model;

namespace SpinDetect.Cli.Commands;

/// <summary><c>spindetect info [model]</c>: version and environment, or what a model file records about itself.</summary>
internal static class InfoCommand
{
    private const int ImportanceShown = 10;

    internal static Command Create()
    {
        var model = new Argument<string?>("model") { Description = "A model file: print its training date, SpinDetect version, schema, options, data hashes and metrics.", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("info", "Print the SpinDetect version and where the default assets are looked up, or a model file's metadata.");
        command.Arguments.Add(model);
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var version = typeof(InfoCommand).Assembly
                .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
            output.WriteLine($"spindetect {version}");
            if (parseResult.GetValue(model) is not { } path)
            {
                output.WriteLine($"base directory: {AppContext.BaseDirectory}");
                output.WriteLine($"default assets (searched in {string.Join(", then ", ModelAssets.Candidates().Select(Path.GetDirectoryName))}):");
                foreach (var (name, location) in ModelAssets.DefaultAssets())
                {
                    output.WriteLine($"  {name}: {location ?? "not found"}");
                }

                return 0;
            }

            try
            {
                PrintModel(path, output);
                return 0;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ModelFormatException or ArgumentException)
            {
                parseResult.InvocationConfiguration.Error.WriteLine(
                    $"info: {(path.Length == 0 ? "an empty model path" : Directory.Exists(path) ? $"{path} is a folder, not a model file" : e.Message)}");
                return 2;
            }
        });
        return command;
    }

    private static void PrintModel(string path, TextWriter output)
    {
        var package = ModelFile.Read(path);
        var metadata = package.Metadata;
        var c = CultureInfo.InvariantCulture;
        using (var stream = File.OpenRead(path))
        {
            output.WriteLine($"model: {path} ({stream.Length:N0} bytes, sha256 {Convert.ToHexStringLower(SHA256.HashData(stream))})");
        }

        output.WriteLine($"trained: {metadata.TrainedAtUtc.ToString("yyyy-MM-dd HH:mm:ss", c)} UTC");
        output.WriteLine($"SpinDetect version: {metadata.SpinDetectVersion}");
        output.WriteLine($"description: {metadata.Description}");
        PrintSchema("schema", package, output);
        foreach (var (name, bytes) in package.ExtraSections.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            // Nested model packages (the spin model's token model) carry their own schema.
            if (bytes.Length > 8 && bytes.AsSpan(0, 8).SequenceEqual("SPDMODEL"u8))
            {
                PrintSchema("schema of " + name, ModelFile.FromBytes(bytes, path + "#" + name), output);
            }
        }

        output.WriteLine("options:");
        foreach (var (key, value) in metadata.Options.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  {key} = {value}");
        }

        output.WriteLine("data hashes:");
        foreach (var (key, value) in metadata.DataHashes.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  {key} = {value}");
        }

        output.WriteLine("metrics:");
        var importance = new List<KeyValuePair<string, double>>();
        foreach (var pair in metadata.Metrics.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (pair.Key.StartsWith("importance.", StringComparison.Ordinal))
            {
                importance.Add(pair);
                continue;
            }

            output.WriteLine($"  {pair.Key} = {pair.Value.ToString("G6", c)}");
        }

        if (importance.Count > 0)
        {
            output.WriteLine($"feature importance (top {Math.Min(ImportanceShown, importance.Count)} of {importance.Count}):");
            foreach (var (key, value) in importance.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(ImportanceShown))
            {
                output.WriteLine($"  {key} = {value.ToString("G6", c)}");
            }
        }
    }

    private static void PrintSchema(string label, ModelPackage package, TextWriter output) =>
        output.WriteLine($"{label}: {package.Schema.Name} v{package.Schema.Version}, {package.Schema.FeatureNames.Count} features, hash {package.Schema.Hash}; "
            + $"ensembles: {string.Join(", ", package.Ensembles.Select(e => $"{e.Name} ({e.Ensemble.TreeCount} trees)"))}");
}
