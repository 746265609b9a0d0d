namespace SpinDetect.Training.Evaluation.Tortured;

/// <summary>Phrase-level recall and false alarms for the templates with one slot position.</summary>
/// <param name="Position">The slot position.</param>
/// <param name="Sentences">Tortured sentences (= twins) with that position.</param>
/// <param name="Recall">Share of those tortured sentences with a mark on the phrase.</param>
/// <param name="FalseAlarmRate">Share of those twins with a mark on the phrase.</param>
internal readonly record struct SlotPositionMetrics(SlotPosition Position, int Sentences, double Recall, double FalseAlarmRate);
