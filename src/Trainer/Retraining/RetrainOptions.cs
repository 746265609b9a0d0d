using SpinDetect.Training.Spin;

namespace SpinDetect.Training.Retraining;

/// <summary>
/// Options of <see cref="SpinRetrainer"/>; every default is a constant in <see cref="Defaults"/>:
/// <list type="table">
/// <item><term><see cref="SampleWeight"/></term><description>1 (a user sample counts like a corpus text)</description></item>
/// <item><term><see cref="ValidationShare"/></term><description>0.2 of the user's samples (by group)</description></item>
/// <item><term><see cref="TestShare"/></term><description>0.2 of the user's samples (by group)</description></item>
/// <item><term><see cref="MinimumSamplesPerClass"/></term><description>5</description></item>
/// <item><term><see cref="MaxTextLength"/></term><description>200,000 characters</description></item>
/// <item><term><see cref="AucTolerance"/></term><description>0.005</description></item>
/// <item><term><see cref="LogLossTolerance"/></term><description>0 (log-loss must not rise)</description></item>
/// <item><term><see cref="Replace"/></term><description>false</description></item>
/// <item><term><see cref="TrainedAt"/></term><description>null (today, UTC midnight)</description></item>
/// <item><term><see cref="Delimiter"/>, <see cref="Encoding"/></term><description>null (detected)</description></item>
/// </list>
/// </summary>
public sealed class RetrainOptions
{
    /// <summary>Training options of the spin model (seed, trees, threads). Default: <see cref="SpinTrainingOptions"/>'s defaults.</summary>
    public SpinTrainingOptions Training { get; set; } = new();

    /// <summary>Multiplier of every user sample's weight in the document model's training (corpus texts weigh 1). Default 1.</summary>
    public double SampleWeight { get; set; } = Defaults.SampleWeight;

    /// <summary>Share of the user's samples (whole groups) held out for validation: early stopping, calibration, threshold. Default 0.2.</summary>
    public double ValidationShare { get; set; } = Defaults.ValidationShare;

    /// <summary>Share of the user's samples (whole groups) held out for the comparison with the current model. Default 0.2.</summary>
    public double TestShare { get; set; } = Defaults.TestShare;

    /// <summary>Fewer spun or fewer clean samples than this fail validation. Default 5.</summary>
    public int MinimumSamplesPerClass { get; set; } = Defaults.MinimumSamplesPerClass;

    /// <summary>Longest accepted text in characters. Default 200,000.</summary>
    public int MaxTextLength { get; set; } = Defaults.MaxTextLength;

    /// <summary>The new model is "not worse" only if its AUC on the user's held-out samples is at most this much lower. Default 0.005.</summary>
    public double AucTolerance { get; set; } = Defaults.AucTolerance;

    /// <summary>… and its log-loss there at most this much higher. Default 0.</summary>
    public double LogLossTolerance { get; set; } = Defaults.LogLossTolerance;

    /// <summary>Replace the current model even when the new one is worse. Default false.</summary>
    public bool Replace { get; set; }

    /// <summary>Training date recorded in the model; null means today (UTC midnight), so a rerun on the same day gives the same bytes.</summary>
    public DateTimeOffset? TrainedAt { get; set; }

    /// <summary>Field delimiter of the sample CSVs; null detects it from the header (, ; tab |).</summary>
    public string? Delimiter { get; set; }

    /// <summary>Encoding name of the sample CSVs and referenced files; null detects it (byte-order mark, else UTF-8, else Windows-1252).</summary>
    public string? Encoding { get; set; }

    /// <summary>Largest sample weight, in a CSV or as <see cref="SampleWeight"/>: a million corpus texts' worth keeps
    /// every product of the two inside the single-precision weights the trees use.</summary>
    public const double MaxWeight = 1_000_000;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first option out of range.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Training);
        Training.Validate();
        Require(double.IsFinite(SampleWeight) && SampleWeight > 0 && SampleWeight <= MaxWeight, nameof(SampleWeight), SampleWeight, "must be a positive number, at most 1,000,000");
        Require(ValidationShare is > 0 and < 1, nameof(ValidationShare), ValidationShare, "must be between 0 and 1");
        Require(TestShare is > 0 and < 1 && TestShare + ValidationShare < 1, nameof(TestShare), TestShare, "must be between 0 and 1, with ValidationShare below 1 in total");
        Require(MinimumSamplesPerClass >= 3, nameof(MinimumSamplesPerClass), MinimumSamplesPerClass, "must be at least 3 (one each for training, validation and test)");
        Require(MaxTextLength >= 1, nameof(MaxTextLength), MaxTextLength, "must be positive");
        Require(AucTolerance is >= 0 and < 1, nameof(AucTolerance), AucTolerance, "must be in [0, 1)");
        Require(double.IsFinite(LogLossTolerance) && LogLossTolerance >= 0, nameof(LogLossTolerance), LogLossTolerance, "must be 0 or positive");
        Require(Delimiter is null || Delimiter.Length > 0, nameof(Delimiter), Delimiter, "must not be empty");
    }

    private static void Require(bool condition, string name, object? value, string rule)
    {
        if (!condition)
        {
            throw new ArgumentException($"RetrainOptions.{name} {rule}; it is {value ?? "null"}.", name);
        }
    }

    /// <summary>The default value of every option, in one place.</summary>
    public static class Defaults
    {
        /// <summary>Default of <see cref="SampleWeight"/>.</summary>
        public const double SampleWeight = 1;

        /// <summary>Default of <see cref="ValidationShare"/>.</summary>
        public const double ValidationShare = 0.2;

        /// <summary>Default of <see cref="TestShare"/>.</summary>
        public const double TestShare = 0.2;

        /// <summary>Default of <see cref="MinimumSamplesPerClass"/>.</summary>
        public const int MinimumSamplesPerClass = 5;

        /// <summary>Default of <see cref="MaxTextLength"/>.</summary>
        public const int MaxTextLength = 200_000;

        /// <summary>Default of <see cref="AucTolerance"/>.</summary>
        public const double AucTolerance = 0.005;

        /// <summary>Default of <see cref="LogLossTolerance"/>.</summary>
        public const double LogLossTolerance = 0;
    }
}
