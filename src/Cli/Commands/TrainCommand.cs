using System.CommandLine;
using System.Globalization;
using SpinDetect.Features;
using SpinDetect.Cli.Scoring;
using SpinDetect.Lexicon;
using SpinDetect.Model;
using SpinDetect.Training.Retraining;
using SpinDetect.Training.Spin;

namespace SpinDetect.Cli.Commands;

/// <summary>
/// <c>spindetect train</c>: trains the spin model from a corpus folder and writes the model file; with
/// <c>--samples</c>, retrains it with the user's labelled samples (see <see cref="SpinRetrainer"/>).
/// </summary>
internal static class TrainCommand
{
    /// <summary>Exit code when the retrained model was worse and the current one was kept.</summary>
    internal const int Kept = 3;

    /// <summary>Exit code when the model was written but its report could not be.</summary>
    internal const int ReportNotWritten = 4;

    private const string RetrainHelp =
        "\n\nWith --samples, retrains: the samples are validated first (every problem is listed with its line; "
        + "nothing is written when any is found), merged with --base-corpus, split by group, and the new model is "
        + "compared with the current one (--from, default --out) on the same held-out rows. It replaces --out when "
        + "--replace is given or it is not worse on the held-out samples (AUC at most 0.005 lower, log-loss not higher); "
        + "the previous file is kept as <out>.bak-<time>, a rejected model as <name>.candidate<ext>.\n\n"
        + "Exit codes:\n  0    model written to --out\n  2    usage or validation error; nothing written\n"
        + "  3    retrained model worse: --out kept, candidate written\n"
        + "  4    model written (to --out or as the candidate) but the report could not be written\n  130  interrupted; nothing written\n\n"
        + "With --from and no file at --out yet, the new model is written to --out whatever the comparison (there is nothing "
        + "there to keep); the report and the first output line say how it compared.";

    internal static Command Create()
    {
        var samples = new Option<string[]>("--samples") { Description = "Sample CSV to retrain with (repeatable): header with label (spun/clean or 1/0) and text or path (relative to the CSV), optional group and weight.", AllowMultipleArgumentsPerToken = false };
        var baseCorpus = new Option<string?>("--base-corpus") { Description = "Base corpus folder for retraining (default: --corpus)." };
        var from = new Option<string?>("--from") { Description = "Current model to compare the retrained one with (default: --out)." };
        var replace = new Option<bool>("--replace") { Description = "Replace --out even when the retrained model is worse." };
        var sampleWeight = new Option<double>("--sample-weight") { Description = "Weight of each sample in the document model's training (corpus texts weigh 1).", DefaultValueFactory = _ => RetrainOptions.Defaults.SampleWeight };
        var delimiter = new Option<string?>("--delimiter") { Description = "Field delimiter of the sample CSVs: ',', ';', 'tab' or '|' (default: detected)." };
        var encoding = new Option<string?>("--encoding") { Description = "Encoding of the sample CSVs (default: byte-order mark, else UTF-8, else windows-1252)." };
        var report = new Option<string?>("--report") { Description = "Retraining report (markdown; default: <out name>-retrain-report.md beside --out)." };
        var corpus = new Option<string>("--corpus") { Description = "Corpus folder made by 'spindetect corpus build' (corpus.csv + substitutions.jsonl).", DefaultValueFactory = _ => Path.Combine("data", "corpus") };
        var lexicon = new Option<string>("--lexicon") { Description = "Reference lexicon.", DefaultValueFactory = _ => Path.Combine("models", "lexicon.bin") };
        var output = new Option<string>("--out") { Description = "Model file to write (atomically).", DefaultValueFactory = _ => Path.Combine("models", "spin.model") };
        var seed = new Option<int>("--seed") { Description = "Seed for sampling, splitting and the trees.", DefaultValueFactory = _ => SpinTrainingOptions.Defaults.Seed };
        var threads = ThreadsOption.Create();
        var choice = new Option<string?>("--spinner-choice") { Description = "Train only on spun texts of this synonym choice ('uniform' or 'common'; default both), e.g. to measure how a model trained on one kind of spinning does on the other." };
        var date = new Option<string?>("--date") { Description = "Training date recorded in the model (yyyy-MM-dd, default today UTC); fixed so that the same inputs give the same bytes." };
        var withContext = new Option<bool>("--context-model") { Description = "Also train the contextual token model (each word's probability re-read against the rest of the document); off by default, see the report." };
        var command = new Command("train", "Train the spin model (token and document boosted trees) from a labelled corpus." + RetrainHelp);
        command.Options.Add(corpus);
        command.Options.Add(lexicon);
        command.Options.Add(output);
        command.Options.Add(seed);
        command.Options.Add(threads);
        command.Options.Add(date);
        command.Options.Add(choice);
        command.Options.Add(withContext);
        var withSuggestions = new Option<bool>("--suggestion-ranker") { Description = "Also train the suggestion ranker (chooses each suspicious word's likely original with trees instead of the fixed rule); off by default, see the report." };
        command.Options.Add(withSuggestions);
        command.Options.Add(samples);
        command.Options.Add(baseCorpus);
        command.Options.Add(from);
        command.Options.Add(replace);
        command.Options.Add(sampleWeight);
        command.Options.Add(delimiter);
        command.Options.Add(encoding);
        command.Options.Add(report);
        command.Action = new UsageCheckedAction((parseResult, invocationToken) =>
        {
            // Ctrl-C stops the run between stages (the model file is only ever replaced atomically); a second one aborts.
            using var interrupt = CancellationTokenSource.CreateLinkedTokenSource(invocationToken);
            var cancellationToken = interrupt.Token;
            ConsoleCancelEventHandler onCancel = (_, e) =>
            {
                if (!interrupt.IsCancellationRequested)
                {
                    e.Cancel = true;
                    interrupt.Cancel();
                }
            };
            Console.CancelKeyPress += onCancel;
            try
            {
                return Run(parseResult, cancellationToken);
            }
            finally
            {
                Console.CancelKeyPress -= onCancel;
            }
        });
        return command;

        Task<int> Run(ParseResult parseResult, CancellationToken cancellationToken)
        {
            var console = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            try
            {
                var trainedAt = ParseDate(parseResult.GetValue(date));
                // 0 means every core, as in 'score'.
                var training = new SpinTrainingOptions { Seed = parseResult.GetValue(seed), NumberOfThreads = parseResult.GetValue(threads) is > 0 and var n ? n : null };
                if (parseResult.GetValue(withContext))
                {
                    training.ContextModel = SpinTrainingOptions.DefaultContextModel();
                }

                if (parseResult.GetValue(withSuggestions))
                {
                    training.SuggestionModel = SpinTrainingOptions.DefaultSuggestionModel();
                }

                if (parseResult.GetValue(samples) is { Length: > 0 } files)
                {
                    var options = new RetrainOptions
                    {
                        Training = training,
                        TrainedAt = trainedAt,
                        Replace = parseResult.GetValue(replace),
                        SampleWeight = parseResult.GetValue(sampleWeight),
                        Delimiter = ParseDelimiter(parseResult.GetValue(delimiter)),
                        Encoding = parseResult.GetValue(encoding),
                    };
                    var outPath = parseResult.GetValue(output)!;
                    var request = new RetrainRequest(files, outPath)
                    {
                        BaseCorpusFolder = parseResult.GetValue(baseCorpus) ?? parseResult.GetValue(corpus)!,
                        LexiconPath = parseResult.GetValue(lexicon)!,
                        CurrentModelPath = CurrentModel(parseResult.GetValue(from), outPath, console),
                        ReportPath = parseResult.GetValue(report),
                    };
                    if (RetrainPathProblem(request) is { } problem)
                    {
                        error.WriteLine($"train: {problem}; nothing was trained or written.");
                        return Task.FromResult(ExitCodes.Usage);
                    }

                    options.Validate();
                    return Task.FromResult(Retrain(request, options, console, error, cancellationToken));
                }

                if (OutputPaths.Problem("--out", parseResult.GetValue(output)!, CorpusInputs(parseResult.GetValue(corpus)!, parseResult.GetValue(lexicon)!)) is { } outProblem)
                {
                    error.WriteLine($"train: {outProblem}; nothing was trained or written.");
                    return Task.FromResult(ExitCodes.Usage);
                }

                return Task.FromResult(Train(
                    parseResult.GetValue(corpus)!, parseResult.GetValue(lexicon)!, parseResult.GetValue(output)!,
                    training, trainedAt, console, cancellationToken, parseResult.GetValue(choice)));
            }
            catch (SampleValidationException e)
            {
                foreach (var problem in e.Problems)
                {
                    error.WriteLine(problem.ToString());
                }

                error.WriteLine($"train: {e.Problems.Count} problem(s) in the samples; nothing was trained or written.");
                return Task.FromResult(2);
            }
            catch (RetrainReportException e)
            {
                error.WriteLine($"train: {e.Message}");
                return Task.FromResult(ReportNotWritten);
            }
            catch (OperationCanceledException)
            {
                error.WriteLine("train: interrupted; no model was written and the current model is unchanged.");
                return Task.FromResult(ExitCodes.Interrupted);
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or InvalidDataException
                or ArgumentException or IOException or UnauthorizedAccessException or LexiconFormatException or FormatException or ModelFormatException)
            {
                error.WriteLine($"train: {e.Message}");
                return Task.FromResult(2);
            }
        }
    }

    /// <summary>
    /// The model to compare with: <paramref name="from"/> when given (it must exist: a mistyped path would replace the
    /// model without any comparison), else <paramref name="outPath"/> when it exists, else the shipped model the
    /// detector would load, so that a run outside the repository still compares with the model in use.
    /// </summary>
    private static string CurrentModel(string? from, string outPath, TextWriter console)
    {
        if (from is not null)
        {
            return File.Exists(from) ? from : throw new ArgumentException($"--from {from}: no such model file.");
        }

        if (File.Exists(outPath))
        {
            return outPath;
        }

        var shipped = ModelAssets.Candidates().FirstOrDefault(File.Exists);
        if (shipped is null)
        {
            return outPath;
        }

        console.WriteLine($"no model at {outPath}: comparing with the shipped model {shipped}");
        return shipped;
    }

    /// <summary>Why the retraining's outputs cannot be written as asked, checked before anything is trained; null when
    /// they can.</summary>
    private static string? RetrainPathProblem(RetrainRequest request)
    {
        var inputs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in request.SampleFiles)
        {
            if (!inputs.Add(Path.GetFullPath(file)))
            {
                return $"--samples {file} is given twice";
            }
        }

        var outputs = new (string Option, string Path)[]
        {
            ("--out", request.OutputPath), ("--report", request.Report), ("the candidate model", request.CandidatePath),
        };
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        var readFrom = request.SampleFiles.Concat(CorpusInputs(request.BaseCorpusFolder, request.LexiconPath)).ToList();
        foreach (var (option, path) in outputs)
        {
            if (OutputPaths.Problem(option, path, readFrom) is { } problem)
            {
                return problem;
            }

            // The --from model is read too; only --out may replace it (that is what retraining is for).
            if (option != "--out" && request.CurrentModelPath is { } current && OutputPaths.Problem(option, path, [current]) is { } fromProblem)
            {
                return fromProblem;
            }

            // Texts named in the samples' path column are only known once the CSV is read: an existing file that is not
            // an earlier report (a text, a model, a CSV reached through a link) is never replaced by the report.
            if (option == "--report" && File.Exists(path) && !RetrainReport.IsReport(path))
            {
                return $"--report {path} exists and is not a retraining report; it would be overwritten (give another name or remove it)";
            }

            var full = Path.GetFullPath(path);
            if (seen.TryGetValue(full, out var other))
            {
                return $"{option} and {other} are the same file ({path})";
            }

            seen[full] = option;

            // A missing folder is created when the file is written; what exists of its path must take new entries.
            var folder = Path.GetDirectoryName(full)!;
            while (!Directory.Exists(folder) && Path.GetDirectoryName(folder) is { } parent)
            {
                folder = parent;
            }

            if (!CanWriteIn(folder))
            {
                return $"cannot write in the folder of {option}: {folder}";
            }
        }

        return null;
    }

    /// <summary>The files training reads besides the samples: the corpus folder's files, the lexicon and the word
    /// vectors beside it.</summary>
    private static IEnumerable<string> CorpusInputs(string corpusFolder, string lexiconPath) =>
        (Directory.Exists(corpusFolder) ? Directory.GetFiles(corpusFolder) : [])
            .Append(lexiconPath)
            .Append(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(lexiconPath))!, SpinFeaturizer.EmbeddingsFileName));

    /// <summary>Whether a file can be created in <paramref name="folder"/> (tried with a temporary file, removed at once).</summary>
    private static bool CanWriteIn(string folder)
    {
        var probe = Path.Combine(folder, $".spindetect-write-test-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            using (File.Create(probe, 1, FileOptions.DeleteOnClose))
            {
            }

            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static string? ParseDelimiter(string? text) => text switch
    {
        null => null,
        "tab" or "\\t" => "\t",
        { Length: 1 } => text,
        _ => throw new ArgumentException($"--delimiter must be one character or 'tab' (was '{text}')."),
    };

    private static int Retrain(RetrainRequest request, RetrainOptions options, TextWriter console, TextWriter error, CancellationToken cancellationToken)
    {
        var result = new SpinRetrainer(options).Retrain(request, new ErrorProgress(error), cancellationToken);
        console.WriteLine($"{(result.Replaced ? "replaced" : "kept")} {request.OutputPath}: {result.Reason}");
        console.WriteLine($"new model: {result.ModelPath}" + (result.BackupPath is null ? "" : $"; previous model backed up to {result.BackupPath}"));
        console.WriteLine($"report: {result.ReportPath} ({result.Elapsed.TotalSeconds:F1} s)");
        return result.Replaced ? 0 : Kept;
    }

    private static DateTimeOffset ParseDate(string? text) => text is null
        ? new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero)
        : DateTimeOffset.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? date
            : throw new ArgumentException($"--date '{text}' is not a date written yyyy-MM-dd (for example 2026-11-22).");

    private static int Train(string corpusFolder, string lexiconPath, string output, SpinTrainingOptions options, DateTimeOffset trainedAt, TextWriter console, CancellationToken cancellationToken, string? spinnerChoice = null)
    {
        var documents = SpinCorpus.LoadFolder(corpusFolder);
        if (spinnerChoice is not null)
        {
            if (spinnerChoice is not ("uniform" or "common"))
            {
                throw new ArgumentException($"--spinner-choice must be 'uniform' or 'common' (was '{spinnerChoice}').");
            }

            // Keep the clean texts and the spun texts of that choice only.
            documents = documents.Where(d => !d.Spun || d.Spinner.EndsWith("/" + spinnerChoice, StringComparison.Ordinal)).ToList();
        }

        var training = documents.Where(d => d.Split == "train").ToList();
        var validation = documents.Where(d => d.Split == "validation").ToList();
        console.WriteLine($"corpus: {training.Count:N0} training and {validation.Count:N0} validation texts from {corpusFolder}");
        var featurizer = SpinFeaturizer.Load(lexiconPath);
        var result = new SpinModelTrainer(options).Train(training, validation, featurizer, new SynchronousProgress(console), cancellationToken: cancellationToken);
        var metadata = SpinModelMetadata.Create(result, options, trainedAt, corpusFolder, lexiconPath);
        ModelFile.Write(output, result.ToPackage(metadata));
        console.WriteLine(
            $"token model: {result.TokenModel.TreeCount} trees, validation AUC {result.TokenValidation.AreaUnderRocCurve:F4}; "
            + (result.ContextModel is null ? "" : $"contextual token model: {result.ContextModel.TreeCount} trees, validation AUC {result.ContextValidation!.AreaUnderRocCurve:F4}; ")
            + $"document model: {result.DocumentModel.TreeCount} trees, validation AUC {result.DocumentValidation.AreaUnderRocCurve:F4}, "
            + $"threshold {result.Threshold:F3}; "
            + SuggestionSummary(result)
            + $"{result.Elapsed.TotalSeconds:F0} s");
        console.WriteLine($"wrote {output} ({new FileInfo(output).Length:N0} bytes)");
        return 0;
    }

    // What the train summary says of the suggestion ranker: its validation hit rate against the fixed rule's, or why
    // there is none.
    private static string SuggestionSummary(SpinTrainingResult result) => result.SuggestionValidation switch
    {
        null => "",
        { } s when result.SuggestionModel is null =>
            $"no suggestion ranker ({s.TrainingWords:N0} training and {s.ValidationWords:N0} validation words with their original among the candidates): suggestions by the fixed rule; ",
        { } s => $"suggestion ranker: {result.SuggestionModel.TreeCount} trees, original first for {s.RankerHitRate:P1} of {s.ValidationWords:N0} validation words (fixed rule {s.RuleHitRate:P1}); ",
    };

    /// <summary>Progress lines with the ETA on standard error, as they come.</summary>
    private sealed class ErrorProgress(TextWriter writer) : IProgress<RetrainProgress>
    {
        public void Report(RetrainProgress value) => writer.WriteLine(value.ToString());
    }

    /// <summary>Writes progress lines as they come (Progress&lt;T&gt; would post them to the thread pool, out of order).</summary>
    private sealed class SynchronousProgress(TextWriter writer) : IProgress<string>
    {
        public void Report(string value) => writer.WriteLine(value);
    }
}
