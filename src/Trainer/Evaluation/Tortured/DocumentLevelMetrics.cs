namespace SpinDetect.Training.Evaluation.Tortured;

/// <summary>Document-level figures over synthetic abstracts.</summary>
/// <param name="Abstracts">Abstracts (each scored clean and at every tortured count).</param>
/// <param name="Sentences">Carrier sentences over all abstracts.</param>
/// <param name="ByCount">One entry per tortured count, then one for "2 or more" pooled.</param>
internal sealed record DocumentLevelMetrics(int Abstracts, int Sentences, IReadOnlyList<DocumentCountMetrics> ByCount);

/// <summary>Separation of abstracts holding tortured phrases from the same abstracts holding the expected ones.</summary>
/// <param name="Label">"1", "2", "4", "≥2".</param>
/// <param name="Positives">Abstracts with tortured phrases.</param>
/// <param name="Negatives">Abstracts with the expected phrases only.</param>
/// <param name="Auc">ROC AUC of the document probability.</param>
/// <param name="TprAtFpr">True-positive rate at the configured false-positive rate.</param>
internal readonly record struct DocumentCountMetrics(string Label, int Positives, int Negatives, double Auc, double TprAtFpr);
