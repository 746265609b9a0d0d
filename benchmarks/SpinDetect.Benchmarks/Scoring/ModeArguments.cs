using System.Globalization;

namespace SpinDetect.Benchmarks.Scoring;

/// <summary>
/// Arguments of the timed modes: <c>--name value</c> options, flags and positional values, checked so that a typo is
/// a usage error (<see cref="ModeUsageException"/>) rather than a silent run with the defaults.
/// </summary>
internal static class ModeArguments
{
    /// <summary>
    /// Returns the plain (positional) values of <paramref name="args"/>, wherever they stand among the options, and
    /// throws <see cref="ModeUsageException"/> for an argument that is neither one of <paramref name="valued"/> (with
    /// its value), nor one of <paramref name="flags"/>, nor one of at most <paramref name="positional"/> plain values.
    /// </summary>
    internal static List<string> Check(string[] args, string[] valued, string[] flags, int positional = 0)
    {
        var plain = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (Array.IndexOf(valued, args[i]) >= 0)
            {
                if (++i >= args.Length)
                {
                    throw new ModeUsageException($"{args[i - 1]} needs a value.");
                }
            }
            else if (Array.IndexOf(flags, args[i]) < 0)
            {
                if (args[i].StartsWith("--", StringComparison.Ordinal) || plain.Count >= positional)
                {
                    throw new ModeUsageException($"unknown argument '{args[i]}' (options: {string.Join(", ", valued.Concat(flags))}).");
                }

                plain.Add(args[i]);
            }
        }

        return plain;
    }

    /// <summary>The value after <paramref name="name"/>, or null when it is not given.</summary>
    internal static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    /// <summary>The positive integer after <paramref name="name"/>, or <paramref name="fallback"/>.</summary>
    internal static int IntOption(string[] args, string name, int fallback) =>
        Option(args, name) is { } text ? PositiveInt(text, name) : fallback;

    /// <summary>The <paramref name="index"/>-th argument as a positive integer, or <paramref name="fallback"/>.</summary>
    internal static int IntAt(string[] args, int index, string what, int fallback) =>
        args.Length > index ? PositiveInt(args[index], what) : fallback;

    /// <summary><paramref name="text"/> as a positive integer, or a usage error naming <paramref name="what"/>.</summary>
    internal static int PositiveInt(string text, string what) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ModeUsageException($"{what} must be a positive integer, got '{text}'.");

    /// <summary><paramref name="text"/> as a finite number, or a usage error naming <paramref name="what"/>.</summary>
    internal static double Number(string text, string what) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new ModeUsageException($"{what} must be a number, got '{text}'.");

    /// <summary>
    /// A repository-relative path (such as <c>data/corpus/corpus.csv</c>): as given when it exists from the current
    /// folder, else under the first folder above the benchmark assembly that holds it, so the documented commands work
    /// from the repository root and from the bin folder alike.
    /// </summary>
    internal static string RepositoryPath(string path)
    {
        if (Path.IsPathRooted(path) || File.Exists(path) || Directory.Exists(path))
        {
            return path;
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, path);
            if (File.Exists(candidate) || Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return path;
    }
}
