namespace SpinDetect.Training.Spin;

/// <summary>A spin model's outputs on a set of labelled documents, aligned by index.</summary>
internal sealed record SpinPredictions(
    IReadOnlyList<SpinDocument> Documents,
    double[] Probabilities,
    int[] Words,
    float[][] TokenProbabilities,
    float[][] TokenLabels);
