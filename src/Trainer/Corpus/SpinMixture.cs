using SpinDetect.Training.Spinning;

namespace SpinDetect.Training.Corpus;

/// <summary>
/// Draws the spin settings of one training text, so that the corpus mixes rate, style, synonym choice and
/// dictionary subset across documents (issue 10): rates from 2% to 80% spread over the evaluation bands,
/// common-only choice more often than uniform, half of the texts on a random half of the dictionary.
/// </summary>
internal static class SpinMixture
{
    // Rate bands (share of content words) and how often each is drawn: under 5%, 5–15%, 15–30%, 30–80%.
    private static readonly (double Low, double High, double Weight)[] RateBands =
        [(0.02, 0.05, 0.15), (0.05, 0.15, 0.30), (0.15, 0.30, 0.30), (0.30, 0.80, 0.25)];

    private static readonly int[] RankCuts = [5_000, 10_000, 20_000];

    /// <summary>Share of texts spun with common-only choice.</summary>
    public const double CommonShare = 0.6;

    /// <summary>Share of texts spun with a random half of the dictionary.</summary>
    public const double HalfShare = 0.5;

    /// <summary>
    /// Share of texts spun consistently (every occurrence of a replaced word gets the same synonym), so that the
    /// model does not learn that a repeated word is never a substitute.
    /// </summary>
    public const double ConsistentShare = 0.4;

    /// <summary>Draws a rate from the bands.</summary>
    public static double DrawRate(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var pick = random.NextDouble();
        foreach (var (low, high, weight) in RateBands)
        {
            if (pick < weight)
            {
                return low + (random.NextDouble() * (high - low));
            }

            pick -= weight;
        }

        return RateBands[^1].High;
    }

    /// <summary>Settings for one training text.</summary>
    public static SpinOptions Draw(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var rate = DrawRate(random);
        var styleRoll = random.NextDouble();
        var style = styleRoll < 0.4 ? SpinStyle.Uniform : styleRoll < 0.6 ? SpinStyle.EveryNth : styleRoll < 0.8 ? SpinStyle.Partial : SpinStyle.Mixed;
        var options = new SpinOptions
        {
            Style = style,
            Rate = style == SpinStyle.Partial ? Math.Min(1, rate * 1.5) : rate,
            EveryNth = Math.Clamp((int)Math.Round(1 / rate), 2, 50),
            PartialShare = 0.3 + (random.NextDouble() * 0.5),
            Choice = random.NextDouble() < CommonShare ? SynonymChoice.CommonOnly : SynonymChoice.Uniform,
            CommonRankCut = RankCuts[random.Next(RankCuts.Length)],
            // From 0 (uniform inside the frequency cut: mid-frequency, formal synonyms such as "commence") to 1.5
            // (strongly the most frequent synonym): curated dictionaries hold both kinds.
            Curation = random.NextDouble() * 1.5,
            SubsetSalt = random.NextDouble() < HalfShare ? (ulong)random.NextInt64() : null,
            Seed = random.Next(),
        };

        // Decided from the seed, not by a further draw, so the evaluation texts drawn after it stay as they were.
        return options with { Consistent = Spinner.UnitInterval(0x5EED_C0DEUL ^ (uint)options.Seed) < ConsistentShare };
    }

    /// <summary>Settings for a WordNet evaluation text: uniform style, a drawn rate, the given choice, full dictionary.</summary>
    public static SpinOptions DrawEvaluation(Random random, SynonymChoice choice)
    {
        ArgumentNullException.ThrowIfNull(random);
        return new SpinOptions
        {
            Style = SpinStyle.Uniform,
            Rate = DrawRate(random),
            Choice = choice,
            Seed = random.Next(),
        };
    }

}
