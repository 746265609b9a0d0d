using System.Globalization;
using SpinDetect.Features;
using SpinDetect.Lexicon;
using SpinDetect.Model;
using SpinDetect.Training.Corpus;
using SpinDetect.Training.Evaluation.Tortured;
using SpinDetect.Training.Spin;

namespace SpinDetect.Cli.Commands;

/// <summary><c>spindetect evaluate --corpus</c>: the model report on the test split and the WordNet evaluation set.</summary>
internal static class CorpusEvaluation
{
    /// <summary>The tortured-phrase section of the model report (phrase lists only on the console), or why it is absent.</summary>
    private static string Tortured(string csv, string modelPath, TorturedEvaluationOptions options, TextWriter error)
    {
        if (!File.Exists(csv))
        {
            error.WriteLine($"Tortured-phrase file not found: looked for {Path.GetFullPath(csv)}; the report has no real-spinner section.");
            return $"\n## Real spinner output (tortured phrases)\n\nNot measured: {csv} was not found.\n";
        }

        options.Validate();
        var set = TorturedCsvReader.Read(csv, options.MinPapers);
        var result = new TorturedEvaluator(SpinDetectorEvidenceSource.Open(modelPath), options).Evaluate(set);
        error.Write(TorturedReport.ToMarkdown(result, includePhrases: true));
        return ("\n" + TorturedReport.ToMarkdown(result, includePhrases: false)).Replace("\n# ", "\n## ", StringComparison.Ordinal);
    }

    private static string Training(ModelMetadata metadata)
    {
        string Option(string key) => metadata.Options.TryGetValue(key, out var value) ? value : "?";
        double Metric(string key) => metadata.Metrics.TryGetValue(key, out var value) ? value : double.NaN;
        var context = metadata.Options.ContainsKey("token_context.trees")
            ? string.Create(CultureInfo.InvariantCulture, $"contextual token model {Option("token_context.trees")} trees × {Option("token_context.leaves")} leaves (each word's probability re-read against the rest of the document), validation AUC {Metric("validation.token_context.auc"):F4}; ")
            : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"Trained by `spindetect train --corpus data/corpus` (corpus from `spindetect corpus build`, defaults): token model "
            + $"{Option("token.trees")} trees × {Option("token.leaves")} leaves on {Metric("training.token_rows"):N0} words, validation AUC "
            + $"{Metric("validation.token.auc"):F4}; {context}document model {Option("document.trees")} trees × {Option("document.leaves")} leaves on "
            + $"{Metric("training.document_rows"):N0} texts, validation AUC {Metric("validation.document.auc"):F4}, ECE "
            + $"{Metric("validation.document.ece"):F4}; threshold chosen for 1% false positives on validation.")
            + (Option("cross_fit") == "true"
                ? " Cross-fitted: the document model learned from token probabilities of token models trained on the other half of the training texts; the shipped token model learned from all of them."
                + (metadata.Options.ContainsKey("token_context.trees")
                    ? " The contextual models are cross-fitted the same way (each half's model reads first-stage probabilities of the other half's token model)."
                    : "")
                : "");
    }

    /// <summary>
    /// Why the figures on <paramref name="corpusFolder"/> may not be held out for this model, or null: the model
    /// records the SHA-256 of the <c>corpus.csv</c> it was trained on, and another corpus (another seed, size or build)
    /// splits its originals differently, so its test and validation splits can hold texts the model learned from.
    /// </summary>
    internal static string? CorpusMismatch(ModelMetadata metadata, string corpusFolder)
    {
        var corpusFile = Path.Combine(corpusFolder, CorpusBuild.CorpusFile);
        if (!metadata.DataHashes.TryGetValue(SpinModelMetadata.CorpusHashKey(CorpusBuild.CorpusFile), out var trained) || !File.Exists(corpusFile))
        {
            return null;
        }

        var actual = SpinModelMetadata.Sha256(corpusFile);
        return string.Equals(actual, trained, StringComparison.OrdinalIgnoreCase)
            ? null
            : $"{corpusFile} is not the corpus this model was trained on (SHA-256 {actual[..12]}…, the model records {trained[..Math.Min(12, trained.Length)]}…): "
                + "its test and validation splits may hold texts the model learned from, so these figures may be optimistic.";
    }

    internal static int Run(
        string corpusFolder, string modelPath, string lexiconPath, string? reportPath, int threads,
        string? torturedCsv, TorturedEvaluationOptions torturedOptions, TextWriter output, TextWriter error, bool development = false)
    {
        try
        {
            var featurizer = SpinFeaturizer.Load(lexiconPath);
            var model = SpinModel.Load(modelPath, featurizer);
            var (corpus, wordNet) = SpinCorpus.LoadFolderWithEvaluation(corpusFolder, development);
            var splitName = development ? "validation" : "test";
            var test = corpus.Where(d => d.Split == splitName).ToList();
            var mismatch = CorpusMismatch(model.Metadata, corpusFolder);
            if (mismatch is not null)
            {
                error.WriteLine($"warning: {mismatch}");
            }

            if (wordNet is null)
            {
                error.WriteLine($"WordNet {(development ? "development" : "evaluation")} set not found: looked for "
                    + $"{Path.Combine(corpusFolder, development ? CorpusBuild.DevelopmentFile : CorpusBuild.EvaluationFile)}; reporting the Moby {splitName} split only.");
            }

            var report = SpinEvaluationReport.Create(model, test, wordNet,
            [
                $"Model `{Path.GetFileName(modelPath)}` (trained {model.Metadata.TrainedAtUtc:yyyy-MM-dd}, SpinDetect {model.Metadata.SpinDetectVersion}); "
                    + $"made by `spindetect evaluate --corpus {corpusFolder} --model {modelPath}{(development ? " --split validation" : "")}` "
                    + $"on {test.Count:N0} {splitName} texts"
                    + (wordNet is null ? "." : $" and {wordNet.Count:N0} WordNet {(development ? "development" : "evaluation")} texts."),
                Training(model.Metadata),
                .. development
                    ? ["**Development figures** (validation split, and WordNet spinning of validation originals): for choosing settings; "
                        + "the threshold was chosen on this split, so its rates at the threshold are not held out. The held-out figures come from `--split test`."]
                    : Array.Empty<string>(),
                .. mismatch is null ? Array.Empty<string>() : [$"**Warning:** {mismatch}"],
            ], threads, splitName);
            var markdown = report.Markdown;
            if (torturedCsv is not null)
            {
                markdown += Tortured(torturedCsv, modelPath, torturedOptions, error);
            }

            output.Write(markdown);
            if (reportPath is not null)
            {
                AtomicFile.WriteText(reportPath, writer => writer.Write(markdown));
                var json = Path.ChangeExtension(reportPath, ".json");
                AtomicFile.WriteText(json, writer => writer.Write(report.Json));
                output.WriteLine($"Report written to {Path.GetFullPath(reportPath)} and {Path.GetFullPath(json)}.");
            }

            return 0;
        }
        catch (SpinModelException e)
        {
            error.WriteLine($"evaluate: {e.Message}");
            return 2;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or InvalidDataException
            or IOException or UnauthorizedAccessException or ArgumentException or LexiconFormatException or ModelFormatException)
        {
            error.WriteLine($"evaluate: {e.Message}");
            return 2;
        }
    }
}
