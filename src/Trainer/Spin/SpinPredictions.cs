namespace SpinDetect.Training.Spin;

/// <summary>A spin model's outputs on a set of labelled documents, aligned by index.</summary>
internal sealed record SpinPredictions(
    IReadOnlyList<SpinDocument> Documents,
    double[] Probabilities,
    int[] Words,
    float[][] TokenProbabilities,
    float[][] TokenLabels,
    SuggestionCount[]? Suggestions = null);

/// <summary>How often the suggestion for a substituted word is the spinner's original, in one document: over its
/// substituted words reported as evidence (probability at least <see cref="SpinDetectorOptions.MinEvidenceScore"/>'s
/// default) and over all of them.</summary>
internal readonly record struct SuggestionCount(int Evidence, int EvidenceHits, int Substitutes, int SubstituteHits)
{
    public static SuggestionCount operator +(SuggestionCount a, SuggestionCount b) =>
        new(a.Evidence + b.Evidence, a.EvidenceHits + b.EvidenceHits, a.Substitutes + b.Substitutes, a.SubstituteHits + b.SubstituteHits);
}
