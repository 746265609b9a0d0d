namespace SpinDetect.Training.Evaluation.Tortured;

/// <summary>One term of a tortured-phrase query.</summary>
/// <param name="Text">The phrase without quotes.</param>
/// <param name="Quoted">Whether the term was a quoted phrase (exact match) rather than bare words.</param>
/// <param name="Negated">Whether a <c>NOT</c> precedes the term.</param>
/// <param name="Proximity">The N of <c>"…"~N</c>, or null when the phrase must match exactly.</param>
internal readonly record struct QueryTerm(string Text, bool Quoted, bool Negated, int? Proximity);
