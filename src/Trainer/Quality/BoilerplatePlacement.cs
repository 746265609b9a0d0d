namespace SpinDetect.Training.Quality;

/// <summary>Where a family's lines usually appear in a page.</summary>
internal enum BoilerplatePlacement
{
    /// <summary>Above the article text.</summary>
    Top,

    /// <summary>Between paragraphs.</summary>
    Between,

    /// <summary>Below the article text.</summary>
    Bottom,
}
