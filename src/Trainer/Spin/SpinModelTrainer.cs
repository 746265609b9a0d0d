using System.Diagnostics;
using SpinDetect.Features;
using SpinDetect.Model;
using SpinDetect.Training.Boosting;
using SpinDetect.Training.Evaluation;

namespace SpinDetect.Training.Spin;

/// <summary>
/// Trains the two spin models. The training documents' groups are split in two: the token model learns from
/// one half, and the document model learns from the other half's token probabilities, so the document model
/// sees token probabilities as they will be on unseen text rather than the token model's over-fitted ones.
/// Both stop early on the validation split, which also calibrates the document model and sets the threshold.
/// </summary>
internal sealed class SpinModelTrainer
{
    private readonly SpinTrainingOptions _options;

    /// <summary>Creates a trainer; the options are validated here.</summary>
    public SpinModelTrainer(SpinTrainingOptions? options = null)
    {
        _options = options ?? new SpinTrainingOptions();
        _options.Validate();
    }

    /// <summary>Trains on <paramref name="training"/>, early-stopping and calibrating on <paramref name="validation"/>.</summary>
    /// <param name="training">Documents with substitution logs (both models learn from them).</param>
    /// <param name="validation">Documents with substitution logs for early stopping and calibration.</param>
    /// <param name="featurizer">The featurizer of the model.</param>
    /// <param name="progress">Receives one line at the start of each of the four stages.</param>
    /// <param name="documentOnly">
    /// Labelled documents without substitution logs (users' samples): their token labels are unknown, so they join
    /// only the document model's training and validation tables, with their weights.
    /// </param>
    /// <param name="cancellationToken">Checked between stages.</param>
    public SpinTrainingResult Train(
        IReadOnlyList<SpinDocument> training,
        IReadOnlyList<SpinDocument> validation,
        SpinFeaturizer featurizer,
        IProgress<string>? progress = null,
        DocumentOnlySamples? documentOnly = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(validation);
        ArgumentNullException.ThrowIfNull(featurizer);
        RequireBothClasses(training, "training");
        RequireBothClasses(validation, "validation");
        var threads = _options.NumberOfThreads ?? Environment.ProcessorCount;
        var clock = Stopwatch.StartNew();

        var tokenDocs = new List<SpinDocument>();
        var documentDocs = new List<SpinDocument>();
        foreach (var document in training)
        {
            // A stable hash (HashCode is randomised per process) so the same seed always makes the same halves.
            var bucket = (uint)SpinFeatureTables.StableHash(document.Group + "#" + _options.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture)) % 1000;
            (bucket < _options.TokenShare * 1000 ? tokenDocs : documentDocs).Add(document);
        }

        TabularData documentTrain;
        TabularData tokenValid;
        BoostedTreeModel tokenModel;
        BoostedTreeModel? contextModel = null;
        BinaryClassificationMetrics? contextMetrics = null;
        int tokenRows;
        // The trainer reports the same four stages in both modes (featurize for tokens, fit tokens, featurize for
        // documents, fit documents), which progress displays count on.
        if (_options.CrossFit)
        {
            // Cross-fitting: each half's token probabilities come from a token model trained on the other half, so
            // the document model learns from every training document with honest probabilities, and the shipped
            // token model learns from all of them.
            cancellationToken.ThrowIfCancellationRequested();
            progress?.Report($"featurizing {training.Count + validation.Count:N0} documents for the token models");
            tokenValid = BuildValidationTokenTable(validation, featurizer, threads);
            var tokenA = BuildTokenTable(tokenDocs, featurizer, threads);
            var tokenB = BuildTokenTable(documentDocs, featurizer, threads);
            var all = TabularData.Concatenate(tokenA, tokenB);
            cancellationToken.ThrowIfCancellationRequested();
            progress?.Report(
                $"training three token models (each half, then all) on {all.RowCount:N0} words ({Positives(all):N0} substitutes)"
                + (_options.ContextModel is null ? "" : ", then three contextual models"));
            var modelA = TrainTokenModel(tokenA, tokenValid, threads);
            cancellationToken.ThrowIfCancellationRequested();
            var modelB = TrainTokenModel(tokenB, tokenValid, threads);
            cancellationToken.ThrowIfCancellationRequested();
            tokenModel = TrainTokenModel(all, tokenValid, threads);
            tokenRows = all.RowCount;
            var scorerA = new TokenScorer(modelA.ToCalibratedEnsemble(SpinModel.TokenEnsembleName));
            var scorerB = new TokenScorer(modelB.ToCalibratedEnsemble(SpinModel.TokenEnsembleName));
            if (_options.ContextModel is not null)
            {
                // The contextual models learn from first-stage probabilities of words the first stage never saw:
                // half A's words scored by B's token model and the reverse; validation by the shipped token model.
                // The document table then scores half A with B's pair of models and half B with A's, so no
                // document's probabilities come from a model that learned its labels.
                cancellationToken.ThrowIfCancellationRequested();
                var contextValid = SpinFeatureTables.BuildContextTable(
                    validation, featurizer, new TokenScorer(tokenModel.ToCalibratedEnsemble(SpinModel.TokenEnsembleName)),
                    _options.MaxTokensPerDocument / 2, _options.Seed + 1, threads);
                var contextA = SpinFeatureTables.BuildContextTable(tokenDocs, featurizer, scorerB, _options.MaxTokensPerDocument, _options.Seed, threads);
                var contextB = SpinFeatureTables.BuildContextTable(documentDocs, featurizer, scorerA, _options.MaxTokensPerDocument, _options.Seed, threads);
                cancellationToken.ThrowIfCancellationRequested();
                var contextModelA = TrainContextModel(contextA, contextValid, threads);
                cancellationToken.ThrowIfCancellationRequested();
                var contextModelB = TrainContextModel(contextB, contextValid, threads);
                cancellationToken.ThrowIfCancellationRequested();
                contextModel = TrainContextModel(TabularData.Concatenate(contextA, contextB), contextValid, threads);
                contextMetrics = contextModel.Evaluate(contextValid);
                scorerA = new TokenScorer(scorerA.Token, contextModelA.ToCalibratedEnsemble(SpinModel.ContextEnsembleName));
                scorerB = new TokenScorer(scorerB.Token, contextModelB.ToCalibratedEnsemble(SpinModel.ContextEnsembleName));
            }

            cancellationToken.ThrowIfCancellationRequested();
            progress?.Report($"featurizing {training.Count:N0} documents for the document model (cross-fitted token probabilities)");
            documentTrain = CrossFittedDocumentTable(tokenDocs, documentDocs, scorerA, scorerB, featurizer, threads);
        }
        else
        {
            cancellationToken.ThrowIfCancellationRequested();
            progress?.Report($"featurizing {tokenDocs.Count + validation.Count:N0} documents for the token model");
            tokenValid = BuildValidationTokenTable(validation, featurizer, threads);
            var tokenTrain = BuildTokenTable(tokenDocs, featurizer, threads);
            cancellationToken.ThrowIfCancellationRequested();
            progress?.Report($"training the token model on {tokenTrain.RowCount:N0} words ({Positives(tokenTrain):N0} substitutes)");
            tokenModel = TrainTokenModel(tokenTrain, tokenValid, threads);
            tokenRows = tokenTrain.RowCount;
            cancellationToken.ThrowIfCancellationRequested();
            progress?.Report($"featurizing {documentDocs.Count:N0} documents for the document model");
            documentTrain = SpinFeatureTables.BuildDocumentTable(
                documentDocs, featurizer, new TokenScorer(tokenModel.ToCalibratedEnsemble(SpinModel.TokenEnsembleName)), threads);
        }

        var tokenScorer = new TokenScorer(
            tokenModel.ToCalibratedEnsemble(SpinModel.TokenEnsembleName),
            contextModel?.ToCalibratedEnsemble(SpinModel.ContextEnsembleName));
        var tokenMetrics = tokenModel.Evaluate(tokenValid);
        cancellationToken.ThrowIfCancellationRequested();
        var documentValidation = validation;
        if (documentOnly is not null)
        {
            // Users' documents have no token labels: they join the document model's tables only.
            var extra = SpinFeatureTables.BuildDocumentTable(documentOnly.Training, featurizer, tokenScorer, threads);
            var baseCount = documentTrain.RowCount;
            documentTrain = documentOnly.Weigh(TabularData.Concatenate(documentTrain, extra), baseCount);
            documentValidation = [.. validation, .. documentOnly.Validation];
        }

        var documentValid = SpinFeatureTables.BuildDocumentTable(documentValidation, featurizer, tokenScorer, threads);

        cancellationToken.ThrowIfCancellationRequested();
        progress?.Report($"training the document model on {documentTrain.RowCount:N0} documents");
        var documentModel = new BoostedTreeTrainer(WithThreads(_options.DocumentModel, threads)).Fit(documentTrain, documentValid);
        var validationScores = documentModel.PredictProbabilities(documentValid);
        var threshold = ChooseThreshold(validationScores, documentValid.Labels, _options.TargetFalsePositiveRate);

        BoostedTreeModel? suggestionModel = null;
        SuggestionValidation? suggestionValidation = null;
        if (_options.SuggestionModel is not null)
        {
            cancellationToken.ThrowIfCancellationRequested();
            progress?.Report($"featurizing the substituted words of {training.Count + validation.Count:N0} documents and training the suggestion ranker");
            (suggestionModel, suggestionValidation) = TrainSuggestionRanker(training, validation, featurizer, threads);
            cancellationToken.ThrowIfCancellationRequested();
        }

        return new SpinTrainingResult(
            tokenModel,
            contextModel,
            documentModel,
            threshold,
            tokenMetrics,
            contextMetrics,
            documentModel.Evaluate(documentValid),
            tokenRows,
            documentTrain.RowCount,
            clock.Elapsed,
            suggestionModel,
            suggestionValidation);
    }

    /// <summary>
    /// Trains the suggestion ranker on the training spinner's substituted words (which candidate was the original),
    /// early-stopping on the validation documents' words, and measures both it and the fixed rule there. No ranker
    /// (null) when either side has no such word to learn or measure from.
    /// </summary>
    private (BoostedTreeModel? Model, SuggestionValidation Validation) TrainSuggestionRanker(
        IReadOnlyList<SpinDocument> training, IReadOnlyList<SpinDocument> validation, SpinFeaturizer featurizer, int threads)
    {
        var train = SuggestionTable.Build(training, featurizer, _options.MaxSuggestionWordsPerDocument, _options.Seed, threads);
        var valid = SuggestionTable.Build(validation, featurizer, _options.MaxSuggestionWordsPerDocument, _options.Seed + 1, threads);
        if (SuggestionTable.GroupCount(train) == 0 || SuggestionTable.GroupCount(valid) == 0)
        {
            // Nothing to rank (no logged originals among the candidates): the model keeps the fixed rule.
            return (null, new SuggestionValidation(SuggestionTable.GroupCount(train), SuggestionTable.GroupCount(valid), double.NaN, double.NaN));
        }

        var model = new BoostedTreeTrainer(WithThreads(_options.SuggestionModel!.Clone(), threads)).Fit(train, valid);
        var rule = new double[valid.RowCount];
        for (var r = 0; r < rule.Length; r++)
        {
            rule[r] = SpinFeaturizer.RuleScore(valid.Row(r));
        }

        return (model, new SuggestionValidation(
            SuggestionTable.GroupCount(train),
            SuggestionTable.GroupCount(valid),
            SuggestionTable.HitRate(valid, model.PredictRawScores(valid)),
            SuggestionTable.HitRate(valid, rule)));
    }

    /// <summary>
    /// The smallest score whose false-positive rate on the given labels is at most <paramref name="targetFpr"/>,
    /// and at least 0.5 so that a confident "spun" keeps its plain meaning.
    /// </summary>
    internal static double ChooseThreshold(ReadOnlySpan<double> scores, ReadOnlySpan<float> labels, double targetFpr)
    {
        var negatives = new List<double>();
        for (var i = 0; i < scores.Length; i++)
        {
            if (labels[i] < 0.5f)
            {
                negatives.Add(scores[i]);
            }
        }

        if (negatives.Count == 0)
        {
            return 0.5;
        }

        negatives.Sort();
        // Allow floor(target × negatives) false positives: the threshold sits just above the next negative.
        var allowed = (int)Math.Floor(targetFpr * negatives.Count);
        var index = negatives.Count - 1 - allowed;
        var threshold = Math.BitIncrement(negatives[Math.Max(0, index)]);
        return Math.Clamp(threshold, 0.5, 0.99);
    }

    /// <summary>
    /// The document table of cross-fitting: the rows of <paramref name="first"/> (in order) with token probabilities
    /// from <paramref name="secondModel"/>, then those of <paramref name="second"/> from <paramref name="firstModel"/>;
    /// no document is scored by a token model that learned from it.
    /// </summary>
    internal static TabularData CrossFittedDocumentTable(
        IReadOnlyList<SpinDocument> first, IReadOnlyList<SpinDocument> second, TokenScorer firstModel, TokenScorer secondModel,
        SpinFeaturizer featurizer, int threads) =>
        TabularData.Concatenate(
            SpinFeatureTables.BuildDocumentTable(first, featurizer, secondModel, threads),
            SpinFeatureTables.BuildDocumentTable(second, featurizer, firstModel, threads));

    private TabularData BuildValidationTokenTable(IReadOnlyList<SpinDocument> validation, SpinFeaturizer featurizer, int threads) =>
        SpinFeatureTables.BuildTokenTable(validation, featurizer, _options.MaxTokensPerDocument / 2, _options.Seed + 1, threads);

    private TabularData BuildTokenTable(IReadOnlyList<SpinDocument> documents, SpinFeaturizer featurizer, int threads) =>
        SpinFeatureTables.BuildTokenTable(documents, featurizer, _options.MaxTokensPerDocument, _options.Seed, threads);

    private BoostedTreeModel TrainTokenModel(TabularData train, TabularData validation, int threads) =>
        new BoostedTreeTrainer(WithThreads(_options.TokenModel.Clone(), threads)).Fit(train, validation);

    private BoostedTreeModel TrainContextModel(TabularData train, TabularData validation, int threads) =>
        new BoostedTreeTrainer(WithThreads(_options.ContextModel!.Clone(), threads)).Fit(train, validation);

    private static BoostedTreeOptions WithThreads(BoostedTreeOptions options, int threads)
    {
        options.NumberOfThreads ??= threads;
        return options;
    }

    private static int Positives(TabularData data)
    {
        var count = 0;
        foreach (var label in data.Labels)
        {
            count += label > 0.5f ? 1 : 0;
        }

        return count;
    }

    private static void RequireBothClasses(IReadOnlyList<SpinDocument> documents, string name)
    {
        var spun = 0;
        foreach (var document in documents)
        {
            spun += document.Spun ? 1 : 0;
        }

        if (spun == 0 || spun == documents.Count)
        {
            throw new ArgumentException(
                $"The {name} documents must hold both spun and clean texts ({spun} spun of {documents.Count}).");
        }
    }
}
