using System.CommandLine;
using SpinDetect.Cli.Scoring;
using SpinDetect.Model;
using SpinDetect.Quality;
using SpinDetect.Training.Corpus;

namespace SpinDetect.Cli.Commands;

/// <summary><c>spindetect clean</c>: the article text of each file with junk lines removed.</summary>
internal static class CleanCommand
{
    internal static Command Create()
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Files to clean (text or Markdown; HTML is reduced to its visible text first, as 'score' does); - reads standard input.",
            Arity = ArgumentArity.OneOrMore,
        };
        var outDirectory = new Option<string?>("--out")
        {
            Description = "Write each cleaned file under DIR with its file name (.txt for HTML inputs, stdin.txt for -; needed "
                + "for more than one input; an existing file in the input's own folder is never replaced); without it the cleaned "
                + "text of the single input goes to standard output.",
            HelpName = "DIR",
        };
        var listRemoved = new Option<bool>("--list-removed")
        {
            Description = "List each removed line as 'file:line: reason: text' (on standard error when the text goes "
                + "to standard output, else on standard output); for HTML, lines of its visible text.",
        };
        var model = new Option<string?>("--model")
        {
            Description = "Quality model file. Default: the shipped models/quality.model.",
            HelpName = "FILE",
        };
        var asScored = new Option<bool>("--as-scored")
        {
            Description = "Write the text as 'score' reads it (decoded, HTML reduced to its visible text), with no line removed: "
                + "the text that the offsets of 'score' and 'explain' evidence count in.",
        };
        var command = new Command(
            "clean",
            "Write the article text of each file with boilerplate, unrelated, broken and repeated lines removed. "
            + "Exit codes: 0 all cleaned, 1 some inputs failed, 2 usage error.");
        command.Arguments.Add(paths);
        command.Options.Add(outDirectory);
        command.Options.Add(listRemoved);
        command.Options.Add(model);
        command.Options.Add(asScored);
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            // An input named twice is cleaned once (its second naming would clash with its own output).
            var files = (parseResult.GetValue(paths) ?? []).DistinctBy(f => f is "-" or "" ? f : Path.GetFullPath(f), StringComparer.Ordinal).ToArray();
            var directory = parseResult.GetValue(outDirectory);
            if (OutputPaths.UnknownOption(files) is { } unknown)
            {
                error.WriteLine($"spindetect clean: {unknown} (see --help)");
                return 2;
            }

            if (directory is null && files.Length > 1)
            {
                error.WriteLine("spindetect clean: more than one input needs --out DIR.");
                return 2;
            }

            if (directory is not null && File.Exists(directory))
            {
                error.WriteLine($"spindetect clean: --out {directory} exists and is not a folder; it must name a folder (created when missing).");
                return 2;
            }

            // The cleaned text goes to --out/NAME.txt: it must never replace an input, the junk would be gone for good.
            var inputs = new HashSet<string>(files.Where(f => f != "-" && f.Length > 0).Select(Path.GetFullPath), StringComparer.Ordinal);
            if (directory is not null && files.FirstOrDefault(f => f != "-" && f.Length > 0 && inputs.Contains(Path.GetFullPath(Path.Combine(directory, OutputName(f))))) is { } overwritten)
            {
                error.WriteLine($"spindetect clean: the cleaned text of {overwritten} would overwrite an input ({Path.Combine(directory, OutputName(overwritten))}); choose another --out folder.");
                return 2;
            }

            QualityAnalyzer analyzer;
            try
            {
                var modelPath = parseResult.GetValue(model);
                analyzer = modelPath is null ? QualityAnalyzer.Default : new QualityAnalyzer(QualityModel.Load(modelPath));
            }
            catch (Exception e) when (e is ModelFormatException or FileNotFoundException or IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"spindetect clean: {(Directory.Exists(parseResult.GetValue(model)) ? $"--model {parseResult.GetValue(model)} is a folder" : e.Message)}");
                return 2;
            }

            var listing = directory is null ? error : output;
            var failed = 0;
            // Output name → the input it was written for: two inputs never share one output file.
            var written = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var path in files)
            {
                if (!TryRead(path, error, out var text))
                {
                    failed++;
                    continue;
                }

                var result = analyzer.Analyze(text);
                var cleaned = parseResult.GetValue(asScored) ? text : result.Clean(text).Text;
                if (directory is null)
                {
                    try
                    {
                        output.Write(cleaned);
                        output.Flush();
                    }
                    catch (IOException e)
                    {
                        // A full disk or a closed pipe: the text is not delivered, and nothing more can be.
                        error.WriteLine($"spindetect clean: cannot write the cleaned text of {path} to standard output: {e.Message}");
                        return 1;
                    }
                }
                else
                {
                    var name = OutputName(path);
                    if (written.TryGetValue(name, out var earlier))
                    {
                        error.WriteLine($"spindetect clean: {path}: its cleaned text would overwrite that of {earlier} ({name} under --out); not cleaned");
                        failed++;
                        continue;
                    }

                    var target = Path.Combine(directory, name);
                    if (ReplacesFileBesideInput(path, target))
                    {
                        // page.html cleaned into its own folder would silently replace a page.txt the user wrote.
                        error.WriteLine($"spindetect clean: {path}: its cleaned text would replace {target}, an existing file beside it; not cleaned (choose another --out folder)");
                        failed++;
                        continue;
                    }

                    try
                    {
                        AtomicFile.WriteText(target, writer => writer.Write(cleaned));
                        written[name] = path;
                    }
                    catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                    {
                        error.WriteLine($"spindetect clean: cannot write {target}: {e.Message}");
                        failed++;
                        continue;
                    }
                }

                if (parseResult.GetValue(listRemoved))
                {
                    foreach (var junk in result.JunkLines)
                    {
                        listing.WriteLine($"{path}:{LineNumber(text, junk.Start)}: {junk.ReasonName}: {text.AsSpan(junk.Start, junk.Length)}");
                    }
                }
            }

            return failed == 0 ? 0 : 1;
        });
        return command;
    }

    /// <summary>
    /// Reads one input as every command reads it (decoded, size-checked, HTML reduced to its visible text), or writes
    /// why it cannot be read, naming it, and returns false.
    /// </summary>
    private static bool TryRead(string path, TextWriter error, out string text)
    {
        text = "";
        string reason;
        if (path != "-" && string.IsNullOrWhiteSpace(path))
        {
            reason = "empty path";
        }
        else if (path != "-" && !File.Exists(path))
        {
            reason = Directory.Exists(path) ? "is a folder, not a file" : InputErrors.Missing(path);
        }
        else
        {
            try
            {
                var item = path == "-" ? new InputItem(path, InputKind.StandardInput) : new InputItem(path, InputKind.File);
                text = InputScorer.Read(item, SpinDetectorOptions.Defaults.MaxInputBytes).Text;
                return true;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                reason = InputErrors.Describe(path, e, "cleaned");
            }
        }

        error.WriteLine($"spindetect clean: {path}: {reason}");
        return false;
    }

    /// <summary>
    /// Whether writing <paramref name="target"/> would replace an existing file in the input's own folder: an output
    /// folder elsewhere holds earlier cleaned texts, which a rerun rewrites, but beside the input it holds the user's files.
    /// </summary>
    private static bool ReplacesFileBesideInput(string path, string target)
    {
        if (path == "-" || !File.Exists(target))
        {
            return false;
        }

        var inputFolder = PhysicalPathOrAsGiven(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var targetFolder = PhysicalPathOrAsGiven(Path.GetDirectoryName(Path.GetFullPath(target))!);
        // Folder names differing only in case are one folder where the file system ignores case (Windows, macOS).
        var comparison = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        return string.Equals(inputFolder, targetFolder, comparison);
    }

    // A link that cannot be read leaves the path as given: the comparison is then the plain one.
    private static string PhysicalPathOrAsGiven(string folder)
    {
        try
        {
            return PhysicalPath(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return folder;
        }
    }

    /// <summary>
    /// <paramref name="folder"/> (a full path) with every symbolic link along it resolved, so that an output folder
    /// reached through a link to the input's folder is recognised as that folder.
    /// </summary>
    private static string PhysicalPath(string folder)
    {
        var root = Path.GetPathRoot(folder) ?? "";
        var current = root;
        // A bound on resolutions: a link loop cannot hold the command (the comparison then just sees other paths).
        var resolutions = 0;
        foreach (var part in folder[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            current = Path.Combine(current, part);
            if (resolutions < 40 && new DirectoryInfo(current) is { LinkTarget: not null } link
                && link.ResolveLinkTarget(returnFinalTarget: true) is { } target)
            {
                resolutions++;
                current = PhysicalPath(target.FullName);
            }
        }

        return current;
    }

    // The cleaned text of an HTML page is plain text; standard input has no name of its own.
    private static string OutputName(string path) =>
        path == "-" ? "stdin.txt" : HtmlText.IsHtmlPath(path) ? Path.ChangeExtension(Path.GetFileName(path), ".txt") : Path.GetFileName(path);

    private static int LineNumber(string text, int offset)
    {
        var line = 1;
        for (var i = 0; i < offset; i++)
        {
            if (text[i] == '\n')
            {
                line++;
            }
        }

        return line;
    }
}
