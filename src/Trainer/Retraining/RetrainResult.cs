namespace SpinDetect.Training.Retraining;

/// <summary>What a retraining run did and why.</summary>
public sealed class RetrainResult
{
    /// <summary>True when the new model was written to the output path.</summary>
    public required bool Replaced { get; init; }

    /// <summary>Why it was (or was not) replaced, in one sentence.</summary>
    public required string Reason { get; init; }

    /// <summary>Where the new model was written: the output path when replaced, else the candidate path beside it.</summary>
    public required string ModelPath { get; init; }

    /// <summary>Copy of the previous model at the output path, made before it was replaced; null when nothing was replaced.</summary>
    public string? BackupPath { get; init; }

    /// <summary>Whether a current model was found to compare with (false: the new model was written without a comparison).</summary>
    public bool CurrentFound { get; init; } = true;

    /// <summary>The markdown report.</summary>
    public required string ReportPath { get; init; }

    /// <summary>Both models on the user's held-out samples (the decision is made here).</summary>
    public required ModelComparison UserHeldOut { get; init; }

    /// <summary>Both models on the base corpus's test split.</summary>
    public required ModelComparison BaseHeldOut { get; init; }

    /// <summary>User samples in the training, validation and test splits.</summary>
    public required (int Training, int Validation, int Test) UserSamples { get; init; }

    /// <summary>Wall time of the whole run.</summary>
    public required TimeSpan Elapsed { get; init; }
}
