namespace SpinDetect.Training.Retraining;

/// <summary>Where a retraining run is, reported at the start of every stage.</summary>
/// <param name="Stage">What is being done, e.g. "training the token model on 80,000 words".</param>
/// <param name="StageNumber">1-based number of the stage.</param>
/// <param name="StageCount">Number of stages.</param>
/// <param name="Fraction">Estimated share of the work done, 0–1.</param>
/// <param name="Elapsed">Time since training started.</param>
/// <param name="Remaining">Estimated time left; null until a stage has finished to measure the pace.</param>
public sealed record RetrainProgress(string Stage, int StageNumber, int StageCount, double Fraction, TimeSpan Elapsed, TimeSpan? Remaining)
{
    /// <summary>"[3/7] 42% 1:05 elapsed, ETA 1:30 — stage".</summary>
    public override string ToString() =>
        $"[{StageNumber}/{StageCount}] {Fraction:P0} {Elapsed:m\\:ss} elapsed"
        + (Remaining is { } left ? $", ETA {left:m\\:ss}" : "") + $" — {Stage}";
}
