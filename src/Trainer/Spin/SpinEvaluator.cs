using SpinDetect.Features;
using SpinDetect.Model;
using SpinDetect.Training.Evaluation;

namespace SpinDetect.Training.Spin;

/// <summary>
/// Scores labelled documents with a spin model and measures it as a whole, by slices (spin rate, length,
/// source, spinner) and at the token level (how well the evidence finds the logged substitutions).
/// </summary>
internal static class SpinEvaluator
{
    /// <summary>Spin-rate slices (share of content words replaced), as in the model report.</summary>
    internal static readonly (string Name, double Low, double High)[] RateSlices =
    [
        ("under 5%", 0, 0.05), ("5–15%", 0.05, 0.15), ("15–30%", 0.15, 0.30), ("over 30%", 0.30, double.PositiveInfinity),
    ];

    /// <summary>Length slices in words.</summary>
    internal static readonly (string Name, int Low, int High)[] LengthSlices =
    [
        ("under 150 words", 0, 150), ("150–500 words", 150, 500), ("over 500 words", 500, int.MaxValue),
    ];

    /// <summary>Scores every document; token probabilities and labels are kept for the token-level figures.</summary>
    public static SpinPredictions Predict(IReadOnlyList<SpinDocument> documents, SpinModel model, int threads)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(model);
        var probabilities = new double[documents.Count];
        var words = new int[documents.Count];
        var tokenProbabilities = new float[documents.Count][];
        var tokenLabels = new float[documents.Count][];
        var suggestions = new SuggestionCount[documents.Count];
        SpinFeatureTables.Run(documents.Count, threads, (i, analysis) =>
        {
            Span<float> features = stackalloc float[DocumentFeatures.Count];
            probabilities[i] = model.Score(documents[i].Text, analysis, features);
            words[i] = analysis.WordCount;
            var n = analysis.EligibleCount;
            tokenProbabilities[i] = analysis.Probabilities.AsSpan(0, n).ToArray();
            var labels = new float[n];
            var covering = new int[n];
            TokenLabeler.Label(analysis, documents[i].Replacements, labels, covering);
            tokenLabels[i] = labels;
            suggestions[i] = CountSuggestions(documents[i], analysis, model, covering);
        });
        return new SpinPredictions(documents, probabilities, words, tokenProbabilities, tokenLabels, suggestions);
    }

    /// <summary>
    /// For each eligible word that a replacement of <paramref name="document"/>'s log covers (the first one, by
    /// <paramref name="covering"/> from <see cref="TokenLabeler.Label"/>), whether the detector's suggestion is that
    /// replacement's original (ignoring case), counted over the words reported as evidence by default and over all.
    /// </summary>
    private static SuggestionCount CountSuggestions(SpinDocument document, DocumentAnalysis analysis, SpinModel model, ReadOnlySpan<int> covering)
    {
        if (document.Originals is not { } originals || originals.Length == 0)
        {
            return default;
        }

        var minimum = SpinDetectorOptions.Defaults.MinEvidenceScore;
        int evidence = 0, evidenceHits = 0, substitutes = 0, substituteHits = 0;
        for (var e = 0; e < analysis.EligibleCount; e++)
        {
            var r = covering[e];
            if (r < 0)
            {
                continue;
            }

            var candidate = model.Suggest(analysis, e);
            var hit = candidate >= 0
                && string.Equals(model.Featurizer.Statistics.Word(candidate), originals[r], StringComparison.OrdinalIgnoreCase);
            substitutes++;
            substituteHits += hit ? 1 : 0;
            if (analysis.Probabilities[e] >= minimum)
            {
                evidence++;
                evidenceHits += hit ? 1 : 0;
            }
        }

        return new SuggestionCount(evidence, evidenceHits, substitutes, substituteHits);
    }

    /// <summary>The suggestion counts of the documents <paramref name="include"/> selects, summed.</summary>
    public static SuggestionCount Suggestions(SpinPredictions predictions, Func<int, bool> include)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        var total = default(SuggestionCount);
        for (var i = 0; predictions.Suggestions is not null && i < predictions.Documents.Count; i++)
        {
            total += include(i) ? predictions.Suggestions[i] : default;
        }

        return total;
    }

    /// <summary>Metrics over a subset: positives selected by <paramref name="positive"/>, negatives by <paramref name="negative"/>.</summary>
    public static BinaryClassificationMetrics? Slice(
        SpinPredictions predictions, double threshold, Func<int, bool> positive, Func<int, bool> negative)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        var labels = new List<float>();
        var scores = new List<double>();
        for (var i = 0; i < predictions.Documents.Count; i++)
        {
            var spun = predictions.Documents[i].Spun;
            if (spun ? positive(i) : negative(i))
            {
                labels.Add(spun ? 1 : 0);
                scores.Add(predictions.Probabilities[i]);
            }
        }

        var positives = labels.Count(l => l > 0.5f);
        if (positives == 0 || positives == labels.Count)
        {
            return null;
        }

        return BinaryClassificationMetrics.Compute(labels.ToArray(), scores.ToArray(), threshold);
    }

    /// <summary>
    /// The highest token-level precision at any probability threshold whose recall is at least
    /// <paramref name="minimumRecall"/>, over the exact precision/recall curve (every distinct probability a threshold,
    /// so words of equal probability are taken together), with that threshold and its recall; precision 0 when no
    /// threshold reaches the recall. The fixed thresholds of <see cref="TokenCurve"/> only sample this curve.
    /// </summary>
    public static (double Precision, double Threshold, double Recall) BestTokenPrecision(
        SpinPredictions predictions, Func<int, bool> include, double minimumRecall)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentNullException.ThrowIfNull(include);
        var scored = Tokens(predictions, include).ToList();
        var positives = scored.Count(s => s.Substitute);
        scored.Sort(static (a, b) => b.Probability.CompareTo(a.Probability));
        var best = (Precision: 0.0, Threshold: double.NaN, Recall: 0.0);
        long tp = 0, taken = 0;
        for (var k = 0; k < scored.Count; k++)
        {
            tp += scored[k].Substitute ? 1 : 0;
            taken++;
            if (k + 1 < scored.Count && scored[k + 1].Probability == scored[k].Probability)
            {
                continue; // a threshold takes every word of its probability
            }

            var recall = positives == 0 ? 0 : (double)tp / positives;
            var precision = (double)tp / taken;
            if (recall >= minimumRecall && precision > best.Precision)
            {
                best = (precision, scored[k].Probability, recall);
            }
        }

        return best;
    }

    /// <summary>
    /// Token-level precision/recall of the evidence: every eligible word of the spun documents is ranked by its
    /// substitution probability; returns the curve at fixed probability thresholds.
    /// </summary>
    public static IReadOnlyList<(double Threshold, double Precision, double Recall)> TokenCurve(
        SpinPredictions predictions, Func<int, bool> include)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        double[] thresholds = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];
        var tp = new long[thresholds.Length];
        var fp = new long[thresholds.Length];
        long positives = 0;
        foreach (var (probability, substitute) in Tokens(predictions, include))
        {
            positives += substitute ? 1 : 0;
            for (var t = 0; t < thresholds.Length; t++)
            {
                if (probability >= thresholds[t])
                {
                    if (substitute)
                    {
                        tp[t]++;
                    }
                    else
                    {
                        fp[t]++;
                    }
                }
            }
        }

        var curve = new List<(double, double, double)>();
        for (var t = 0; t < thresholds.Length; t++)
        {
            var precision = tp[t] + fp[t] == 0 ? 1 : (double)tp[t] / (tp[t] + fp[t]);
            var recall = positives == 0 ? 0 : (double)tp[t] / positives;
            curve.Add((thresholds[t], precision, recall));
        }

        return curve;
    }

    // Every eligible word of the included documents: its substitution probability and whether it is a substitute.
    private static IEnumerable<(float Probability, bool Substitute)> Tokens(SpinPredictions predictions, Func<int, bool> include)
    {
        for (var i = 0; i < predictions.Documents.Count; i++)
        {
            if (!include(i))
            {
                continue;
            }

            var p = predictions.TokenProbabilities[i];
            var y = predictions.TokenLabels[i];
            for (var k = 0; k < p.Length; k++)
            {
                yield return (p[k], y[k] > 0.5f);
            }
        }
    }
}
