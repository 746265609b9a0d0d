using SpinDetect.Text;
using SpinDetect.Training.Resources;

namespace SpinDetect.Training.Spinning;

/// <summary>
/// An <see cref="IWordFrequencies"/> from a table of word weights: either counts of lowercase words in
/// texts (so that proper nouns, which appear capitalised, get no count) or the unigram probabilities of the
/// reference language model.
/// </summary>
internal sealed class WordFrequencyList : IWordFrequencies
{
    private readonly Dictionary<string, (int Rank, double Frequency)> _table;

    private WordFrequencyList(string name, Dictionary<string, double> weights)
    {
        Name = name;
        var ordered = new List<KeyValuePair<string, double>>(weights);
        // Ties broken by the word so ranks do not depend on dictionary order.
        ordered.Sort((a, b) => b.Value != a.Value ? b.Value.CompareTo(a.Value) : string.CompareOrdinal(a.Key, b.Key));
        _table = new Dictionary<string, (int, double)>(ordered.Count, StringComparer.Ordinal);
        for (var i = 0; i < ordered.Count; i++)
        {
            _table[ordered[i].Key] = (i + 1, ordered[i].Value);
        }
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>Number of words with a frequency.</summary>
    public int Count => _table.Count;

    /// <summary>Counts the lowercase words (no capital letter) of <paramref name="texts"/>.</summary>
    public static WordFrequencyList FromTexts(IEnumerable<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var counts = new Dictionary<string, double>(StringComparer.Ordinal);
        var lookup = counts.GetAlternateLookup<ReadOnlySpan<char>>();
        using var tokens = new TokenList();
        foreach (var text in texts)
        {
            Tokenizer.Tokenize(text, tokens);
            foreach (var token in tokens.AsSpan())
            {
                if (token.Kind != TokenKind.Word || (token.Flags & (TokenFlags.Capitalized | TokenFlags.AllCaps | TokenFlags.MixedCase)) != 0)
                {
                    continue;
                }

                var word = token.Slice(text);
                lookup[word] = lookup.TryGetValue(word, out var count) ? count + 1 : 1;
            }
        }

        return new WordFrequencyList("corpus-counts", counts);
    }

    /// <summary>Frequencies from explicit weights (tests, or a list read from elsewhere).</summary>
    public static WordFrequencyList FromWeights(string name, IEnumerable<KeyValuePair<string, double>> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var table = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (word, weight) in weights)
        {
            if (weight > 0)
            {
                table[word.ToLowerInvariant()] = Math.Max(weight, table.GetValueOrDefault(word.ToLowerInvariant()));
            }
        }

        return new WordFrequencyList(name, table);
    }

    /// <summary>Unigram probabilities of the language model (sentence markers and non-words left out).</summary>
    public static WordFrequencyList FromLanguageModel(SphinxTrieLanguageModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var weights = new List<KeyValuePair<string, double>>(model.Words.Length);
        for (var i = 0; i < model.Words.Length; i++)
        {
            var word = model.Words[i];
            if (word.Length == 0 || !char.IsLetter(word[0]) || word.Contains('(', StringComparison.Ordinal))
            {
                continue;
            }

            weights.Add(new(word, Math.Pow(10, model.UnigramProb[i])));
        }

        var list = FromWeights("lm-unigrams", weights);
        return list;
    }

    /// <inheritdoc />
    public int Rank(string word) => _table.TryGetValue(word, out var entry) ? entry.Rank : int.MaxValue;

    /// <inheritdoc />
    public double Frequency(string word) => _table.TryGetValue(word, out var entry) ? entry.Frequency : 0;
}
