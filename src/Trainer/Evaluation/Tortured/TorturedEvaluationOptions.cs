namespace SpinDetect.Training.Evaluation.Tortured;

/// <summary>Settings of the tortured-phrase evaluation, with their defaults in one place.</summary>
internal sealed class TorturedEvaluationOptions
{
    /// <summary>Rows with fewer papers are skipped. Default 10 (about 3,300 single-phrase rows).</summary>
    public int MinPapers { get; init; } = 10;

    /// <summary>Seed of every random choice (templates per row, abstracts). Default 1.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Carrier templates per row: each gives one tortured sentence and its expected twin. Default 1.</summary>
    public int TemplatesPerRow { get; init; } = 1;

    /// <summary>Synthetic abstracts; each is scored clean and with every count of <see cref="TorturedCounts"/>. Default 1,000.</summary>
    public int AbstractCount { get; init; } = 1000;

    /// <summary>Fewest carrier sentences in an abstract. Default 5.</summary>
    public int MinAbstractSentences { get; init; } = 5;

    /// <summary>Most carrier sentences in an abstract. Default 8.</summary>
    public int MaxAbstractSentences { get; init; } = 8;

    /// <summary>Numbers of tortured phrases put in an abstract (0 is always the negative). Default 1, 2, 4.</summary>
    public IReadOnlyList<int> TorturedCounts { get; init; } = [1, 2, 4];

    /// <summary>Mark precision at which the threshold sweep reads the recall. Default 0.80 (issue 9 target).</summary>
    public double TargetPrecision { get; init; } = 0.80;

    /// <summary>False-positive rate at which the document TPR is read. Default 0.01.</summary>
    public double DocumentFalsePositiveRate { get; init; } = 0.01;

    /// <summary>How many most-missed and most-false-alarmed phrases to list. Default 30.</summary>
    public int ListedPhrases { get; init; } = 30;

    /// <summary>Rows of the threshold-sweep table (the operating point is added). Default 12.</summary>
    public int SweepRows { get; init; } = 12;

    /// <summary>Throws when a setting is out of range.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(MinPapers);
        ArgumentOutOfRangeException.ThrowIfLessThan(TemplatesPerRow, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(AbstractCount);
        ArgumentOutOfRangeException.ThrowIfLessThan(MinAbstractSentences, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxAbstractSentences, MinAbstractSentences);
        foreach (var count in TorturedCounts)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(count, 1, nameof(TorturedCounts));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(count, MinAbstractSentences, nameof(TorturedCounts));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(TargetPrecision);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(TargetPrecision, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(DocumentFalsePositiveRate);
        ArgumentOutOfRangeException.ThrowIfNegative(ListedPhrases);
        ArgumentOutOfRangeException.ThrowIfNegative(SweepRows);
    }
}
