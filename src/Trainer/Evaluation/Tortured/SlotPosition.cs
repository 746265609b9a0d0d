namespace SpinDetect.Training.Evaluation.Tortured;

/// <summary>Where a carrier template puts the phrase.</summary>
internal enum SlotPosition
{
    /// <summary>First words of the sentence (the phrase is capitalised).</summary>
    Start,

    /// <summary>Words on both sides.</summary>
    Middle,

    /// <summary>Last words, before the full stop.</summary>
    End,
}
