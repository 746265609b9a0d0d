using System.CommandLine;
using System.Globalization;
using System.Text;
using SpinDetect.Cli.Scoring;
using SpinDetect.Model;
using SpinDetect.Quality;
using SpinDetect.Training.Corpus;
using SpinDetect.Training.Quality;

namespace SpinDetect.Cli.Commands;

/// <summary><c>spindetect quality train|evaluate</c>: builds the quality model and measures it on held-out data.</summary>
internal static class QualityCommand
{
    internal static Command Create()
    {
        var command = new Command("quality", "Train and evaluate the text quality models (needs data/cache).");
        command.Subcommands.Add(CreateTrain());
        command.Subcommands.Add(CreateEvaluate());
        return command;
    }

    private static Option<string> CacheOption() => new("--cache")
    {
        Description = "The data cache filled by data/fetch.sh.",
        HelpName = "DIR",
        DefaultValueFactory = _ => Path.Combine("data", "cache"),
    };

    private static Option<string> ModelOption() => new("--model")
    {
        Description = "The quality model file.",
        HelpName = "FILE",
        DefaultValueFactory = _ => Path.Combine("models", QualityModel.FileName),
    };

    private static Option<int> SeedOption() => new("--seed")
    {
        Description = "Seed of the generated documents.",
        DefaultValueFactory = _ => new QualityTrainingOptions().Seed,
    };

    private static Command CreateTrain()
    {
        var cache = CacheOption();
        var model = ModelOption();
        var seed = SeedOption();
        var documents = new Option<int>("--documents")
        {
            Description = "Generated documents for the line models (half as many again tune the document model).",
            DefaultValueFactory = _ => new QualityTrainingOptions().LineDocuments,
        };
        var lexicon = new Option<string>("--lexicon")
        {
            Description = "Reference lexicon whose frequent words get topic vectors.",
            HelpName = "FILE",
            DefaultValueFactory = _ => Path.Combine("models", "lexicon.bin"),
        };
        var embeddings = new Option<string>("--embeddings")
        {
            Description = "Word embeddings of the lexicon, for the topic-coherence features.",
            HelpName = "FILE",
            DefaultValueFactory = _ => Path.Combine("models", "embeddings.bin"),
        };
        var noVectors = new Option<bool>("--no-topic-vectors") { Description = "Train without the topic-coherence features." };
        var command = new Command("train", "Generate corrupted documents from the training side and train the quality models.");
        command.Options.Add(lexicon);
        command.Options.Add(embeddings);
        command.Options.Add(noVectors);
        command.Options.Add(cache);
        command.Options.Add(model);
        command.Options.Add(seed);
        command.Options.Add(documents);
        command.SetAction(parseResult =>
        {
            var error = parseResult.InvocationConfiguration.Error;
            var options = new QualityTrainingOptions
            {
                Seed = parseResult.GetValue(seed),
                LineDocuments = parseResult.GetValue(documents),
                DocumentDocuments = Math.Max(200, parseResult.GetValue(documents) / 2),
                LexiconPath = parseResult.GetValue(noVectors) ? null : parseResult.GetValue(lexicon),
                EmbeddingsPath = parseResult.GetValue(noVectors) ? null : parseResult.GetValue(embeddings),
            };
            var path = parseResult.GetValue(model)!;
            if (parseResult.GetValue(documents) < 1)
            {
                error.WriteLine("spindetect quality train: --documents must be at least 1.");
                return 2;
            }

            // Checked before hours of work: the inputs exist and the model can go where asked.
            if (OutputPaths.Problem("--model", path, [options.LexiconPath, options.EmbeddingsPath]) is { } problem)
            {
                error.WriteLine($"spindetect quality train: {problem}.");
                return 2;
            }

            foreach (var input in (string?[])[options.LexiconPath, options.EmbeddingsPath])
            {
                if (input is not null && !File.Exists(input))
                {
                    error.WriteLine($"spindetect quality train: {input} not found (give --lexicon and --embeddings, or --no-topic-vectors).");
                    return 2;
                }
            }

            var corpus = LoadCorpus(parseResult.GetValue(cache)!, error);
            if (corpus is null)
            {
                return 2;
            }

            var trainer = new QualityTrainer(options, message => error.WriteLine(message));
            var (trained, metadata) = trainer.Train(corpus.Training, DateTimeOffset.UtcNow);
            try
            {
                ModelFile.Write(path, trained.ToPackage(metadata));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"spindetect quality train: cannot write {path}: {e.Message}");
                return 2;
            }

            error.WriteLine($"wrote {path}");
            return 0;
        });
        return command;
    }

    private static Command CreateEvaluate()
    {
        var cache = CacheOption();
        var model = ModelOption();
        var seed = SeedOption();
        var documents = new Option<int>("--documents")
        {
            Description = "Generated held-out documents.",
            DefaultValueFactory = _ => new QualityTrainingOptions().TestDocuments,
        };
        var report = new Option<string?>("--report")
        {
            Description = "Write the Markdown report to FILE (default: print it).",
            HelpName = "FILE",
        };
        var command = new Command("evaluate", "Measure the quality model on documents generated from the held-out side.");
        command.Options.Add(cache);
        command.Options.Add(model);
        command.Options.Add(seed);
        command.Options.Add(documents);
        command.Options.Add(report);
        var errors = new Option<bool>("--errors") { Description = "Print a sample of wrongly removed and kept lines to standard error." };
        command.Options.Add(errors);
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var modelPath = parseResult.GetValue(model)!;
            var reportPath = parseResult.GetValue(report);
            if (parseResult.GetValue(documents) < 1)
            {
                error.WriteLine("spindetect quality evaluate: --documents must be at least 1.");
                return 2;
            }

            if (reportPath is not null && OutputPaths.Problem("--report", reportPath, [modelPath]) is { } problem)
            {
                error.WriteLine($"spindetect quality evaluate: {problem}.");
                return 2;
            }

            var corpus = LoadCorpus(parseResult.GetValue(cache)!, error);
            if (corpus is null)
            {
                return 2;
            }

            QualityModel trained;
            try
            {
                trained = QualityModel.Load(modelPath);
            }
            catch (Exception e) when (e is ModelFormatException or IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"spindetect quality evaluate: {e.Message}");
                return 2;
            }

            var count = parseResult.GetValue(documents);
            var testSeed = parseResult.GetValue(seed) + 1000;
            var test = QualityDataset.Generate(corpus.HeldOut, new CorruptionOptions(), count, testSeed);
            var evaluation = QualityEvaluator.Evaluate(trained, test);
            if (parseResult.GetValue(errors))
            {
                foreach (var line in evaluation.LineErrors)
                {
                    error.WriteLine(line);
                }
            }
            var text = QualityReport.Render(evaluation, ModelFile.Read(modelPath).Metadata, count, testSeed);
            if (reportPath is null)
            {
                output.Write(text);
            }
            else
            {
                try
                {
                    AtomicFile.WriteText(reportPath, writer => writer.Write(text));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    error.WriteLine($"spindetect quality evaluate: cannot write {reportPath}: {e.Message}");
                    return 2;
                }

                error.WriteLine($"wrote {reportPath}");
            }

            error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"line F1 {evaluation.LineF1:F4}, appended-unrelated recall {evaluation.UnrelatedRecall:F4} at FPR {evaluation.UnrelatedFalsePositiveRate:F4}, clean flagged {evaluation.CleanFlaggedRate:F4}, time ratio {evaluation.TimeRatio:F2}"));
            return 0;
        });
        return command;
    }

    private static QualityCorpus? LoadCorpus(string cache, TextWriter error)
    {
        try
        {
            return QualityCorpus.Load(cache);
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            error.WriteLine($"spindetect quality: {e.Message}");
            return null;
        }
    }
}
