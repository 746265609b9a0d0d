using SpinDetect.Features;

namespace SpinDetect.Model;

/// <summary>
/// Chooses a suspicious word's likely original among its candidate originals with a learned ranker: the trees score
/// the <see cref="SuggestionFeatures"/> rows of the fixed rule's shortlist and the highest score wins. Trained on the training
/// spinner's logs (which candidate was the original). Immutable and thread-safe.
/// </summary>
internal sealed class SuggestionRanker
{
    /// <summary>Creates a ranker from its trees (a calibrated ensemble; only the raw score's order matters).</summary>
    internal SuggestionRanker(CalibratedEnsemble ensemble)
    {
        ArgumentNullException.ThrowIfNull(ensemble);
        if (ensemble.Ensemble.FeatureCount != SuggestionFeatures.Count)
        {
            throw new ArgumentException("The ensemble does not match the suggestion feature schema.", nameof(ensemble));
        }

        Ensemble = ensemble;
    }

    /// <summary>The trees.</summary>
    internal CalibratedEnsemble Ensemble { get; }

    /// <summary>
    /// The id of the best candidate original of eligible word <paramref name="e"/> of the analysed document, or −1
    /// when it has none. Allocation-free.
    /// </summary>
    internal int Best(SpinFeaturizer featurizer, DocumentAnalysis analysis, int e)
    {
        ArgumentNullException.ThrowIfNull(featurizer);
        Span<int> candidates = stackalloc int[SpinFeaturizer.MaxSuggestionCandidates];
        Span<float> rows = stackalloc float[SpinFeaturizer.MaxSuggestionCandidates * SuggestionFeatures.Count];
        var n = featurizer.SuggestionRows(analysis, e, candidates, rows);
        if (n == 0)
        {
            return -1;
        }

        // The trees score the rule's shortlist only, gathered into the front of the rows.
        Span<int> kept = stackalloc int[SpinFeaturizer.RankedSuggestionCandidates];
        var m = SpinFeaturizer.ShortlistSuggestions(rows, n, kept);
        const int Width = SuggestionFeatures.Count;
        for (var k = 0; k < m; k++)
        {
            rows.Slice(kept[k] * Width, Width).CopyTo(rows.Slice(k * Width, Width));
        }

        Span<double> scores = stackalloc double[SpinFeaturizer.RankedSuggestionCandidates];
        Ensemble.Ensemble.PredictRaw(rows[..(m * Width)], scores[..m]);
        var best = 0;
        for (var k = 1; k < m; k++)
        {
            // Ties go to the more frequent candidate (earlier in the list).
            if (scores[k] > scores[best])
            {
                best = k;
            }
        }

        return candidates[kept[best]];
    }
}
