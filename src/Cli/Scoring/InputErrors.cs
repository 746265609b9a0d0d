using SpinDetect.Text;

namespace SpinDetect.Cli.Scoring;

/// <summary>Clear, short reasons for inputs that cannot be scored; the record's path already names the input.</summary>
internal static class InputErrors
{
    /// <summary>Why a command-line path that is neither a file nor a folder cannot be used.</summary>
    public static string Missing(string path) => path.Length == 0 ? "empty path" : LinkProblem(path) ?? "no such file or folder";

    /// <summary>Why reading <paramref name="path"/> failed with <paramref name="error"/>.</summary>
    public static string Describe(string path, Exception error) => error switch
    {
        InvalidDataException => DocumentDecoder.ReasonOf(error) ?? error.Message,
        FileNotFoundException or DirectoryNotFoundException => LinkProblem(path) ?? (path.Contains('\uFFFD', StringComparison.Ordinal)
            ? "the file name is not valid UTF-8, so the file cannot be opened by it; rename the file"
            : File.Exists(path) || Directory.Exists(path) ? "file not found" : "no such file (removed during the run?)"),
        UnauthorizedAccessException => Directory.Exists(path) ? "is a folder, not a file" : "permission denied: the file cannot be read",
        IOException => LinkProblem(path) ?? $"cannot read the file: {error.Message}",
        _ => $"{error.GetType().Name}: {error.Message}",
    };

    /// <summary>As <see cref="Describe(string, Exception)"/>, for a command that does something else with its inputs:
    /// the reasons say what scoring does ("…; not scored"), here they say "…; not <paramref name="done"/>".</summary>
    public static string Describe(string path, Exception error, string done) =>
        Describe(path, error).Replace("; not scored", "; not " + done, StringComparison.Ordinal);

    /// <summary>Describes a broken or looping symbolic link at <paramref name="path"/>; null when it is not one.</summary>
    private static string? LinkProblem(string path)
    {
        string? target;
        try
        {
            target = new FileInfo(path).LinkTarget;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        if (target == null)
        {
            return null;
        }

        try
        {
            var final = File.ResolveLinkTarget(path, returnFinalTarget: true);
            return final == null || !final.Exists
                ? $"broken symbolic link: its target {final?.FullName ?? target} does not exist"
                : null;
        }
        catch (IOException)
        {
            // The system gives up resolving after too many links: a cycle.
            return $"symbolic link loop: {target} leads back to itself";
        }
    }
}
