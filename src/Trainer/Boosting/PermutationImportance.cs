namespace SpinDetect.Training.Boosting;

/// <summary>How much one feature matters: the loss of quality when its values are shuffled across rows.</summary>
/// <param name="Feature">Feature name.</param>
/// <param name="AucDecrease">Mean drop of AUC over the repeats (larger = more important).</param>
/// <param name="LogLossIncrease">Mean rise of log-loss over the repeats.</param>
public sealed record PermutationImportance(string Feature, double AucDecrease, double LogLossIncrease);
