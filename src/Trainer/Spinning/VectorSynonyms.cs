using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using SpinDetect.Lexicon;

namespace SpinDetect.Training.Spinning;

/// <summary>
/// A second training dictionary that owes nothing to the Moby thesaurus: a lemma's "synonyms" are its nearest
/// neighbours by word-vector cosine among the most frequent content lemmas, sharing a part of speech and not a form
/// of the same lemma ("employee" → worker, staffer; "purse" → wallet, handbag). Such pairs are what a curated
/// dictionary the detector has never seen looks like from the detector's side: most of the originals are not among
/// a word's Moby reverse synonyms, so the token model must learn to read the context, not the candidate list (issue
/// 10's generalisation to unseen dictionaries). Built deterministically from the lexicon and the word vectors.
/// </summary>
internal sealed class VectorSynonyms : ISynonymDictionary
{
    private const int Padded = 112; // 100 dimensions padded to whole 16-lane vectors

    private readonly Dictionary<string, string[]> _entries;

    private VectorSynonyms(Dictionary<string, string[]> entries) => _entries = entries;

    /// <inheritdoc />
    public string Name => "vectors";

    /// <inheritdoc />
    public int MaxPhraseWords => 1;

    /// <summary>Number of headwords with at least one neighbour.</summary>
    public int HeadwordCount => _entries.Count;

    /// <inheritdoc />
    public bool TryGetSynonyms(string headword, out IReadOnlyList<string> synonyms)
    {
        if (_entries.TryGetValue(headword, out var found))
        {
            synonyms = found;
            return true;
        }

        synonyms = [];
        return false;
    }

    /// <summary>
    /// Builds the dictionary: the <paramref name="options"/>' most frequent content lemmas with a vector are the
    /// headwords, each with its nearest neighbours among the most frequent ones (best first, ties by frequency).
    /// </summary>
    /// <exception cref="ArgumentException">The vectors have more than 112 dimensions.</exception>
    public static VectorSynonyms Build(ReferenceLexicon lexicon, WordEmbeddings vectors, VectorSynonymOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        ArgumentNullException.ThrowIfNull(vectors);
        options ??= new VectorSynonymOptions();
        options.Validate();
        if (vectors.Dimensions > Padded)
        {
            throw new ArgumentException($"Word vectors of {vectors.Dimensions} dimensions; at most {Padded} are supported.", nameof(vectors));
        }

        var lemmas = FrequentLemmas(lexicon, vectors);
        var headwords = lemmas.GetRange(0, Math.Min(options.Headwords, lemmas.Count));
        var targets = lemmas.GetRange(0, Math.Min(options.Targets, lemmas.Count)).ToArray();
        var targetVectors = new short[targets.Length * Padded];
        var targetNorms = new float[targets.Length];
        for (var t = 0; t < targets.Length; t++)
        {
            Widen(vectors.Vector(targets[t]), targetVectors.AsSpan(t * Padded, Padded));
            targetNorms[t] = vectors.InverseNorm(targets[t]);
        }

        var found = new int[headwords.Count][];
        Parallel.For(0, headwords.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Min(2, Environment.ProcessorCount) }, h =>
        {
            found[h] = Nearest(lexicon, vectors, headwords[h], targets, targetVectors, targetNorms, options);
        });

        var entries = new Dictionary<string, string[]>(StringComparer.Ordinal);
        for (var h = 0; h < headwords.Count; h++)
        {
            if (found[h].Length == 0)
            {
                continue;
            }

            var words = new string[found[h].Length];
            for (var i = 0; i < words.Length; i++)
            {
                words[i] = lexicon.Word(found[h][i]);
            }

            entries[lexicon.Word(headwords[h])] = words;
        }

        return new VectorSynonyms(entries);
    }

    // Content lemmas (lowercase letters, two or more, with a vector and a part of speech), most frequent first.
    private static List<int> FrequentLemmas(ReferenceLexicon lexicon, WordEmbeddings vectors)
    {
        var lemmas = new List<int>();
        for (var id = 0; id < lexicon.WordCount; id++)
        {
            var word = lexicon.WordSpan(id);
            if (vectors.Has(id) && word.Length >= 2 && IsLowercaseLetters(word) && lexicon.LemmaPartsOfSpeech(id) != PartsOfSpeech.None
                && !FunctionWords.Contains(word))
            {
                lemmas.Add(id);
            }
        }

        lemmas.Sort((a, b) =>
        {
            var c = lexicon.Unigram(b).CompareTo(lexicon.Unigram(a));
            return c != 0 ? c : a.CompareTo(b);
        });
        return lemmas;
    }

    private static bool IsLowercaseLetters(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (c is < 'a' or > 'z')
            {
                return false;
            }
        }

        return true;
    }

    private static int[] Nearest(
        ReferenceLexicon lexicon, WordEmbeddings vectors, int w, int[] targets, short[] targetVectors, float[] targetNorms, VectorSynonymOptions options)
    {
        Span<short> source = stackalloc short[Padded];
        Widen(vectors.Vector(w), source);
        Span<Vector256<short>> s = stackalloc Vector256<short>[Padded / 16];
        for (var i = 0; i < s.Length; i++)
        {
            s[i] = Vector256.Create<short>(source.Slice(i * 16, 16));
        }

        var k = options.Neighbours;
        var sourceNorm = vectors.InverseNorm(w);
        var partsOfSpeech = lexicon.LemmaPartsOfSpeech(w);
        Span<int> bestIds = stackalloc int[k];
        Span<float> bestCosines = stackalloc float[k];
        var count = 0;
        for (var t = 0; t < targets.Length; t++)
        {
            var cosine = Dot(s, targetVectors.AsSpan(t * Padded, Padded)) * sourceNorm * targetNorms[t];
            if (cosine < options.MinCosine || (count == k && cosine <= bestCosines[k - 1]))
            {
                continue;
            }

            var c = targets[t];
            if (c == w || (lexicon.LemmaPartsOfSpeech(c) & partsOfSpeech) == 0 || SharesLemma(lexicon, w, c))
            {
                continue;
            }

            // Insert in descending cosine order; an equal cosine goes after (the more frequent target came first).
            var at = Math.Min(count, k - 1);
            while (at > 0 && bestCosines[at - 1] < cosine)
            {
                bestCosines[at] = bestCosines[at - 1];
                bestIds[at] = bestIds[at - 1];
                at--;
            }

            bestCosines[at] = cosine;
            bestIds[at] = c;
            count = Math.Min(k, count + 1);
        }

        return bestIds[..count].ToArray();
    }

    private static float Dot(ReadOnlySpan<Vector256<short>> source, ReadOnlySpan<short> row)
    {
        if (Avx2.IsSupported)
        {
            var sum = Vector256<int>.Zero;
            for (var i = 0; i < source.Length; i++)
            {
                sum = Avx2.Add(sum, Avx2.MultiplyAddAdjacent(source[i], Vector256.Create<short>(row.Slice(i * 16, 16))));
            }

            return Vector256.Sum(sum);
        }

        var total = 0;
        for (var i = 0; i < source.Length; i++)
        {
            for (var j = 0; j < 16; j++)
            {
                total += source[i].GetElement(j) * row[(i * 16) + j];
            }
        }

        return total;
    }

    // "run" and "ran", "employ" and "employment" are one word to a spinner's reader: never neighbours.
    private static bool SharesLemma(ReferenceLexicon lexicon, int a, int b)
    {
        foreach (var x in lexicon.Analyses(a))
        {
            if (x.WordId == b)
            {
                return true;
            }

            foreach (var y in lexicon.Analyses(b))
            {
                if (y.WordId == x.WordId)
                {
                    return true;
                }
            }
        }

        foreach (var y in lexicon.Analyses(b))
        {
            if (y.WordId == a)
            {
                return true;
            }
        }

        return false;
    }

    private static void Widen(ReadOnlySpan<sbyte> vector, Span<short> into)
    {
        into.Clear();
        for (var i = 0; i < vector.Length; i++)
        {
            into[i] = vector[i];
        }
    }
}
