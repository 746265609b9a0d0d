namespace SpinDetect.Training.Evaluation.Tortured;

/// <summary>
/// Why a row of the tortured-phrase file is not used. A row gets the first reason that applies, in the order
/// of this enum, so the counts add up to the skipped rows.
/// </summary>
internal enum SkipReason
{
    /// <summary>The query could not be parsed (unterminated quote, unknown operator such as a typo).</summary>
    MalformedQuery,

    /// <summary>The query uses <c>OR</c>: alternatives, not one literal phrase.</summary>
    OrQuery,

    /// <summary>The query uses <c>NOT</c>: the phrase is only tortured outside some context.</summary>
    NotQuery,

    /// <summary>The query uses proximity <c>~N</c>: the words are not a contiguous phrase.</summary>
    ProximityQuery,

    /// <summary>The query combines phrases with <c>AND</c> or parentheses, or is not a quoted phrase.</summary>
    CompoundQuery,

    /// <summary>The paper count is not a number.</summary>
    BadPaperCount,

    /// <summary>Fewer papers than the minimum.</summary>
    TooFewPapers,

    /// <summary>The expected phrase is unknown (<c>???</c>) or empty once remarks are removed.</summary>
    UnknownExpected,

    /// <summary>The expected phrase offers alternatives (<c>a/b</c>, <c>a or b</c>) that we cannot put in one sentence.</summary>
    AlternativeExpected,

    /// <summary>The expected phrase equals the tortured phrase (ignoring case): nothing was substituted.</summary>
    NoSubstitution,
}
