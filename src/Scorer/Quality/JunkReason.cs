namespace SpinDetect.Quality;

/// <summary>Why a line is not part of the article.</summary>
internal enum JunkReason : byte
{
    /// <summary>Page furniture: advertisement markers, share prompts, credits, bylines, prompts, related links.</summary>
    Boilerplate,

    /// <summary>Content from another document.</summary>
    Unrelated,

    /// <summary>A web address or handle broken apart by extraction.</summary>
    MangledUrl,

    /// <summary>Mojibake or a run without letters.</summary>
    Garbled,

    /// <summary>A repeat of an earlier line.</summary>
    Repeated,
}
