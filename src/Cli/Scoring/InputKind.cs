namespace SpinDetect.Cli.Scoring;

/// <summary>Where an input's text comes from.</summary>
internal enum InputKind
{
    /// <summary>A file to read.</summary>
    File,

    /// <summary>Standard input, read whole as one text.</summary>
    StandardInput,

    /// <summary>Text already in memory (a <c>--jsonl-in</c> record).</summary>
    Inline,

    /// <summary>Nothing to read: <see cref="InputItem.Error"/> says why.</summary>
    Failed,
}
