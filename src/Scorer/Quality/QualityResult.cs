namespace SpinDetect.Quality;

/// <summary>What quality analysis found in one text.</summary>
internal sealed class QualityResult
{
    internal QualityResult(
        double quality,
        QualityFlags flags,
        int words,
        int articleWords,
        double appendedProbability,
        IReadOnlyList<JunkLine> junkLines,
        TextLine[] lines)
    {
        Quality = quality;
        Flags = flags;
        Words = words;
        ArticleWords = articleWords;
        AppendedProbability = appendedProbability;
        JunkLines = junkLines;
        Lines = lines;
    }

    /// <summary>Calibrated probability (0..1) that the text is clean article prose.</summary>
    public double Quality { get; }

    /// <summary>Problems found.</summary>
    public QualityFlags Flags { get; }

    /// <summary>Words in the whole text (words, numbers, addresses, handles).</summary>
    public int Words { get; }

    /// <summary>Words left after the junk lines are removed (the words spin scoring sees).</summary>
    public int ArticleWords { get; }

    /// <summary>Probability from the document model that foreign content was appended or inserted.</summary>
    public double AppendedProbability { get; }

    /// <summary>Lines judged not to be article text, in text order.</summary>
    public IReadOnlyList<JunkLine> JunkLines { get; }

    /// <summary>All non-blank lines of the text.</summary>
    internal TextLine[] Lines { get; }

    /// <summary>The public names of <see cref="Flags"/>.</summary>
    public IReadOnlyList<string> FlagNames => QualityFlagNames.Names(Flags);

    /// <summary>The article text of <paramref name="source"/> (the text that was analysed) without the junk lines,
    /// with the map from clean offsets back to source offsets.</summary>
    public CleanText Clean(ReadOnlySpan<char> source) => CleanText.Build(source, JunkLines, Lines);
}
