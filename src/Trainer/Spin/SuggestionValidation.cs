namespace SpinDetect.Training.Spin;

/// <summary>How well the suggestion ranker and the fixed rule find the original on the validation documents' words.</summary>
/// <param name="TrainingWords">Substituted words (with their original among the candidates) the ranker learned from.</param>
/// <param name="ValidationWords">Such words of the validation documents.</param>
/// <param name="RankerHitRate">Share of the validation words whose original the ranker puts first.</param>
/// <param name="RuleHitRate">The same share for the fixed rule (<see cref="SpinDetect.Features.SpinFeaturizer.RuleScore"/>).</param>
internal sealed record SuggestionValidation(int TrainingWords, int ValidationWords, double RankerHitRate, double RuleHitRate);
