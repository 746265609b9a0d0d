using System.CommandLine;
using SpinDetect.Cli.Scoring;
using SpinDetect.Training.Evaluation.Tortured;

namespace SpinDetect.Cli.Commands;

/// <summary>
/// <c>spindetect evaluate</c>: measures a spin model. Each evaluation is one option: <c>--tortured</c> (real
/// spinner output from published papers) today; the corpus evaluation joins as another option.
/// </summary>
internal static class EvaluateCommand
{
    /// <summary>Exit code when an input (file, model) is missing or unusable.</summary>
    internal const int MissingInput = 2;

    internal static Command Create()
    {
        var tortured = new Option<string?>("--tortured")
        {
            Description = "Tortured-phrase CSV (tortured_phrase,expected_phrase,num_papers) to evaluate on real spinner output.",
            HelpName = "csv",
        };
        var model = new Option<string?>("--model")
        {
            Description = "Spin model file to evaluate (default: the shipped model).",
            HelpName = "path",
        };
        var defaults = new TorturedEvaluationOptions();
        var minPapers = new Option<int>("--min-papers")
        {
            Description = "Use only tortured phrases found in at least this many papers.",
            DefaultValueFactory = _ => defaults.MinPapers,
        };
        var seed = new Option<int>("--seed")
        {
            Description = "Seed of the template and abstract choices.",
            DefaultValueFactory = _ => defaults.Seed,
        };
        var templatesPerRow = new Option<int>("--templates-per-row")
        {
            Description = "Carrier sentences per tortured phrase.",
            DefaultValueFactory = _ => defaults.TemplatesPerRow,
        };
        var abstracts = new Option<int>("--abstracts")
        {
            Description = "Synthetic abstracts for the document-level figures.",
            DefaultValueFactory = _ => defaults.AbstractCount,
        };
        var output = new Option<string?>("--out")
        {
            Description = "Write the markdown report here and the JSON report beside it (.json).",
            HelpName = "report.md",
        };
        var listPhrases = new Option<bool>("--list-phrases")
        {
            Description = "Also list the most-missed and most-false-alarmed phrases in the report files (the console always shows them).",
        };
        var nullDetector = new Option<bool>("--null-detector")
        {
            Description = "Evaluate a baseline that marks nothing (probability 0) instead of a model: checks counts and timing of the harness.",
        };

        var corpus = new Option<string?>("--corpus")
        {
            Description = "Corpus folder made by 'spindetect corpus build': evaluates on its test split and its WordNet evaluation set "
                + "(with --split validation, on its validation split and its WordNet development set).",
        };
        var lexicon = new Option<string>("--lexicon")
        {
            Description = "Reference lexicon used with --corpus.",
            DefaultValueFactory = _ => Path.Combine("models", "lexicon.bin"),
        };
        var threads = ThreadsOption.Create();
        var split = new Option<string>("--split")
        {
            Description = "With --corpus: 'test' (the held-out figures) or 'validation' (the validation split and the WordNet development set "
                + "made from validation originals: for choosing settings without looking at the test texts).",
            DefaultValueFactory = _ => "test",
        };
        split.AcceptOnlyFromAmong("test", "validation");
        var command = new Command("evaluate", "Evaluate a spin model and write a markdown and JSON report.")
        {
            corpus, lexicon, threads, split, tortured, model, minPapers, seed, templatesPerRow, abstracts, output, listPhrases, nullDetector,
        };
        command.SetAction(parseResult =>
        {
            var config = parseResult.InvocationConfiguration;
            var csv = parseResult.GetValue(tortured);
            var corpusFolder = parseResult.GetValue(corpus);
            var modelPath = parseResult.GetValue(model);
            if (ReportPathProblem(parseResult.GetValue(output), [csv, modelPath, corpusFolder is null ? null : parseResult.GetValue(lexicon)], corpusFolder) is { } problem)
            {
                config.Error.WriteLine($"evaluate: {problem}");
                return MissingInput;
            }

            if (corpusFolder is null && parseResult.GetResult(split) is { Implicit: false })
            {
                config.Error.WriteLine("evaluate: --split chooses the corpus split; it needs --corpus.");
                return MissingInput;
            }

            if (corpusFolder is not null)
            {
                if (parseResult.GetValue(nullDetector))
                {
                    config.Error.WriteLine("evaluate: --null-detector checks the tortured-phrase harness alone; it cannot stand in for the model on --corpus.");
                    return MissingInput;
                }

                var torturedOptions = new TorturedEvaluationOptions
                {
                    MinPapers = parseResult.GetValue(minPapers),
                    Seed = parseResult.GetValue(seed),
                    TemplatesPerRow = parseResult.GetValue(templatesPerRow),
                    AbstractCount = parseResult.GetValue(abstracts),
                };
                try
                {
                    torturedOptions.Validate();
                }
                catch (ArgumentException ex)
                {
                    config.Error.WriteLine($"Invalid setting: {ex.Message}");
                    return MissingInput;
                }

                // Without --model, the model the detector loads (beside the program, or models/ in the working folder).
                return CorpusEvaluation.Run(
                    corpusFolder, modelPath ?? ModelAssets.Candidates().FirstOrDefault(File.Exists) ?? Path.Combine("models", "spin.model"), parseResult.GetValue(lexicon)!,
                    parseResult.GetValue(output), parseResult.GetValue(threads) ?? Environment.ProcessorCount,
                    csv, torturedOptions, config.Output, config.Error, development: parseResult.GetValue(split) == "validation");
            }

            if (csv is null)
            {
                config.Error.WriteLine("Choose an evaluation: --corpus <folder> evaluates on the corpus test split and the WordNet spinner; "
                    + "--tortured <csv> evaluates on tortured phrases from published papers.");
                return MissingInput;
            }

            TorturedEvaluationOptions options;
            try
            {
                options = new TorturedEvaluationOptions
                {
                    MinPapers = parseResult.GetValue(minPapers),
                    Seed = parseResult.GetValue(seed),
                    TemplatesPerRow = parseResult.GetValue(templatesPerRow),
                    AbstractCount = parseResult.GetValue(abstracts),
                };
                options.Validate();
            }
            catch (ArgumentException ex)
            {
                config.Error.WriteLine($"Invalid setting: {ex.Message}");
                return MissingInput;
            }

            return RunTortured(
                csv, parseResult.GetValue(model), parseResult.GetValue(nullDetector), options,
                parseResult.GetValue(output), parseResult.GetValue(listPhrases), config.Output, config.Error);
        });
        return command;
    }

    private static int RunTortured(
        string csvPath, string? modelPath, bool useNullDetector, TorturedEvaluationOptions options,
        string? reportPath, bool listPhrases, TextWriter output, TextWriter error)
    {
        if (!File.Exists(csvPath))
        {
            error.WriteLine($"Tortured-phrase file not found: looked for {Path.GetFullPath(csvPath)}");
            return MissingInput;
        }

        ISpinEvidenceSource? source = useNullDetector ? new NullEvidenceSource() : OpenDetector(modelPath, error);
        if (source is null)
        {
            return MissingInput;
        }

        TorturedPhraseSet set;
        try
        {
            set = TorturedCsvReader.Read(csvPath, options.MinPapers);
        }
        catch (InvalidDataException ex)
        {
            error.WriteLine(ex.Message);
            return MissingInput;
        }

        var result = new TorturedEvaluator(source, options).Evaluate(set);
        output.Write(TorturedReport.ToMarkdown(result, includePhrases: true));
        if (reportPath is not null)
        {
            try
            {
                var json = TorturedReport.WriteFiles(result, reportPath, listPhrases);
                output.WriteLine();
                output.WriteLine($"Report written to {Path.GetFullPath(reportPath)} and {Path.GetFullPath(json)}.");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"evaluate: cannot write the report {reportPath}: {e.Message}");
                return MissingInput;
            }
        }

        return 0;
    }

    /// <summary>
    /// Why the report (<paramref name="reportPath"/>, and its JSON twin beside it) cannot go where asked: a folder, a
    /// name ending in .json (the twin would replace it), or one of the inputs (the tortured CSV, the model, the lexicon,
    /// a file of the corpus folder); null when it can.
    /// </summary>
    private static string? ReportPathProblem(string? reportPath, string?[] inputs, string? corpusFolder)
    {
        if (reportPath is null)
        {
            return null;
        }

        var json = Path.ChangeExtension(reportPath, ".json");
        if (Path.GetFullPath(json) == Path.GetFullPath(reportPath))
        {
            return $"--out {reportPath} ends in .json, where the JSON report goes; give the markdown name (report.md)";
        }

        var taken = inputs.Concat(corpusFolder is not null && Directory.Exists(corpusFolder) ? Directory.GetFiles(corpusFolder) : []).ToList();
        return OutputPaths.Problem("--out", reportPath, taken) ?? OutputPaths.Problem("the JSON report", json, taken);
    }

    /// <summary>
    /// The spin detector adapted to <see cref="ISpinEvidenceSource"/>, or null after saying why none is available
    /// (no model file yet, or a build that cannot load models): never a stand-in that would invent scores.
    /// </summary>
    private static SpinDetectorEvidenceSource? OpenDetector(string? modelPath, TextWriter error)
    {
        try
        {
            return SpinDetectorEvidenceSource.Open(modelPath);
        }
        catch (SpinModelException ex)
        {
            error.WriteLine($"No spin model is available: {ex.Message}");
            error.WriteLine("Pass --null-detector to check the harness without a model.");
            return null;
        }
    }
}
