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

        var real = RealPath(output);
        return inputs.Any(i => !string.IsNullOrEmpty(i) && RealPath(i) == real)
            ? $"{option} {output} is also an input; it would be overwritten"
            : null;
    }

    /// <summary>
    /// <paramref name="path"/> made absolute with every symbolic link along it resolved (folders and the file itself),
    /// so that a file reached through a linked folder compares equal to itself; a part that cannot be resolved (a
    /// broken link, a loop, a missing folder) is kept as written.
    /// </summary>
    public static string RealPath(string path) => RealPath(path, 0);

    // Depth bounds the links followed inside links' own paths (the system's limit is 40 as well).
    private static string RealPath(string path, int depth)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full) ?? string.Empty;
        var current = root;
        foreach (var part in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            current = Path.Combine(current, part);
            try
            {
                FileSystemInfo entry = Directory.Exists(current) ? new DirectoryInfo(current) : new FileInfo(current);
                if (depth < 40 && entry.LinkTarget is not null && entry.ResolveLinkTarget(returnFinalTarget: true) is { Exists: true } target)
                {
                    // The target's own path may pass through links too; a link's final target is not itself a link.
                    current = RealPath(target.FullName, depth + 1);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A loop or an unreadable link: compared as written.
            }
        }

        return current;
    }
}
