namespace SpinDetect.Training.Evaluation.Tortured;

/// <summary>Phrase-level figures over tortured sentences and their expected twins (all evidence returned).</summary>
/// <param name="Sentences">Tortured sentences (= expected twins).</param>
/// <param name="Recall">Share of tortured sentences with a mark on at least one word of the tortured phrase.</param>
/// <param name="ChangedWordRecall">Share with a mark on a word that differs from its expected counterpart.</param>
/// <param name="FalseAlarmRate">Share of expected twins with a mark on a word of the expected phrase.</param>
/// <param name="SlotPrecision">Among all sentences with a mark on the phrase slot, the share that are tortured.</param>
/// <param name="MarkPrecision">Among all marks in all sentences, the share on the tortured phrase of a tortured sentence
/// (marks on the carrier words or in twins are wrong).</param>
/// <param name="Marks">Marks returned over all sentences.</param>
/// <param name="SuggestionHit">Share of tortured sentences where a mark on a changed word suggests its expected counterpart.</param>
/// <param name="SuggestionHitWhenMarked">The same share among tortured sentences with a mark on the phrase.</param>
/// <param name="AtTargetPrecision">The sweep point with the highest recall whose mark precision reaches the target, or null.</param>
/// <param name="AtTargetSlotPrecision">The sweep point with the highest recall whose slot precision reaches the target, or null.</param>
/// <param name="ByPosition">Recall and false alarms by slot position of the template.</param>
/// <param name="Sweep">Evidence-score thresholds, highest first.</param>
internal sealed record PhraseLevelMetrics(
    int Sentences,
    double Recall,
    double ChangedWordRecall,
    double FalseAlarmRate,
    double SlotPrecision,
    double MarkPrecision,
    int Marks,
    double SuggestionHit,
    double SuggestionHitWhenMarked,
    SweepPoint? AtTargetPrecision,
    SweepPoint? AtTargetSlotPrecision,
    IReadOnlyList<SlotPositionMetrics> ByPosition,
    IReadOnlyList<SweepPoint> Sweep);

/// <summary>Phrase-level figures counting only marks with a score at or above <paramref name="Threshold"/>.</summary>
/// <param name="Threshold">Evidence score threshold.</param>
/// <param name="Recall">Share of tortured sentences with a kept mark on the phrase.</param>
/// <param name="MarkPrecision">Share of kept marks that lie on the tortured phrase of a tortured sentence.</param>
/// <param name="SlotPrecision">Share of sentences with a kept mark on the slot that are tortured.</param>
/// <param name="FalseAlarmRate">Share of expected twins with a kept mark on the phrase.</param>
internal readonly record struct SweepPoint(
    double Threshold, double Recall, double MarkPrecision, double SlotPrecision, double FalseAlarmRate);
