namespace SpinDetect.Training.Quality;

/// <summary>How often each corruption is applied to a generated document; defaults in one place.</summary>
internal sealed record CorruptionOptions
{
    /// <summary>Share of documents left clean. Default 0.35.</summary>
    public double Clean { get; init; } = 0.35;

    /// <summary>Chance of inserted boilerplate lines. Default 0.6.</summary>
    public double Boilerplate { get; init; } = 0.6;

    /// <summary>Chance of an appended or inserted block of foreign content. Default 0.4.</summary>
    public double Unrelated { get; init; } = 0.4;

    /// <summary>Chance of inline related-story headlines between paragraphs. Default 0.2.</summary>
    public double InlineHeadlines { get; init; } = 0.2;

    /// <summary>Chance of broken addresses. Default 0.15.</summary>
    public double Mangled { get; init; } = 0.15;

    /// <summary>Chance of mojibake over the whole text or part of it. Default 0.12.</summary>
    public double Mojibake { get; init; } = 0.12;

    /// <summary>Chance of lines without letters. Default 0.08.</summary>
    public double Garbled { get; init; } = 0.08;

    /// <summary>Chance of duplicated article lines. Default 0.12.</summary>
    public double Repeated { get; init; } = 0.12;

    /// <summary>Chance that the document is replaced by non-English text (no other corruption). Default 0.05.</summary>
    public double NotEnglish { get; init; } = 0.05;

    /// <summary>Chance that the document is cut below 50 words. Default 0.05.</summary>
    public double TooShort { get; init; } = 0.05;

    /// <summary>Share of documents (clean or corrupted) that open with a title made from the article, labelled as
    /// article text. Default 0.4.</summary>
    public double Titled { get; init; } = 0.4;

    /// <summary>Chance that a title is followed by a one-sentence standfirst. Default 0.3.</summary>
    public double Standfirst { get; init; } = 0.3;

    /// <summary>Chance that a document laid out with blank lines between paragraphs has some of its inserted
    /// boilerplate lines (two in three of those between paragraphs, a third of the first lines below the article) glued
    /// to the body paragraph above or below them, without a blank line. Default 0.8.</summary>
    public double Glued { get; init; } = 0.8;

    /// <summary>Whether the training side draws foreign content corpus by corpus and kind by kind (each corpus as
    /// often as any other) rather than document by document, so the few documents of another register are not
    /// swamped by the many speeches and articles. The held-out side always draws document by document. Default true.</summary>
    public bool BalanceForeignSources { get; init; } = true;

    /// <summary>Whether the training side's boilerplate comes from its families kept for tuning
    /// (<see cref="BoilerplateFamily.ForTuning"/>: wording the line models never saw) instead of the line models'
    /// families. The held-out side always uses its own families. Default false.</summary>
    public bool TuningBoilerplate { get; init; }

    /// <summary>With <see cref="TuningBoilerplate"/>, which templates of the tuning families are used: -1 all of them,
    /// 0 those at even positions, 1 those at odd positions, so the document models and the flag thresholds can be
    /// fitted on different wording. Default -1.</summary>
    public int TuningPatternParity { get; init; } = -1;

    /// <summary>Fewest words of a generated article. Default 120.</summary>
    public int MinimumArticleWords { get; init; } = 120;

    /// <summary>Most words of a generated article. Default 1000.</summary>
    public int MaximumArticleWords { get; init; } = 1000;
}
