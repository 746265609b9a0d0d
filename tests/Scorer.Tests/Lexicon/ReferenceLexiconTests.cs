using SpinDetect.Lexicon;

namespace SpinDetect.Tests.Lexicon;

public sealed class ReferenceLexiconTests
{
    private static readonly ReferenceLexicon Lexicon = TinyLexicon.Load(TinyLexicon.Bytes());

    [Theory]
    [InlineData("bag", 1)]
    [InlineData("BAG", 1)]
    [InlineData("Purse", 3)]
    [InlineData("<s>", 0)]
    [InlineData("bags", -1)]
    [InlineData("", -1)]
    [InlineData("ba", -1)]
    [InlineData("b\u00ADag", 1)]
    [InlineData("PUR\u200Bse", 3)]
    [InlineData("\u00AD", -1)]
    public void GetId_ignores_case_and_invisible_characters_and_returns_minus_one_for_unknown_words(string word, int expected)
    {
        Assert.Equal(expected, Lexicon.GetId(word));
    }

    [Fact]
    public void The_shared_lookups_of_a_right_context_equal_plain_log_probabilities()
    {
        // Every triple of the vocabulary and the unknown word, with the (r1, r2) bigram cache shared across x as the
        // featurizer shares it, and batch scoring after each history.
        var ids = Enumerable.Range(-1, Lexicon.WordCount + 1).ToArray();
        foreach (var l1 in ids)
        {
            foreach (var r1 in ids)
            {
                foreach (var r2 in ids.Append(-2))
                {
                    var r1r2 = ReferenceLexicon.NotSearched;
                    foreach (var x in ids)
                    {
                        var right = Lexicon.RightContext(l1, x, r1, r2, r2 != -2, ref r1r2, out var rightOrder, out var right2, out var right2Order);
                        Assert.Equal(Lexicon.LogProb(l1, x, r1, out var expectedOrder), right);
                        Assert.Equal(expectedOrder, rightOrder);
                        var expected2Order = 0;
                        Assert.Equal(r2 != -2 ? Lexicon.LogProb(x, r1, r2, out expected2Order) : 0f, right2);
                        Assert.Equal(expected2Order, right2Order);
                    }

                    if (r1 >= 0 && r2 >= 0)
                    {
                        Assert.Equal(Lexicon.LogProb(-1, r1, r2, out var bigramOrder), Lexicon.BigramLogProb(r1, r2, ref r1r2, out var order));
                        Assert.Equal(bigramOrder, order);
                    }
                }

                var history = Lexicon.History(l1, r1);
                var logProbs = new float[ids.Length];
                var orders = new int[ids.Length];
                Lexicon.LogProbs(history, ids.AsSpan(0, Math.Min(ids.Length, ReferenceLexicon.MaxBatch)), logProbs, orders);
                for (var i = 0; i < Math.Min(ids.Length, ReferenceLexicon.MaxBatch); i++)
                {
                    Assert.Equal(Lexicon.LogProb(history, ids[i], out var order), logProbs[i]);
                    Assert.Equal(order, orders[i]);
                }
            }
        }
    }

    [Fact]
    public void Batched_right_contexts_equal_one_right_context_at_a_time()
    {
        // Every (l1, r1, r2) of the vocabulary and the unknown word, with all x (and the unknown word) in one batch;
        // the shared (r1, r2) search must give what the one-at-a-time calls give.
        var ids = Enumerable.Range(-1, Lexicon.WordCount + 1).ToArray();
        var xs = ids.Take(ReferenceLexicon.MaxBatch).ToArray();
        foreach (var l1 in ids)
        {
            foreach (var r1 in ids)
            {
                foreach (var r2 in ids.Append(-2))
                {
                    RightContextAssert.BatchEqualsOneAtATime(Lexicon, l1, xs, r1, r2);
                }
            }
        }
    }

    [Fact]
    public void GetId_rejects_words_longer_than_any_in_the_vocabulary()
    {
        Assert.Equal(-1, Lexicon.GetId(new string('a', 10_000)));
    }

    [Fact]
    public void GetId_works_on_a_slice_of_a_larger_text()
    {
        var text = "out of the Bag.".AsSpan();
        Assert.Equal(Lexicon.GetId("bag"), Lexicon.GetId(text.Slice(11, 3)));
    }

    [Fact]
    public void Word_returns_the_stored_spelling()
    {
        for (var id = 0; id < Lexicon.WordCount; id++)
        {
            Assert.Equal(TinyLexicon.Words[id], Lexicon.Word(id));
            Assert.Equal(id, Lexicon.GetId(Lexicon.WordSpan(id)));
        }
    }

    [Fact]
    public void Sentence_markers_are_found()
    {
        Assert.Equal(0, Lexicon.SentenceStart);
        Assert.Equal(-1, Lexicon.SentenceEnd);
    }

    [Fact]
    public void Forward_synonyms_are_the_inverse_of_reverse_synonyms()
    {
        for (var w = 0; w < Lexicon.WordCount; w++)
        {
            foreach (var original in Lexicon.ReverseSynonyms(w))
            {
                Assert.Contains(w, Lexicon.Synonyms(original).ToArray());
            }

            foreach (var substitute in Lexicon.Synonyms(w))
            {
                Assert.Contains(w, Lexicon.ReverseSynonyms(substitute).ToArray());
            }
        }
    }

    [Fact]
    public void Analyses_unpack_lemma_word_class_and_inflection()
    {
        var analyses = Lexicon.Analyses(Lexicon.GetId("bag"));
        Assert.Equal(1, analyses.Length);
        Assert.Equal(new LexiconAnalysis(1, PartsOfSpeech.Noun, Inflection.None), analyses[0]);
        Assert.Equal(0, Lexicon.Analyses(Lexicon.GetId("the")).Length);
        Assert.Equal(-1, Lexicon.Inflect(Lexicon.GetId("bag"), Inflection.Plural));
        Assert.Equal(1, Lexicon.Inflect(1, Inflection.None));
    }

    [Fact]
    public void An_unknown_word_gets_the_lowest_real_unigram_probability()
    {
        var statistics = Lexicon;
        Assert.Equal(-5f, statistics.UnknownLogProb);
        Assert.Equal(-5f, statistics.LogProb(1, 4, -1, out var order));
        Assert.Equal(0, order);
        Assert.Equal(PartsOfSpeech.Noun, statistics.PartsOfSpeechOf(1));
    }

    [Theory]
    [InlineData(2, 4, -1.0f, 1, 2)]   // "of the": the trigram "of the bag" beats −0.25 + the best after "the" (−1.5)
    [InlineData(1, 4, -1.5f, 0, 2)]   // "bag the" is not stored: no backoff, the best after "the" is "the bag"
    [InlineData(-1, 2, -0.5f, 0, 1)]  // one-word history "of": the bigram "of the"
    [InlineData(4, 1, -2.35f, 0, 0)]  // "the bag" (backoff −0.75), no trigram run: −0.75 + backoff(bag) −0.1 + best unigram −1.5
    [InlineData(2, -1, -1.5f, 0, 0)]  // empty history: the best real unigram ("the")
    [InlineData(-1, 0, -2.0f, 0, 0)]  // the start marker, with no bigrams: its backoff plus the best unigram
    public void The_best_continuation_of_a_history_has_hand_computed_values(int w1, int w2, float best, int trigrams, int bigrams)
    {
        Assert.Equal(best, Lexicon.BestContinuation(Lexicon.History(w1, w2), out var t, out var b), 5);
        Assert.Equal(trigrams, t);
        Assert.Equal(bigrams, b);
    }

    [Fact]
    public void The_best_continuation_is_the_highest_log_probability_of_any_known_next_word()
    {
        // Exhaustively on the tiny lexicon (where the backoff bound is attained): never below any next word, equal to one.
        var ids = Enumerable.Range(-1, Lexicon.WordCount + 1).ToArray();
        foreach (var w1 in ids)
        {
            foreach (var w2 in ids)
            {
                var history = Lexicon.History(w1, w2);
                var best = Lexicon.BestContinuation(history, out _, out _);
                var max = Enumerable.Range(1, Lexicon.WordCount - 1).Max(w3 => Lexicon.LogProb(history, w3, out _));
                Assert.Equal(max, best, 5);
            }
        }
    }
}
