namespace SpinDetect.Training.Corpus;

/// <summary>How the corpus is built. Every default is listed in <see cref="Defaults"/>.</summary>
internal sealed record CorpusOptions
{
    /// <summary>The documented defaults, in one place.</summary>
    public static class Defaults
    {
        /// <summary>Seed of every random choice; the same cache and seed give the same corpus.</summary>
        public const int Seed = 1;

        /// <summary>Largest number of clean originals (each gets one spun twin); 0 = all pieces.</summary>
        public const int MaxOriginals = 8000;

        /// <summary>Most pieces one source contributes before sampling, so no register dominates.</summary>
        public const int MaxPerSource = 2500;

        /// <summary>Share of source documents in the training split.</summary>
        public const double TrainShare = 0.8;

        /// <summary>Share of source documents in the validation split (the rest is test).</summary>
        public const double ValidationShare = 0.1;

        /// <summary>Fewest words of any text.</summary>
        public const int MinWords = 50;

        /// <summary>Most words of any text.</summary>
        public const int MaxWords = 2000;

        /// <summary>State of the Union pieces: 150–1,200 words (article-sized).</summary>
        public const int SpeechMinWords = 150;

        /// <summary>State of the Union pieces: at most 1,200 words.</summary>
        public const int SpeechMaxWords = 1200;
    }

    /// <summary>Seed of every random choice.</summary>
    public int Seed { get; init; } = Defaults.Seed;

    /// <summary>Largest number of clean originals; 0 keeps all pieces.</summary>
    public int MaxOriginals { get; init; } = Defaults.MaxOriginals;

    /// <summary>Most pieces one source contributes.</summary>
    public int MaxPerSource { get; init; } = Defaults.MaxPerSource;

    /// <summary>Share of source documents in the training split.</summary>
    public double TrainShare { get; init; } = Defaults.TrainShare;

    /// <summary>Share of source documents in the validation split.</summary>
    public double ValidationShare { get; init; } = Defaults.ValidationShare;

    /// <summary>Fewest words of any text.</summary>
    public int MinWords { get; init; } = Defaults.MinWords;

    /// <summary>Most words of any text.</summary>
    public int MaxWords { get; init; } = Defaults.MaxWords;

    /// <summary>Whether WordNet evaluation texts are made from the test originals.</summary>
    public bool WordNetEvaluation { get; init; } = true;

    /// <summary>Throws when a value is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range (the message names it).</exception>
    public void Validate()
    {
        if (MaxOriginals < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxOriginals), MaxOriginals, "Size must be zero (all) or positive.");
        }

        if (MaxPerSource < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxPerSource), MaxPerSource, "Per-source cap must be positive.");
        }

        if (TrainShare <= 0 || ValidationShare < 0 || TrainShare + ValidationShare >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(TrainShare), TrainShare, "Train and validation shares must leave room for a test split.");
        }

        if (MinWords < 1 || MaxWords < MinWords)
        {
            throw new ArgumentOutOfRangeException(nameof(MinWords), MinWords, "Word bounds must satisfy 1 <= min <= max.");
        }
    }
}
