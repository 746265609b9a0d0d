namespace SpinDetect.Training.Boosting;

/// <summary>Which rows a model's Platt calibrator was fitted on.</summary>
public enum CalibrationSource
{
    /// <summary>The validation set passed to training (preferred: held-out scores are not overconfident).</summary>
    Validation,

    /// <summary>The training set, because no validation set was given; probabilities may be overconfident.</summary>
    Training,
}
