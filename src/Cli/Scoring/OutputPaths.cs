namespace SpinDetect.Cli.Scoring;

/// <summary>
/// Checks shared by the commands on the paths they are given: an unknown option that the parser passed on as a path,
/// and an output that would replace an input or is a folder. Each returns what is wrong, for a usage error, or null.
/// </summary>
internal static class OutputPaths
{
    /// <summary>The first of <paramref name="paths"/> that looks like an option (<c>-x</c>, <c>--xyz</c>) and names no
    /// file or folder: the parser passes options it does not know on as arguments. A file really named so can be
    /// given as <c>./NAME</c>.</summary>
    public static string? UnknownOption(IEnumerable<string> paths) =>
        paths.FirstOrDefault(p => p.Length > 1 && p[0] == '-' && !File.Exists(p) && !Directory.Exists(p)) is { } option
            ? $"unknown option {option}"
            : null;

    /// <summary>Why <paramref name="output"/> (given as <paramref name="option"/>) cannot be written: it is a folder,
    /// or the same file as one of <paramref name="inputs"/> (null entries are skipped); null when it can.</summary>
    public static string? Problem(string option, string output, IEnumerable<string?> inputs)
    {
        if (Directory.Exists(output))
        {
            return $"{option} {output} is a folder; give a file name";
        }

        var full = Path.GetFullPath(output);
        return inputs.Any(i => !string.IsNullOrEmpty(i) && Path.GetFullPath(i) == full)
            ? $"{option} {output} is also an input; it would be overwritten"
            : null;
    }
}
