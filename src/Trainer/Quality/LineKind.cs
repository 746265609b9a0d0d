namespace SpinDetect.Training.Quality;

/// <summary>Ground truth of one generated line.</summary>
internal enum LineKind : byte
{
    /// <summary>Article text (kept).</summary>
    Article,

    /// <summary>Inserted page furniture.</summary>
    Boilerplate,

    /// <summary>Content from another document (an appended or inserted block).</summary>
    Unrelated,

    /// <summary>A broken web address or embed.</summary>
    Mangled,

    /// <summary>A run of symbols and digits without letters.</summary>
    Garbled,

    /// <summary>A copy of an earlier article line.</summary>
    Repeated,
}
