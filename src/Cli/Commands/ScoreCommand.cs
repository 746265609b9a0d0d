using System.CommandLine;
using SpinDetect.Cli.Scoring;

namespace SpinDetect.Cli.Commands;

/// <summary><c>spindetect score</c>: one record per input file, folder entry, standard input or JSONL line.</summary>
internal static class ScoreCommand
{
    internal static Command Create()
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Files and folders to score (folders recursively); - reads one text from standard input.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var include = new Option<string[]>("--include")
        {
            Description = "Only score files in folders whose name (or relative path, when the pattern has a /) matches; "
                + "* ** ? [abc], case-insensitive, repeatable. Default: *.txt *.md *.html *.htm.",
            HelpName = "GLOB",
        };
        var exclude = new Option<string[]>("--exclude")
        {
            Description = "Skip files and folders whose name (or relative path) matches; repeatable.",
            HelpName = "GLOB",
        };
        var format = new Option<string?>("--format")
        {
            Description = "Output format: jsonl or csv. Default: csv when --output ends in .csv, else jsonl.",
            HelpName = "jsonl|csv",
        };
        format.AcceptOnlyFromAmong("jsonl", "csv");
        var output = new Option<string?>("--output", "-o")
        {
            Description = "Write the records to FILE (through FILE.partial, renamed when the run completes) instead of standard output.",
            HelpName = "FILE",
        };
        var threads = new Option<int>("--threads")
        {
            Description = "Inputs scored at once; 0 uses every core. Records are in input order whatever the number.",
            HelpName = "N",
            DefaultValueFactory = _ => 0,
        };
        var resume = new Option<bool>("--resume")
        {
            Description = "Continue an interrupted run: keep the complete records in FILE.partial (or FILE) and score "
                + "only inputs that have no record yet (matched by path or id; give the same options). Needs --output.",
        };
        var jsonlIn = new Option<bool>("--jsonl-in")
        {
            Description = "Read {\"id\", \"text\"} JSON lines from standard input instead of paths; each record's path is the id.",
        };
        var detectorOptions = new DetectorOptionSet(SpinDetectorOptions.Defaults.MaxEvidence);

        var command = new Command(
            "score",
            "Score files, folders, standard input or JSONL records: one record per input, in input order, with the\n"
            + "fields path, spun, confidence, quality, words, flags, evidence (offset, length, text, suggestion, score;\n"
            + "offsets in UTF-16 code units of the decoded text, for HTML of its visible text)\n"
            + "and error (null when scored). An input that cannot be scored (empty, binary, over 20 MB, unreadable,\n"
            + "a broken or looping link) gets a record with the error and the run goes on.\n" + ExitCodes.Help);
        command.Arguments.Add(paths);
        command.Options.Add(include);
        command.Options.Add(exclude);
        command.Options.Add(format);
        command.Options.Add(output);
        command.Options.Add(threads);
        command.Options.Add(resume);
        command.Options.Add(jsonlIn);
        detectorOptions.AddTo(command);

        command.Action = new UsageCheckedAction(async (parseResult, cancellationToken) =>
        {
            var error = parseResult.InvocationConfiguration.Error;
            var given = parseResult.GetValue(paths) ?? [];
            var outputPath = parseResult.GetValue(output);
            if (!Glob.TryParseAll(parseResult.GetValue(include) is { Length: > 0 } patterns ? patterns : InputWalker.DefaultIncludes, out var includeGlobs, out var globError)
                || !Glob.TryParseAll(parseResult.GetValue(exclude) ?? [], out var excludeGlobs, out globError))
            {
                await error.WriteLineAsync($"spindetect score: {globError} (see --help)").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            // Records are written to OUTPUT.partial and renamed at the end (and --resume moves them back), which would
            // put a plain file in a link's place or leave the link dangling: a link is refused, naming where it points.
            if (outputPath is { Length: > 0 } && new FileInfo(outputPath).LinkTarget is { } linkTarget)
            {
                await error.WriteLineAsync(
                    $"spindetect score: --output {outputPath} is a symbolic link (to {linkTarget}); give the file it points to, or another name").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            var job = new ScoreJob
            {
                Paths = given,
                Include = includeGlobs,
                Exclude = excludeGlobs,
                Format = parseResult.GetValue(format) is { } name
                    ? (name == "csv" ? OutputFormat.Csv : OutputFormat.Jsonl)
                    : RecordSchema.FormatFromExtension(outputPath),
                Output = outputPath,
                Threads = parseResult.GetValue(threads),
                Resume = parseResult.GetValue(resume),
                JsonlIn = parseResult.GetValue(jsonlIn),
            };
            if (Validate(job) is { } usage)
            {
                await error.WriteLineAsync($"spindetect score: {usage} (see --help)").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            var detector = detectorOptions.CreateDetector(parseResult, error);
            if (detector == null)
            {
                return ExitCodes.Usage;
            }

            job = job with { Settings = RunSettings.Describe(detectorOptions.ModelPath(parseResult), detector, job.Format) };
            try
            {
                return await ScoreRunner.RunAsync(job, detector, parseResult.InvocationConfiguration.Output, error, cancellationToken)
                    .ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                // The output cannot be written or resumed: a usage problem, reported without a stack trace.
                await error.WriteLineAsync($"spindetect score: {e.Message}").ConfigureAwait(false);
                return ExitCodes.Usage;
            }
        });
        return command;
    }

    private static string? Validate(ScoreJob job)
    {
        if (job.JsonlIn && job.Paths.Count > 0)
        {
            return "--jsonl-in reads standard input; give no paths with it";
        }

        if (!job.JsonlIn && job.Paths.Count == 0)
        {
            return "give at least one file or folder, - for standard input, or --jsonl-in";
        }

        if (job.Resume && job.Output == null)
        {
            return "--resume needs --output (standard output cannot be resumed)";
        }

        if (job.Threads is < 0 or > OrderedParallel.MaxParallelism)
        {
            return $"--threads must be 0 (every core) to {OrderedParallel.MaxParallelism}";
        }

        if (OutputPaths.UnknownOption(job.Paths) is { } unknown)
        {
            return unknown;
        }

        if (job.Output == null)
        {
            return null;
        }

        if (Path.GetDirectoryName(Path.GetFullPath(job.Output)) is { } folder && !Directory.Exists(folder))
        {
            return $"the folder of --output does not exist: {folder}";
        }

        // A file named as an input may not be the output, unless it is an earlier run's records (a shell wildcard
        // picks those up; the walker skips them, and the run's own FILE.partial and settings files too).
        var named = job.Paths.Where(p => p != "-" && File.Exists(p) && !ResumeFile.IsRecordFile(p)).ToList();
        return OutputPaths.Problem("--output", job.Output, named);
    }
}
