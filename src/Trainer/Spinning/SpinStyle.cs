namespace SpinDetect.Training.Spinning;

/// <summary>Which content words a spinner replaces.</summary>
internal enum SpinStyle
{
    /// <summary>A random share (<see cref="SpinOptions.Rate"/>) of the content words, anywhere.</summary>
    Uniform,

    /// <summary>Every <see cref="SpinOptions.EveryNth"/>-th replaceable content word.</summary>
    EveryNth,

    /// <summary>Only some paragraphs (<see cref="SpinOptions.PartialShare"/>), each at <see cref="SpinOptions.Rate"/>.</summary>
    Partial,

    /// <summary>Each paragraph its own style and rate: uniform, every-Nth, or left alone.</summary>
    Mixed,
}
