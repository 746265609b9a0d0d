namespace SpinDetect.Training.Spinning;

/// <summary>How <see cref="VectorSynonyms"/> is built. Every default is listed in <see cref="Defaults"/>.</summary>
internal sealed record VectorSynonymOptions
{
    /// <summary>The documented defaults, in one place.</summary>
    public static class Defaults
    {
        /// <summary>Most frequent content lemmas that get neighbours (the words a spinner can replace).</summary>
        public const int Headwords = 30_000;

        /// <summary>Most frequent content lemmas a neighbour is drawn from (curated dictionaries offer common words).</summary>
        public const int Targets = 20_000;

        /// <summary>Neighbours kept per headword, best first.</summary>
        public const int Neighbours = 8;

        /// <summary>
        /// Lowest cosine of a neighbour: below about 0.55 GloVe neighbours are merely topical ("court" → "lawsuit").
        /// </summary>
        public const float MinCosine = 0.55f;
    }

    /// <summary>Most frequent content lemmas that get neighbours.</summary>
    public int Headwords { get; init; } = Defaults.Headwords;

    /// <summary>Most frequent content lemmas a neighbour is drawn from.</summary>
    public int Targets { get; init; } = Defaults.Targets;

    /// <summary>Neighbours kept per headword.</summary>
    public int Neighbours { get; init; } = Defaults.Neighbours;

    /// <summary>Lowest cosine of a neighbour.</summary>
    public float MinCosine { get; init; } = Defaults.MinCosine;

    /// <summary>Throws when a value is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range (the message names it).</exception>
    public void Validate()
    {
        if (Headwords < 1 || Targets < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Headwords), Headwords, "Headword and target counts must be positive.");
        }

        if (Neighbours is < 1 or > 64)
        {
            throw new ArgumentOutOfRangeException(nameof(Neighbours), Neighbours, "Neighbours must be 1 to 64.");
        }

        if (!(MinCosine is >= -1f and <= 1f))
        {
            throw new ArgumentOutOfRangeException(nameof(MinCosine), MinCosine, "The lowest cosine must be in [-1, 1].");
        }
    }
}
