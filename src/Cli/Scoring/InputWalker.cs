using System.IO.Enumeration;

namespace SpinDetect.Cli.Scoring;

/// <summary>
/// Turns the command line's paths into inputs, lazily: folders are walked depth-first, each folder's entries in
/// ordinal order of their names, so the order of inputs (and of records) is the same on every run and machine.
/// </summary>
/// <remarks>
/// Only folders are examined while walking (a file's size is looked at once, by the reader, on the open handle), so
/// a folder of 100,000 files costs one directory read and no per-file system call here. Symbolic links to folders are
/// followed unless they point back to a folder being walked, which is reported as a loop. Explicit file arguments are
/// always used; files found in folders must match an include pattern and no exclude pattern; folders matching an
/// exclude pattern are skipped whole.
/// </remarks>
internal sealed class InputWalker(IReadOnlyList<Glob> include, IReadOnlyList<Glob> exclude)
{
    /// <summary>File types scored when no <c>--include</c> is given.</summary>
    public static readonly IReadOnlyList<string> DefaultIncludes = ["*.txt", "*.md", "*.html", "*.htm"];

    private static readonly EnumerationOptions ListOptions = new()
    {
        RecurseSubdirectories = false,
        IgnoreInaccessible = false,
        AttributesToSkip = 0,
        ReturnSpecialDirectories = false,
    };

    /// <summary>The inputs named by <paramref name="arguments"/>, in order; each argument is used once.</summary>
    public IEnumerable<InputItem> Walk(IEnumerable<string> arguments)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var argument in arguments)
        {
            if (!seen.Add(argument))
            {
                continue;
            }

            if (argument == "-")
            {
                yield return new InputItem("-", InputKind.StandardInput);
            }
            else if (Directory.Exists(argument))
            {
                foreach (var item in WalkFolder(argument))
                {
                    yield return item;
                }
            }
            else if (File.Exists(argument))
            {
                yield return new InputItem(argument, InputKind.File);
            }
            else
            {
                yield return InputItem.Failed(argument, InputErrors.Missing(argument));
            }
        }
    }

    private IEnumerable<InputItem> WalkFolder(string root)
    {
        var stack = new Stack<Folder>();
        stack.Push(new Folder(root, "", RealPath(root), null));
        while (stack.Count > 0)
        {
            var folder = stack.Pop();
            if (folder.Error != null)
            {
                yield return InputItem.Failed(folder.Path, folder.Error);
                continue;
            }

            List<Entry> entries;
            string? listError = null;
            try
            {
                entries = List(folder.Path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                entries = [];
                listError = $"cannot list folder: {e.Message}";
            }

            if (listError != null)
            {
                yield return InputItem.Failed(folder.Path, listError);
                continue;
            }

            // Files first in name order; folders are pushed in reverse so they are also walked in name order.
            var subfolders = new List<Folder>();
            foreach (var entry in entries)
            {
                var path = Path.Join(folder.Path, entry.Name);
                var relative = folder.Relative.Length == 0 ? entry.Name : folder.Relative + "/" + entry.Name;
                if (entry.IsDirectory)
                {
                    if (Matches(exclude, entry.Name, relative))
                    {
                        continue;
                    }

                    var real = Path.Join(folder.Real, entry.Name);
                    if (IsLink(path))
                    {
                        var target = LinkTarget(path);
                        if (target == null || folder.IsSelfOrAncestor(target))
                        {
                            // Reported where the folder would have been walked, so records stay in name order.
                            subfolders.Add(new Folder(path, relative, real, folder)
                            {
                                Error = $"symbolic link loop: points to {target ?? "itself"}, which contains a folder being walked; not followed",
                            });
                            continue;
                        }

                        real = target;
                    }

                    subfolders.Add(new Folder(path, relative, real, folder));
                }
                else if (Matches(include, entry.Name, relative) && !Matches(exclude, entry.Name, relative))
                {
                    yield return new InputItem(path, InputKind.File);
                }
            }

            for (var i = subfolders.Count - 1; i >= 0; i--)
            {
                stack.Push(subfolders[i]);
            }
        }
    }

    private static List<Entry> List(string folder)
    {
        // IsDirectory comes from the directory listing itself (a stat only for symbolic links), not from a stat per file.
        var entries = new List<Entry>(new FileSystemEnumerable<Entry>(
            folder, static (ref FileSystemEntry e) => new Entry(e.FileName.ToString(), e.IsDirectory), ListOptions));
        entries.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
        return entries;
    }

    private static bool Matches(IReadOnlyList<Glob> globs, string name, string relative)
    {
        foreach (var glob in globs)
        {
            if (glob.IsMatch(name, relative))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsLink(string path) => new DirectoryInfo(path).LinkTarget != null;

    private static string? LinkTarget(string path)
    {
        try
        {
            return Directory.ResolveLinkTarget(path, returnFinalTarget: true)?.FullName is { } target
                ? Path.TrimEndingDirectorySeparator(target)
                : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static string RealPath(string path)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        return IsLink(full) ? LinkTarget(full) ?? full : full;
    }

    private readonly record struct Entry(string Name, bool IsDirectory);

    /// <summary>A folder to walk, with its real location and the folder it was reached from.</summary>
    private sealed record Folder(string Path, string Relative, string Real, Folder? Parent)
    {
        /// <summary>Why the folder is not walked (a link loop), reported in its place.</summary>
        public string? Error { get; init; }

        /// <summary>Whether <paramref name="real"/> is, or contains, this folder or one it was reached through: walking
        /// it would come back here.</summary>
        public bool IsSelfOrAncestor(string real)
        {
            for (var f = this; f != null; f = f.Parent)
            {
                if (f.Real.StartsWith(real, StringComparison.Ordinal)
                    && (f.Real.Length == real.Length || f.Real[real.Length] == System.IO.Path.DirectorySeparatorChar || real.EndsWith(System.IO.Path.DirectorySeparatorChar)))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
