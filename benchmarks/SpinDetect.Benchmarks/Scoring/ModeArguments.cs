using System.Globalization;

namespace SpinDetect.Benchmarks.Scoring;

/// <summary><c>--name value</c> options of the timed modes.</summary>
internal static class ModeArguments
{
    /// <summary>The value after <paramref name="name"/>, or null when it is not given.</summary>
    internal static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    /// <summary>The integer after <paramref name="name"/>, or <paramref name="fallback"/>.</summary>
    internal static int IntOption(string[] args, string name, int fallback) =>
        Option(args, name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
}
