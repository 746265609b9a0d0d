namespace SpinDetect.Training.Quality;

/// <summary>One side of the quality split: the articles to corrupt and the documents foreign content comes from.</summary>
/// <param name="HeldOut">Whether this is the held-out test side (held-out templates and sources).</param>
/// <param name="Articles">Clean articles.</param>
/// <param name="Foreign">Documents whose paragraphs and headlines are appended or inserted.</param>
internal sealed record QualitySide(bool HeldOut, IReadOnlyList<QualityDocument> Articles, IReadOnlyList<QualityDocument> Foreign);
