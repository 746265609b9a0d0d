using System.Text;

namespace SpinDetect.Training.Evaluation.Tortured;

/// <summary>
/// A short synthetic abstract of carrier sentences, in its clean form (every phrase as expected) and with
/// 1, 2, 4… of its phrases tortured. The tortured versions are nested: the one with two tortured phrases
/// contains the one tortured phrase of the first, so counts are compared on the same text.
/// </summary>
/// <param name="Rows">Indices of the pairs, one per sentence.</param>
/// <param name="Clean">The abstract with every phrase as expected (the negative).</param>
/// <param name="Tortured">The abstract with <c>TorturedCounts[i]</c> tortured phrases, in options order.</param>
internal sealed record SyntheticAbstract(IReadOnlyList<int> Rows, string Clean, IReadOnlyList<string> Tortured)
{
    /// <summary>
    /// Builds <see cref="TorturedEvaluationOptions.AbstractCount"/> abstracts from <paramref name="pairs"/>,
    /// deterministically from the seed. None when there are fewer pairs than sentences in the longest abstract.
    /// </summary>
    public static IEnumerable<SyntheticAbstract> Build(
        IReadOnlyList<TorturedPair> pairs, IReadOnlyList<CarrierTemplate> templates, TorturedEvaluationOptions options)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentNullException.ThrowIfNull(templates);
        ArgumentNullException.ThrowIfNull(options);
        if (pairs.Count < options.MaxAbstractSentences || templates.Count == 0)
        {
            yield break;
        }

        var random = new Random(options.Seed);
        var text = new StringBuilder();
        for (var a = 0; a < options.AbstractCount; a++)
        {
            var length = random.Next(options.MinAbstractSentences, options.MaxAbstractSentences + 1);
            var rows = Sampling.Distinct(random, pairs.Count, length);
            var chosen = templates.Count >= length
                ? Sampling.Distinct(random, templates.Count, length)
                : Enumerable.Range(0, length).Select(_ => random.Next(templates.Count)).ToArray();

            // rank[s] < k means sentence s carries its tortured phrase in the version with k tortured phrases.
            var rank = Sampling.Distinct(random, length, length);
            var tortured = new string[options.TorturedCounts.Count];
            for (var c = 0; c < tortured.Length; c++)
            {
                tortured[c] = Compose(pairs, templates, rows, chosen, rank, options.TorturedCounts[c], text);
            }

            yield return new SyntheticAbstract(rows, Compose(pairs, templates, rows, chosen, rank, 0, text), tortured);
        }
    }

    private static string Compose(
        IReadOnlyList<TorturedPair> pairs, IReadOnlyList<CarrierTemplate> templates, int[] rows, int[] chosen, int[] rank,
        int torturedCount, StringBuilder text)
    {
        text.Clear();
        for (var s = 0; s < rows.Length; s++)
        {
            var pair = pairs[rows[s]];
            if (s > 0)
            {
                text.Append(' ');
            }

            text.Append(templates[chosen[s]].Render(rank[s] < torturedCount ? pair.Tortured : pair.Expected).Text);
        }

        return text.ToString();
    }
}
