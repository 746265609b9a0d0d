using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using SpinDetect.Lexicon;

namespace SpinDetect.Features;

/// <summary>
/// A candidate source that does not depend on any synonym dictionary: for each word with a vector, its nearest
/// neighbours by cosine among the most frequent content words with vectors, in the same inflection and not a form of
/// the same lemma. Built deterministically from the word vectors (brute force, parallel over source words).
/// </summary>
internal static class VectorNeighbours
{
    private const int Padded = 112; // 100 dimensions padded to whole 16-lane vectors

    /// <summary>
    /// For every word id, up to <paramref name="k"/> neighbours (best first, ties by frequency rank) among the
    /// <paramref name="targets"/> most frequent content words with vectors whose cosine is at least
    /// <paramref name="minCosine"/>: (offsets, ids) with word w's neighbours at ids[offsets[w] .. offsets[w + 1]).
    /// </summary>
    internal static (int[] Offsets, int[] Ids) Build(ReferenceLexicon lexicon, WordEmbeddings vectors, int targets, int k, float minCosine)
    {
        if (vectors.Dimensions > Padded || !Avx2.IsSupported)
        {
            return (new int[lexicon.WordCount + 1], []);
        }

        var byFrequency = new List<int>();
        for (var id = 0; id < lexicon.WordCount; id++)
        {
            if (vectors.Has(id) && id != lexicon.SentenceStart && id != lexicon.SentenceEnd
                && !FunctionWords.Contains(lexicon.WordSpan(id)) && lexicon.WordSpan(id).Length >= 2
                && !lexicon.WordSpan(id).Contains('\''))
            {
                byFrequency.Add(id);
            }
        }

        byFrequency.Sort((a, b) =>
        {
            var c = lexicon.Unigram(b).CompareTo(lexicon.Unigram(a));
            return c != 0 ? c : a.CompareTo(b);
        });
        var targetIds = byFrequency.GetRange(0, Math.Min(targets, byFrequency.Count)).ToArray();
        var targetVectors = new short[targetIds.Length * Padded];
        var targetNorms = new float[targetIds.Length];
        for (var t = 0; t < targetIds.Length; t++)
        {
            Widen(vectors.Vector(targetIds[t]), targetVectors.AsSpan(t * Padded, Padded));
            targetNorms[t] = vectors.InverseNorm(targetIds[t]);
        }

        var inflections = new int[lexicon.WordCount];
        for (var id = 0; id < lexicon.WordCount; id++)
        {
            var mask = lexicon.LemmaPartsOfSpeech(id) != PartsOfSpeech.None ? 1 : 0;
            foreach (var analysis in lexicon.Analyses(id))
            {
                mask |= 1 << (int)analysis.Inflection;
            }

            inflections[id] = mask;
        }

        var found = new int[lexicon.WordCount][];
        Parallel.For(0, lexicon.WordCount, new ParallelOptions { MaxDegreeOfParallelism = 2 }, w =>
        {
            found[w] = vectors.Has(w) ? Nearest(lexicon, vectors, w, targetIds, targetVectors, targetNorms, inflections, k, minCosine) : [];
        });

        var offsets = new int[lexicon.WordCount + 1];
        for (var w = 0; w < lexicon.WordCount; w++)
        {
            offsets[w + 1] = offsets[w] + found[w].Length;
        }

        var ids = new int[offsets[^1]];
        for (var w = 0; w < lexicon.WordCount; w++)
        {
            found[w].CopyTo(ids, offsets[w]);
        }

        return (offsets, ids);
    }

    private static int[] Nearest(
        ReferenceLexicon lexicon, WordEmbeddings vectors, int w, int[] targetIds, short[] targetVectors, float[] targetNorms,
        int[] inflections, int k, float minCosine)
    {
        Span<short> source = stackalloc short[Padded];
        Widen(vectors.Vector(w), source);
        var s = new Vector256<short>[Padded / 16];
        for (var i = 0; i < s.Length; i++)
        {
            s[i] = Vector256.Create<short>(source.Slice(i * 16, 16));
        }

        var sourceNorm = vectors.InverseNorm(w);
        var bestIds = new int[k];
        var bestCosines = new float[k];
        bestCosines.AsSpan().Fill(float.NegativeInfinity);
        var count = 0;
        var floor = minCosine;
        for (var t = 0; t < targetIds.Length; t++)
        {
            var row = targetVectors.AsSpan(t * Padded, Padded);
            var sum = Vector256<int>.Zero;
            for (var i = 0; i < s.Length; i++)
            {
                sum = Avx2.Add(sum, Avx2.MultiplyAddAdjacent(s[i], Vector256.Create<short>(row.Slice(i * 16, 16))));
            }

            var cosine = Vector256.Sum(sum) * sourceNorm * targetNorms[t];
            if (cosine < floor || (count == k && cosine <= bestCosines[k - 1]))
            {
                continue;
            }

            var c = targetIds[t];
            var (pw, pc) = (lexicon.PartsOfSpeechOf(w), lexicon.PartsOfSpeechOf(c));
            if (c == w || (inflections[w] != 0 && inflections[c] != 0 && (inflections[w] & inflections[c]) == 0)
                || (pw != PartsOfSpeech.None && pc != PartsOfSpeech.None && (pw & pc) == 0)
                || SharesLemma(lexicon, w, c))
            {
                continue;
            }

            // Insert in descending cosine order (a later target with an equal cosine goes after: frequency rank breaks ties).
            var at = Math.Min(count, k - 1);
            while (at > 0 && bestCosines[at - 1] < cosine)
            {
                if (at < k)
                {
                    bestCosines[at] = bestCosines[at - 1];
                    bestIds[at] = bestIds[at - 1];
                }

                at--;
            }

            bestCosines[at] = cosine;
            bestIds[at] = c;
            count = Math.Min(k, count + 1);
        }

        return bestIds.AsSpan(0, count).ToArray();
    }

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
                if (y.WordId == x.WordId || y.WordId == a)
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
