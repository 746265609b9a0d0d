namespace SpinDetect.Quality;

/// <summary>What scoring needs of a quality analysis, without the line tables of <see cref="QualityResult"/>.</summary>
/// <param name="Quality">Calibrated probability that the document is clean article prose.</param>
/// <param name="Flags">The quality flags raised.</param>
/// <param name="Words">Words in the whole text.</param>
/// <param name="ArticleWords">Words outside the junk lines.</param>
/// <param name="Appended">Probability that unrelated content was appended or inserted.</param>
/// <param name="UnrelatedWords">Words in the longest run of lines removed as unrelated.</param>
internal readonly record struct QualityVerdict(double Quality, QualityFlags Flags, int Words, int ArticleWords, double Appended, int UnrelatedWords);
