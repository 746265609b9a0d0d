using SpinDetect.Lexicon;

namespace SpinDetect.Tests.Lexicon;

/// <summary>Lookups in large successor groups, where the search interpolates before it bisects.</summary>
public sealed class NgramSearchTests
{
    private const int Words = 20_000;

    /// <summary>Word 0 is followed by a skewed set of successors (dense at low ids, sparse at high ids); word 1 by all even ids.</summary>
    private static (ReferenceLexicon Lexicon, HashSet<int> Skewed) Build()
    {
        var skewed = new SortedSet<int>();
        for (var i = 0; i < 4000; i++)
        {
            skewed.Add((int)((long)i * i % Words));
        }

        var evens = Enumerable.Range(0, Words / 2).Select(i => i * 2).ToArray();
        var bigrams = new List<ulong>();
        bigrams.AddRange(skewed.Select(w => NgramLayout.PackBigram(w, 1, 0, 0)));
        bigrams.AddRange(evens.Select(w => NgramLayout.PackBigram(w, 2, 0, 0)));
        bigrams.Add(NgramLayout.BigramSentinel(0));
        var offsets = new int[Words + 1];
        offsets[1] = skewed.Count;
        for (var w = 2; w <= Words; w++)
        {
            offsets[w] = skewed.Count + evens.Length;
        }

        var names = Enumerable.Range(0, Words).Select(i => "w" + i).ToArray();
        var charOffsets = new int[Words + 1];
        for (var i = 0; i < Words; i++)
        {
            charOffsets[i + 1] = charOffsets[i] + names[i].Length;
        }

        var quant = new float[NgramLayout.QuantTablesLength];
        quant[1] = -1f;
        quant[2] = -2f;
        var zeros = new int[Words + 1];
        var data = new LexiconData
        {
            VocabularyChars = string.Concat(names).ToCharArray(),
            VocabularyOffsets = charOffsets,
            UnigramProb = Enumerable.Repeat(-5f, Words).ToArray(),
            UnigramBackoff = new float[Words],
            BigramOffsets = offsets,
            Bigrams = [.. bigrams],
            Trigrams = [],
            QuantTables = quant,
            ReverseOffsets = zeros,
            ReverseIds = [],
            LemmaPartsOfSpeech = new byte[Words],
            FormPartsOfSpeech = new byte[Words],
            AnalysisOffsets = zeros,
            Analyses = [],
            FormOffsets = zeros,
            Forms = [],
            MorphologyBlob = MorphologySerializer.Serialize(new Morphology([], [])),
        };
        LexiconValidator.Validate(data, "large-groups");
        return (new ReferenceLexicon(data, "large-groups"), [.. skewed]);
    }

    [Fact]
    public void Every_successor_in_a_large_skewed_group_is_found_and_no_other()
    {
        var (lexicon, skewed) = Build();
        for (var w2 = 0; w2 < Words; w2++)
        {
            Assert.Equal(skewed.Contains(w2), lexicon.HasBigram(0, w2));
            Assert.Equal(skewed.Contains(w2) ? -1f : -5f, lexicon.Bigram(0, w2));
        }
    }

    [Fact]
    public void Every_successor_in_a_large_even_group_is_found_and_no_other()
    {
        var (lexicon, _) = Build();
        for (var w2 = 0; w2 < Words; w2++)
        {
            Assert.Equal(w2 % 2 == 0, lexicon.HasBigram(1, w2));
        }

        Assert.False(lexicon.HasBigram(2, 0));
    }

    [Fact]
    public void Scoring_many_next_words_after_one_history_equals_scoring_them_one_by_one()
    {
        var (lexicon, _) = Build();
        var random = new Random(5);
        foreach (var w2 in new[] { 0, 1, 2 })
        {
            var history = lexicon.History(7, w2);
            for (var round = 0; round < 200; round++)
            {
                var words = new int[random.Next(0, ReferenceLexicon.MaxBatch + 3)];
                for (var i = 0; i < words.Length; i++)
                {
                    words[i] = random.Next(10) == 0 ? -1 : random.Next(Words);
                }

                var logProbs = new float[words.Length];
                var orders = new int[words.Length];
                lexicon.LogProbs(history, words, logProbs, orders);
                for (var i = 0; i < words.Length; i++)
                {
                    Assert.Equal(lexicon.LogProb(history, words[i], out var order), logProbs[i]);
                    Assert.Equal(order, orders[i]);
                }
            }
        }
    }

    [Fact]
    public void Batched_right_contexts_in_large_groups_equal_one_right_context_at_a_time()
    {
        // Words 0 and 1 have thousands of successors (bucketed searches); x, l1 and r1 are drawn so that these
        // lists are searched, hit and missed.
        var (lexicon, _) = Build();
        var random = new Random(11);
        for (var round = 0; round < 2_000; round++)
        {
            var xs = new int[random.Next(0, ReferenceLexicon.MaxBatch + 1)];
            for (var i = 0; i < xs.Length; i++)
            {
                xs[i] = random.Next(8) switch { 0 => -1, 1 => 0, 2 => 1, _ => random.Next(Words) };
            }

            var l1 = random.Next(4) switch { 0 => -1, 1 => 0, 2 => 1, _ => random.Next(Words) };
            var r1 = random.Next(6) == 0 ? -1 : random.Next(Words);
            var r2 = random.Next(6) switch { 0 => -2, 1 => -1, _ => random.Next(Words) };
            RightContextAssert.BatchEqualsOneAtATime(lexicon, l1, xs, r1, r2);
        }
    }
}
