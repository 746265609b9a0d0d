namespace SpinDetect.Training.Evaluation.Tortured;

/// <summary>Search-query operators that appear outside the quoted phrases of a tortured-phrase query.</summary>
[Flags]
internal enum QueryOperators
{
    /// <summary>No operator: one term only.</summary>
    None = 0,

    /// <summary><c>AND</c> between terms.</summary>
    And = 1 << 0,

    /// <summary><c>OR</c> between terms.</summary>
    Or = 1 << 1,

    /// <summary><c>NOT</c> before a term.</summary>
    Not = 1 << 2,

    /// <summary>Proximity <c>"a b"~N</c>: the words within N words of each other, in any order.</summary>
    Proximity = 1 << 3,

    /// <summary>Parentheses grouping terms.</summary>
    Grouping = 1 << 4,
}
