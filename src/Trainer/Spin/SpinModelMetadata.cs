using System.Globalization;
using System.Security.Cryptography;
using SpinDetect.Model;

namespace SpinDetect.Training.Spin;

/// <summary>Builds the metadata a spin model file records: date, options, validation figures, data hashes, importance.</summary>
internal static class SpinModelMetadata
{
    /// <summary>Metadata for a freshly trained model.</summary>
    public static ModelMetadata Create(
        SpinTrainingResult result, SpinTrainingOptions options, DateTimeOffset trainedAt, string corpusFolder, string lexiconPath)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(options);
        var metrics = new SortedDictionary<string, double>(StringComparer.Ordinal)
        {
            ["validation.document.auc"] = result.DocumentValidation.AreaUnderRocCurve,
            ["validation.document.log_loss"] = result.DocumentValidation.LogLoss,
            ["validation.document.ece"] = result.DocumentValidation.ExpectedCalibrationError,
            ["validation.document.tpr_at_1pct_fpr"] = result.DocumentValidation.TruePositiveRateAtOnePercentFalsePositiveRate,
            ["validation.token.auc"] = result.TokenValidation.AreaUnderRocCurve,
            ["training.token_rows"] = result.TokenRows,
            ["training.document_rows"] = result.DocumentRows,
        };
        AddImportance(metrics, "importance.document.", result.DocumentModel.FeatureNames, result.DocumentModel.GainImportance);
        AddImportance(metrics, "importance.token.", result.TokenModel.FeatureNames, result.TokenModel.GainImportance);
        if (result.ContextModel is not null)
        {
            metrics["validation.token_context.auc"] = result.ContextValidation!.AreaUnderRocCurve;
            AddImportance(metrics, "importance.token_context.", result.ContextModel.FeatureNames, result.ContextModel.GainImportance);
        }

        if (result.SuggestionModel is not null)
        {
            metrics["validation.suggestion.hit_rate"] = result.SuggestionValidation!.RankerHitRate;
            metrics["validation.suggestion.rule_hit_rate"] = result.SuggestionValidation.RuleHitRate;
            metrics["validation.suggestion_words"] = result.SuggestionValidation.ValidationWords;
            metrics["training.suggestion_words"] = result.SuggestionValidation.TrainingWords;
            AddImportance(metrics, "importance.suggestion.", result.SuggestionModel.FeatureNames, result.SuggestionModel.GainImportance);
        }

        var invariant = CultureInfo.InvariantCulture;
        var settings = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["seed"] = options.Seed.ToString(invariant),
            ["max_tokens_per_document"] = options.MaxTokensPerDocument.ToString(invariant),
            ["token_share"] = options.TokenShare.ToString("R", invariant),
            ["cross_fit"] = options.CrossFit ? "true" : "false",
            ["token.l2"] = options.TokenModel.L2Regularization.ToString("R", invariant),
            ["token.min_hessian"] = options.TokenModel.MinimumHessianPerLeaf.ToString("R", invariant),
            ["target_false_positive_rate"] = options.TargetFalsePositiveRate.ToString("R", invariant),
            ["token.trees"] = result.TokenModel.TreeCount.ToString(invariant),
            ["token.leaves"] = options.TokenModel.NumberOfLeaves.ToString(invariant),
            ["token.learning_rate"] = options.TokenModel.LearningRate.ToString("R", invariant),
            ["document.trees"] = result.DocumentModel.TreeCount.ToString(invariant),
            ["document.leaves"] = options.DocumentModel.NumberOfLeaves.ToString(invariant),
            ["document.learning_rate"] = options.DocumentModel.LearningRate.ToString("R", invariant),
            ["document.l2"] = options.DocumentModel.L2Regularization.ToString("R", invariant),
        };
        if (result.ContextModel is not null)
        {
            settings["token_context.trees"] = result.ContextModel.TreeCount.ToString(invariant);
            settings["token_context.leaves"] = options.ContextModel!.NumberOfLeaves.ToString(invariant);
            settings["token_context.learning_rate"] = options.ContextModel.LearningRate.ToString("R", invariant);
        }

        if (result.SuggestionModel is not null)
        {
            settings["suggestion.trees"] = result.SuggestionModel.TreeCount.ToString(invariant);
            settings["suggestion.leaves"] = options.SuggestionModel!.NumberOfLeaves.ToString(invariant);
            settings["suggestion.words_per_document"] = options.MaxSuggestionWordsPerDocument.ToString(invariant);
        }

        var hashes = new SortedDictionary<string, string>(StringComparer.Ordinal);
        // The files training reads (texts and their substitution logs), not the evaluation sets beside them.
        foreach (var name in (ReadOnlySpan<string>)[Corpus.CorpusBuild.CorpusFile, Corpus.CorpusBuild.LogFile])
        {
            var file = Path.Combine(corpusFolder, name);
            if (File.Exists(file))
            {
                hashes[CorpusHashKey(name)] = Sha256(file);
            }
        }

        if (File.Exists(lexiconPath))
        {
            hashes["lexicon"] = Sha256(lexiconPath);
        }

        return new ModelMetadata
        {
            TrainedAtUtc = trainedAt,
            Description = result.SuggestionModel is null
                ? "SpinDetect spin model: token substitution trees and document trees (calibrated)."
                : "SpinDetect spin model: token substitution trees, document trees (calibrated) and a suggestion ranker.",
            Options = settings,
            Metrics = metrics,
            DataHashes = hashes,
        };
    }

    private static void AddImportance(
        SortedDictionary<string, double> metrics, string prefix, IReadOnlyList<string> names, IReadOnlyList<double> importance)
    {
        for (var i = 0; i < names.Count && i < importance.Count; i++)
        {
            metrics[prefix + names[i]] = importance[i];
        }
    }

    /// <summary>The key under which a corpus file's hash is recorded in <see cref="ModelMetadata.DataHashes"/>.</summary>
    internal static string CorpusHashKey(string fileName) => "corpus/" + fileName;

    /// <summary>Lower-case hex SHA-256 of a file, as recorded in <see cref="ModelMetadata.DataHashes"/>.</summary>
    internal static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
