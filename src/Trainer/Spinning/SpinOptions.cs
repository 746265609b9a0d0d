namespace SpinDetect.Training.Spinning;

/// <summary>
/// How one text is spun. Every default is listed in <see cref="Defaults"/>; <see cref="Validate"/> checks ranges.
/// </summary>
internal sealed record SpinOptions
{
    /// <summary>The documented defaults, in one place.</summary>
    public static class Defaults
    {
        /// <summary>Share of content words replaced (a real spinner's article: about one content word in five).</summary>
        public const double Rate = 0.2;

        /// <summary>Every-Nth style: replace every fifth replaceable content word.</summary>
        public const int EveryNth = 5;

        /// <summary>Partial style: about half of the paragraphs are spun.</summary>
        public const double PartialShare = 0.5;

        /// <summary>Common-only choice: candidates must be among the 20,000 most frequent words.</summary>
        public const int CommonRankCut = 20_000;

        /// <summary>Common-only choice: weight candidates by frequency^1 (0 = uniform inside the cut).</summary>
        public const double Curation = 1.0;

        /// <summary>Multi-word headwords ("shortly after") are matched before single words.</summary>
        public const bool UsePhrases = true;

        /// <summary>Re-inflected synonyms must be able to take the inflection ("employees" never gives "employs").</summary>
        public const bool SamePartOfSpeech = true;
    }

    /// <summary>Which content words are replaced.</summary>
    public SpinStyle Style { get; init; } = SpinStyle.Uniform;

    /// <summary>Target share of content words replaced, 0–1 (uniform and partial styles, and mixed paragraphs).</summary>
    public double Rate { get; init; } = Defaults.Rate;

    /// <summary>Replace every N-th replaceable content word (every-Nth style); at least 1.</summary>
    public int EveryNth { get; init; } = Defaults.EveryNth;

    /// <summary>Share of paragraphs spun in the partial style, 0–1.</summary>
    public double PartialShare { get; init; } = Defaults.PartialShare;

    /// <summary>How a replacement is chosen among the synonyms.</summary>
    public SynonymChoice Choice { get; init; } = SynonymChoice.Uniform;

    /// <summary>Common-only choice: largest frequency rank a replacement word may have.</summary>
    public int CommonRankCut { get; init; } = Defaults.CommonRankCut;

    /// <summary>Common-only choice: exponent on frequency when weighting candidates (0 = uniform inside the cut).</summary>
    public double Curation { get; init; } = Defaults.Curation;

    /// <summary>
    /// When set, only a pseudo-random half of the dictionary's (headword, synonym) pairs is available, chosen by
    /// this salt: a different half per document, so that no single pair is always there.
    /// </summary>
    public ulong? SubsetSalt { get; init; }

    /// <summary>
    /// When true, a word or phrase replaced once is replaced everywhere in the text, always by the same synonym, as
    /// spinners that map each dictionary word to one replacement do; when false (default), each occurrence is chosen
    /// and replaced on its own, as spintax-style spinners do.
    /// </summary>
    public bool Consistent { get; init; }

    /// <summary>Whether multi-word headwords are matched.</summary>
    public bool UsePhrases { get; init; } = Defaults.UsePhrases;

    /// <summary>Whether re-inflected synonyms must allow the inflection's part of speech.</summary>
    public bool SamePartOfSpeech { get; init; } = Defaults.SamePartOfSpeech;

    /// <summary>Seed of the random choices; the same text, options and seed give the same output.</summary>
    public int Seed { get; init; }

    /// <summary>Short description for logs and the corpus ("uniform/common/half").</summary>
    public string Describe() =>
        $"{StyleName(Style)}/{(Choice == SynonymChoice.CommonOnly ? "common" : "uniform")}/{(SubsetSalt is null ? "full" : "half")}{(Consistent ? "/consistent" : "")}";

    /// <summary>The kebab-case name of a style as written to files.</summary>
    public static string StyleName(SpinStyle style) => style switch
    {
        SpinStyle.Uniform => "uniform",
        SpinStyle.EveryNth => "every-nth",
        SpinStyle.Partial => "partial",
        SpinStyle.Mixed => "mixed",
        _ => throw new ArgumentOutOfRangeException(nameof(style), style, "Unknown spin style."),
    };

    /// <summary>Parses a style name as written by <see cref="StyleName"/>.</summary>
    /// <exception cref="ArgumentException">The name is not a style.</exception>
    public static SpinStyle ParseStyle(string name) => name.ToLowerInvariant() switch
    {
        "uniform" => SpinStyle.Uniform,
        "every-nth" or "everynth" or "nth" => SpinStyle.EveryNth,
        "partial" => SpinStyle.Partial,
        "mixed" or "mix" => SpinStyle.Mixed,
        _ => throw new ArgumentException($"Unknown spin style '{name}'; use uniform, every-nth, partial or mixed.", nameof(name)),
    };

    /// <summary>Throws when a value is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of its range (the message names it).</exception>
    public void Validate()
    {
        if (double.IsNaN(Rate) || Rate < 0 || Rate > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Rate), Rate, "Spin rate must lie between 0 and 1.");
        }

        if (EveryNth < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(EveryNth), EveryNth, "Every-Nth must be at least 1.");
        }

        if (double.IsNaN(PartialShare) || PartialShare < 0 || PartialShare > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(PartialShare), PartialShare, "Partial share must lie between 0 and 1.");
        }

        if (CommonRankCut < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(CommonRankCut), CommonRankCut, "Common rank cut must be at least 1.");
        }

        if (double.IsNaN(Curation) || Curation < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Curation), Curation, "Curation must be zero or positive.");
        }
    }
}
