using System.Globalization;
using static System.FormattableString;
using SpinDetect.Lexicon;
using SpinDetect.Model;
using SpinDetect.Quality;
using SpinDetect.Training.Boosting;

namespace SpinDetect.Training.Quality;

/// <summary>
/// Trains the quality models on the training side of <see cref="QualityCorpus"/>: the two line models on one set
/// of generated documents (calibrated on a second set), then the junk threshold, the document model and the flag
/// thresholds on that second set, so no model is tuned on the rows it was fitted to.
/// </summary>
internal sealed class QualityTrainer
{
    private static readonly double[] JunkCandidates = [.. Enumerable.Range(8, 29).Select(i => i / 40.0)];
    private static readonly double[] FlagCandidates = [0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.98];
    private const double MinimumAppendedThreshold = 0.10;
    private const double NoAppendedThreshold = 0.98;
    private static readonly int[] MinimumWordCandidates = [0, 6, 8, 10, 12, 15, 20, 25];

    private readonly QualityTrainingOptions _options;
    private readonly Action<string> _log;

    public QualityTrainer(QualityTrainingOptions options, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _log = log ?? (_ => { });
    }

    /// <summary>Trains on <paramref name="side"/> (the training side) and returns the model with its metadata.</summary>
    public (QualityModel Model, ModelMetadata Metadata) Train(QualitySide side, DateTimeOffset trainedAtUtc)
    {
        ArgumentNullException.ThrowIfNull(side);
        if (side.HeldOut)
        {
            throw new ArgumentException("Quality models must not be trained on the held-out side.", nameof(side));
        }

        var lineDocuments = QualityDataset.Generate(side, _options.Corruption, _options.LineDocuments, _options.Seed);
        var tuneDocuments = QualityDataset.Generate(side, _options.Corruption, _options.DocumentDocuments, _options.Seed + 1);
        _log($"generated {lineDocuments.Count} line-model and {tuneDocuments.Count} tuning documents");

        var idf = QualityDataset.InverseDocumentFrequency(side);
        QualityVectors? vectors = null;

        // The lexicon's language model feeds the register-shift features; without it they are missing.
        var lexicon = _options.LexiconPath is null ? null : ReferenceLexicon.Load(_options.LexiconPath);
        if (lexicon is not null && _options.EmbeddingsPath is not null)
        {
            var embeddings = WordEmbeddings.Load(_options.EmbeddingsPath, lexicon);
            vectors = QualityVectorsBuilder.Build(
                lexicon,
                embeddings,
                _options.VectorWords,
                _options.VectorDimensions,
                side.Articles.Select(a => string.Join("\n\n", a.Paragraphs)),
                idf);
            _log($"topic vectors: {vectors.Count} words, {vectors.Dimensions} dimensions");
        }

        // First stage: junk from the line's own features, fitted on the line documents.
        var (firstRows, _) = QualityDataset.Lines(lineDocuments, idf, vectors, lexicon: lexicon);
        var (firstTune, _) = QualityDataset.Lines(tuneDocuments, idf, vectors, lexicon: lexicon);
        _log($"line rows: {firstRows.RowCount} training, {firstTune.RowCount} calibration");
        var lineTrainer = new BoostedTreeTrainer(_options.LineLearner);
        var first = lineTrainer.Fit(firstRows, firstTune);
        _log($"first-stage junk model: {first.TreeCount} trees, held-in AUC {first.Evaluate(firstTune).AreaUnderRocCurve:F4}");
        var firstJunk = first.ToCalibratedEnsemble(QualityModel.FirstJunkEnsembleName);
        var firstStage = new QualityModel(
            firstJunk, firstJunk, firstJunk, firstJunk, new QualityThresholds(), idf, vectors, firstJunk, lexicon);

        // Second stage, with the first stage's outputs around each line as context, fitted on fresh documents so
        // the context is what the first stage says about text it has not seen.
        var contextDocuments = QualityDataset.Generate(side, _options.Corruption, _options.LineDocuments, _options.Seed + 2);
        // A share of their first-stage outputs is tempered towards 0.5, so the second stage learns what middling
        // neighbours mean from examples rather than from where a split happens to fall (see ContextTemperShare).
        var temper = new Random(_options.Seed + 6);
        var (junkRows, unrelatedRows) = QualityDataset.Lines(contextDocuments, idf, vectors, firstStage, lexicon, temper, _options.ContextTemperShare);
        var (junkTune, unrelatedTune) = QualityDataset.Lines(tuneDocuments, idf, vectors, firstStage, lexicon);
        var junk = lineTrainer.Fit(junkRows, junkTune);
        _log($"junk model: {junk.TreeCount} trees, held-in AUC {junk.Evaluate(junkTune).AreaUnderRocCurve:F4}");
        var unrelated = lineTrainer.Fit(unrelatedRows, unrelatedTune);
        _log($"unrelated model: {unrelated.TreeCount} trees, held-in AUC {unrelated.Evaluate(unrelatedTune).AreaUnderRocCurve:F4}");

        // The junk threshold is chosen on fresh documents whose page furniture is worded as no line model has seen
        // (the tuning families' templates the flag thresholds are chosen on, which no model is fitted to), as every
        // page at run time: on the training wording nearly every line is near 0 or 1 and F1 is flat over most of
        // the range.
        var thresholdDocuments = QualityDataset.Generate(
            side, _options.Corruption with { TuningBoilerplate = true, TuningPatternParity = 1 }, _options.DocumentDocuments, _options.Seed + 7);
        var (thresholdRows, _) = QualityDataset.Lines(thresholdDocuments, idf, vectors, firstStage, lexicon);
        var junkThreshold = Math.Max(
            _options.MinimumJunkThreshold,
            PlateauF1Threshold(thresholdRows.Labels, junk.PredictProbabilities(thresholdRows), _options.JunkThresholdTolerance));
        _log($"junk threshold {junkThreshold:F2}");
        var thresholds = new QualityThresholds { Junk = junkThreshold };

        // The document model reads the line models' aggregates; its placeholder is replaced right after.
        var lineOnly = new QualityModel(
            junk.ToCalibratedEnsemble(QualityModel.JunkEnsembleName),
            unrelated.ToCalibratedEnsemble(QualityModel.UnrelatedEnsembleName),
            junk.ToCalibratedEnsemble(QualityModel.DocumentEnsembleName),
            junk.ToCalibratedEnsemble(QualityModel.AppendedEnsembleName),
            thresholds,
            idf,
            vectors,
            firstJunk,
            lexicon);
        // The document models are fitted and calibrated on fresh documents the line models never saw (several times as
        // many as the line models had: a document is one row, and documents with a foreign block are only a small
        // share), whose boilerplate is worded as the line models never saw either, like every page at run time (and
        // the test side).
        // The tuning families' templates are split: the document models see half of them, the flag thresholds are
        // chosen on documents with the other half, worded as no model has seen (as every page of the test side).
        var unseen = _options.Corruption with { TuningBoilerplate = true, TuningPatternParity = 0 };
        var documentDocuments = QualityDataset.Generate(side, unseen, _options.DocumentModelMultiple * _options.LineDocuments, _options.Seed + 4);
        var calibrationDocuments = QualityDataset.Generate(side, unseen, _options.DocumentDocuments, _options.Seed + 5);
        var (documentTrain, appendedTrain) = QualityDataset.Documents(documentDocuments, lineOnly);
        var (documentCalibrate, appendedCalibrate) = QualityDataset.Documents(calibrationDocuments, lineOnly);
        var documentTrainer = new BoostedTreeTrainer(_options.DocumentLearner);
        var document = documentTrainer.Fit(documentTrain, documentCalibrate);
        var documentMetrics = document.Evaluate(documentCalibrate);
        _log($"document model: {document.TreeCount} trees, held-in AUC {documentMetrics.AreaUnderRocCurve:F4}");
        var appended = documentTrainer.Fit(appendedTrain, appendedCalibrate);
        var appendedMetrics = appended.Evaluate(appendedCalibrate);
        _log($"appended model: {appended.TreeCount} trees, held-in AUC {appendedMetrics.AreaUnderRocCurve:F4}");

        var model = new QualityModel(
            lineOnly.Junk,
            lineOnly.Unrelated,
            document.ToCalibratedEnsemble(QualityModel.DocumentEnsembleName),
            appended.ToCalibratedEnsemble(QualityModel.AppendedEnsembleName),
            thresholds,
            idf,
            vectors,
            firstJunk,
            lexicon);
        // Flag thresholds are chosen on fresh documents that no model was fitted or calibrated on.
        var flagDocuments = QualityDataset.Generate(side, unseen with { TuningPatternParity = 1 }, _options.FlagDocuments, _options.Seed + 3);
        model = TuneFlags(model, flagDocuments);
        _log($"thresholds: {string.Join(", ", System.Text.Encoding.UTF8.GetString(model.Thresholds.ToBytes()).Split('\n', StringSplitOptions.RemoveEmptyEntries))}");

        var metadata = new ModelMetadata
        {
            TrainedAtUtc = trainedAtUtc,
            Description = "Text quality: first-stage line junk classifier; second-stage line junk and unrelated-content classifiers "
                + "(with the first stage's outputs as context); document quality and appended-content classifiers; topic vectors.",
            Options = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["LineDocuments"] = _options.LineDocuments.ToString(CultureInfo.InvariantCulture),
                ["DocumentDocuments"] = _options.DocumentDocuments.ToString(CultureInfo.InvariantCulture),
                ["FlagDocuments"] = _options.FlagDocuments.ToString(CultureInfo.InvariantCulture),
                ["DocumentModelDocuments"] = (_options.DocumentModelMultiple * _options.LineDocuments).ToString(CultureInfo.InvariantCulture),
                ["Seed"] = _options.Seed.ToString(CultureInfo.InvariantCulture),
                ["LineTrees"] = junk.TreeCount.ToString(CultureInfo.InvariantCulture),
                ["FirstStageTrees"] = first.TreeCount.ToString(CultureInfo.InvariantCulture),
                ["UnrelatedTrees"] = unrelated.TreeCount.ToString(CultureInfo.InvariantCulture),
                ["DocumentTrees"] = document.TreeCount.ToString(CultureInfo.InvariantCulture),
                ["VectorWords"] = (vectors?.Count ?? 0).ToString(CultureInfo.InvariantCulture),
                ["VectorDimensions"] = (vectors?.Dimensions ?? 0).ToString(CultureInfo.InvariantCulture),
            },
            Metrics = new Dictionary<string, double>(StringComparer.Ordinal)
            {
                ["heldin.junk.auc"] = junk.Evaluate(junkTune).AreaUnderRocCurve,
                ["heldin.unrelated.auc"] = unrelated.Evaluate(unrelatedTune).AreaUnderRocCurve,
                ["heldin.document.auc"] = documentMetrics.AreaUnderRocCurve,
                ["heldin.appended.auc"] = appendedMetrics.AreaUnderRocCurve,
            },
        };
        return (model, metadata);
    }

    /// <summary>The middle of the junk thresholds whose held-in F1 is within <paramref name="tolerance"/> of the
    /// best (the F1 curve is flat around its peak, where the single best point moves from one retrain to the next).</summary>
    internal static double PlateauF1Threshold(ReadOnlySpan<float> labels, double[] probabilities, double tolerance)
    {
        var f1 = new double[JunkCandidates.Length];
        var bestF1 = -1.0;
        for (var c = 0; c < JunkCandidates.Length; c++)
        {
            long tp = 0, fp = 0, fn = 0;
            for (var i = 0; i < labels.Length; i++)
            {
                var predicted = probabilities[i] >= JunkCandidates[c];
                var actual = labels[i] > 0.5f;
                tp += predicted && actual ? 1 : 0;
                fp += predicted && !actual ? 1 : 0;
                fn += !predicted && actual ? 1 : 0;
            }

            f1[c] = tp == 0 ? 0 : 2.0 * tp / ((2.0 * tp) + fp + fn);
            bestF1 = Math.Max(bestF1, f1[c]);
        }

        int first = -1, last = -1;
        for (var c = 0; c < JunkCandidates.Length; c++)
        {
            if (f1[c] >= bestF1 - tolerance)
            {
                first = first < 0 ? c : first;
                last = c;
            }
        }

        return JunkCandidates[(first + last) / 2];
    }

    /// <summary>Chooses the most sensitive flag thresholds that keep false flags on held-in documents within
    /// <see cref="QualityTrainingOptions.CleanFlagBudget"/>.</summary>
    private QualityModel TuneFlags(QualityModel model, List<LabeledDocument> documents)
    {
        var budget = _options.CleanFlagBudget;
        var boilerplate = FlagCandidates[^1];
        foreach (var candidate in FlagCandidates)
        {
            var trial = With(model, model.Thresholds with { BoilerplateFlag = candidate });
            if (FalseFlagRate(trial, documents, QualityFlags.Boilerplate) <= budget)
            {
                boilerplate = candidate;
                break;
            }
        }

        // The held-in rate is an estimate from a sample, and so is the rate on any other set of pages: keep it below
        // the target by the margin (in standard errors) so the rate on another sample stays within the target.
        var negatives = documents.Count(d => (d.Expected & QualityFlags.AppendedUnrelated) == 0);
        var appendedBudget = AppendedBudget(_options.AppendedFlagBudget, _options.AppendedFlagMargin, negatives);
        var (appended, minimumWords, recall, rate) = TuneAppended(model, documents, appendedBudget);
        _log(Invariant($"appended-unrelated on held-in documents: recall {recall:F4} at false-positive rate {rate:F4} (budget {appendedBudget:F4})"));
        return With(model, model.Thresholds with { BoilerplateFlag = boilerplate, AppendedFlag = appended, UnrelatedMinimumWords = minimumWords });
    }

    /// <summary>The held-in false-positive rate the <c>appended-unrelated</c> thresholds may reach:
    /// <paramref name="target"/> less <paramref name="margin"/> standard errors of a rate near the target measured on
    /// <paramref name="negatives"/> documents without foreign content.</summary>
    internal static double AppendedBudget(double target, double margin, int negatives) =>
        target - (margin * Math.Sqrt(target * (1 - target) / Math.Max(1, negatives)));

    /// <summary>
    /// The appended-content threshold and the fewest unrelated words that together find the most held-in documents
    /// with foreign content while flagging at most <paramref name="budget"/> of those without (both inputs of the
    /// decision are computed once per document; ties go to the lower false-positive rate).
    /// </summary>
    internal static (double Threshold, int MinimumWords, double Recall, double FalsePositiveRate) TuneAppended(
        QualityModel model, IReadOnlyList<LabeledDocument> documents, double budget)
    {
        var analyzer = new QualityAnalyzer(model);
        var evidence = new (double Appended, int Words, bool Positive)[documents.Count];
        int positives = 0, negatives = 0;
        for (var i = 0; i < documents.Count; i++)
        {
            var positive = (documents[i].Expected & QualityFlags.AppendedUnrelated) != 0;
            var (appended, words) = analyzer.AppendedEvidence(documents[i].Text);
            evidence[i] = (appended, words, positive);
            positives += positive ? 1 : 0;
            negatives += positive ? 0 : 1;
        }

        return BestAppendedPoint(evidence, positives, negatives, budget, model.Thresholds.UnrelatedMinimumWords);
    }

    /// <summary>
    /// The threshold and fewest unrelated words with the highest recall over <paramref name="evidence"/> (each
    /// document's appended-content probability, unrelated words and ground truth; reordered in place) whose
    /// false-positive rate is at most <paramref name="budget"/>. Ties go to the lower rate; when nothing fits, the
    /// threshold flags nothing likely and the recall is -1.
    /// </summary>
    internal static (double Threshold, int MinimumWords, double Recall, double FalsePositiveRate) BestAppendedPoint(
        (double Appended, int Words, bool Positive)[] evidence, int positives, int negatives, double budget, int fallbackMinimumWords)
    {
        positives = Math.Max(1, positives);
        negatives = Math.Max(1, negatives);

        // Highest probability first: lowering the threshold past each distinct probability adds its documents, so one
        // sweep per word minimum visits every operating point the held-in documents can tell apart (a fixed grid of
        // thresholds stops short of the budget by up to a grid step's worth of documents).
        Array.Sort(evidence, static (a, b) => b.Appended.CompareTo(a.Appended));
        (double Threshold, int MinimumWords, double Recall, double FalsePositiveRate) best = (NoAppendedThreshold, fallbackMinimumWords, -1, 1);
        foreach (var minimumWords in MinimumWordCandidates)
        {
            int found = 0, wrong = 0;
            for (var i = 0; i < evidence.Length;)
            {
                var value = evidence[i].Appended;
                for (; i < evidence.Length && evidence[i].Appended == value; i++)
                {
                    if (evidence[i].Words >= minimumWords)
                    {
                        found += evidence[i].Positive ? 1 : 0;
                        wrong += evidence[i].Positive ? 0 : 1;
                    }
                }

                var rate = (double)wrong / negatives;
                if (rate > budget || value < MinimumAppendedThreshold)
                {
                    break;
                }

                // Halfway to the next lower probability, so a document scored just below the last one taken is not
                // flagged by a rounding of its probability.
                var next = i < evidence.Length ? evidence[i].Appended : MinimumAppendedThreshold;
                var threshold = Math.Max((value + next) / 2, MinimumAppendedThreshold);
                var recall = (double)found / positives;
                if (recall > best.Recall || (recall == best.Recall && rate < best.FalsePositiveRate))
                {
                    best = (threshold, minimumWords, recall, rate);
                }
            }
        }

        return best;
    }

    private static QualityModel With(QualityModel model, QualityThresholds thresholds) => model.With(thresholds);

    /// <summary>Share of documents without <paramref name="flag"/> in their ground truth that get it.</summary>
    internal static double FalseFlagRate(QualityModel model, IReadOnlyList<LabeledDocument> documents, QualityFlags flag)
    {
        var analyzer = new QualityAnalyzer(model);
        int negatives = 0, flagged = 0;
        foreach (var document in documents)
        {
            if ((document.Expected & flag) != 0)
            {
                continue;
            }

            negatives++;
            if ((analyzer.Analyze(document.Text).Flags & flag) != 0)
            {
                flagged++;
            }
        }

        return negatives == 0 ? 0 : (double)flagged / negatives;
    }
}
