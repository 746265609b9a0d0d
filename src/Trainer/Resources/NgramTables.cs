using SpinDetect.Lexicon;

namespace SpinDetect.Training.Resources;

/// <summary>
/// Re-orders the model's n-grams from sphinxbase's reversed order (grouped by predicted word) into forward
/// order (bigrams grouped by first word, trigrams grouped by their leading bigram), so one bigram search
/// yields both P(w2 | w1), the backoff of history "w1 w2" and the trigram run, and packs them with
/// 8-bit quantised values (<see cref="NgramLayout"/>).
/// </summary>
internal sealed class NgramTables
{
    internal required int[] BigramOffsets { get; init; }

    internal required ulong[] Bigrams { get; init; }

    internal required uint[] Trigrams { get; init; }

    internal required float[] QuantTables { get; init; }

    internal int UnreachableBigrams { get; init; }

    internal int DroppedTrigrams { get; init; }

    internal float MaxBigramError { get; init; }

    internal float MeanBigramError { get; init; }

    internal float MeanTrigramError { get; init; }

    internal static NgramTables Build(SphinxTrieLanguageModel model)
    {
        var n = model.Words.Length;
        var reachable = model.UnigramNext[n];

        // Forward order by counting sort on w1; scanning w2 ascending keeps each w1 group sorted by w2.
        var offsets = new int[n + 1];
        for (var i = 0; i < reachable; i++)
        {
            offsets[model.BigramWord[i] + 1]++;
        }

        for (var w = 0; w < n; w++)
        {
            offsets[w + 1] += offsets[w];
        }

        var cursor = (int[])offsets.Clone();
        var source = new int[reachable];      // forward position → sphinx entry
        var forwardKey = new int[reachable];  // forward position → w2
        for (var w2 = 0; w2 < n; w2++)
        {
            for (var i = model.UnigramNext[w2]; i < model.UnigramNext[w2 + 1]; i++)
            {
                var position = cursor[model.BigramWord[i]]++;
                source[position] = i;
                forwardKey[position] = w2;
            }
        }

        // Trigram "w0 w1 w2" sits under sphinx bigram (w1, w2); forward it sits under bigram (w0, w1), keyed by w2.
        var parentCount = new int[reachable + 1];
        var tripleParent = new int[model.TrigramCount];
        var tripleWord = new int[model.TrigramCount];
        var tripleProb = new float[model.TrigramCount];
        var triples = 0;
        var dropped = 0;
        for (var w2 = 0; w2 < n; w2++)
        {
            for (var i = model.UnigramNext[w2]; i < model.UnigramNext[w2 + 1]; i++)
            {
                var w1 = model.BigramWord[i];
                for (var j = model.BigramNext[i]; j < model.BigramNext[i + 1]; j++)
                {
                    var w0 = model.TrigramWord[j];
                    var parent = Array.BinarySearch(forwardKey, offsets[w0], offsets[w0 + 1] - offsets[w0], w1);
                    if (parent < 0)
                    {
                        dropped++;
                        continue;
                    }

                    tripleParent[triples] = parent;
                    tripleWord[triples] = w2;
                    tripleProb[triples] = model.TrigramProb[j];
                    parentCount[parent + 1]++;
                    triples++;
                }
            }
        }

        for (var p = 0; p < reachable; p++)
        {
            parentCount[p + 1] += parentCount[p];
        }

        var bigramProbs = new float[reachable];
        var bigramBackoffs = new float[reachable];
        for (var p = 0; p < reachable; p++)
        {
            bigramProbs[p] = model.BigramProb[source[p]];
            bigramBackoffs[p] = model.BigramBackoff[source[p]];
        }

        var probQuantizer = LogProbabilityQuantizer.Fit(bigramProbs);
        var backoffQuantizer = LogProbabilityQuantizer.Fit(bigramBackoffs);
        var trigramQuantizer = LogProbabilityQuantizer.Fit(tripleProb.AsSpan(0, triples));

        var trigrams = new uint[triples];
        var trigramCursor = (int[])parentCount.Clone();
        double trigramError = 0;
        for (var t = 0; t < triples; t++)
        {
            var code = trigramQuantizer.Encode(tripleProb[t]);
            trigrams[trigramCursor[tripleParent[t]]++] = NgramLayout.PackTrigram(tripleWord[t], code);
            trigramError += Math.Abs(trigramQuantizer.Levels[code] - tripleProb[t]);
        }

        var bigrams = new ulong[reachable + 1];
        double bigramError = 0;
        float maxBigramError = 0;
        for (var p = 0; p < reachable; p++)
        {
            var prob = probQuantizer.Encode(bigramProbs[p]);
            var backoff = backoffQuantizer.Encode(bigramBackoffs[p]);
            bigrams[p] = NgramLayout.PackBigram(forwardKey[p], prob, backoff, parentCount[p]);
            var error = Math.Abs(probQuantizer.Levels[prob] - bigramProbs[p]);
            bigramError += error;
            maxBigramError = Math.Max(maxBigramError, error);
        }

        bigrams[reachable] = NgramLayout.BigramSentinel(triples);
        var quant = new float[NgramLayout.QuantTablesLength];
        probQuantizer.Levels.CopyTo(quant, 0);
        backoffQuantizer.Levels.CopyTo(quant, NgramLayout.BigramBackoffTable);
        trigramQuantizer.Levels.CopyTo(quant, NgramLayout.TrigramProbTable);
        return new NgramTables
        {
            BigramOffsets = offsets,
            Bigrams = bigrams,
            Trigrams = trigrams,
            QuantTables = quant,
            UnreachableBigrams = model.BigramCount - reachable,
            DroppedTrigrams = dropped,
            MaxBigramError = maxBigramError,
            MeanBigramError = reachable == 0 ? 0 : (float)(bigramError / reachable),
            MeanTrigramError = triples == 0 ? 0 : (float)(trigramError / triples),
        };
    }
}
