using System.Runtime.InteropServices;
using FsCheck;
using FsCheck.Fluent;
using SpinDetect.Features;
using SpinDetect.Lexicon;

namespace SpinDetect.Tests.Features;

public sealed class SpinFeaturizerTests
{
    private static readonly SpinFeaturizer Featurizer = new(TinyWordStatistics.CatAndBag());

    private static (string Word, float[] Row, string? Candidate)[] Rows(string text)
    {
        using var analysis = new DocumentAnalysis();
        Featurizer.Analyze(text, analysis);
        var rows = new (string, float[], string?)[analysis.EligibleCount];
        for (var e = 0; e < analysis.EligibleCount; e++)
        {
            var token = analysis.Tokens[analysis.StreamTokens[analysis.EligiblePositions[e]]];
            var best = analysis.BestCandidates[e];
            rows[e] = (text.Substring(token.Start, token.Length), analysis.Row(e).ToArray(),
                best >= 0 ? Featurizer.Statistics.Word(best) : null);
        }

        return rows;
    }

    [Fact]
    public void A_substitute_that_fits_its_context_worse_than_its_original_gets_a_positive_gap()
    {
        var spun = Rows("The cat is out of the purse.").Single(r => r.Word == "purse");
        Assert.Equal("bag", spun.Candidate);
        Assert.True(spun.Row[TokenFeatures.BestCandidateGap] > 1, $"gap {spun.Row[TokenFeatures.BestCandidateGap]}");

        var original = Rows("The cat is out of the bag.").Single(r => r.Word == "bag");
        Assert.Equal("purse", original.Candidate);
        Assert.True(original.Row[TokenFeatures.BestCandidateGap] < 0);
        Assert.True(original.Row[TokenFeatures.LeftOrder] > spun.Row[TokenFeatures.LeftOrder]);
    }

    [Fact]
    public void Slot_features_measure_how_far_the_word_falls_short_of_what_its_histories_expect()
    {
        var rows = Rows("The cat is out of the purse.");
        var purse = rows.Single(r => r.Word == "purse").Row;

        // After "of the" the best next word is "bag" (trigram −2.0); "purse" backs off to its bigram: −4.8 − 0.5.
        Assert.Equal(-2.0f, purse[TokenFeatures.SlotBestLogProb]);
        Assert.Equal(-5.3f - -2.0f, purse[TokenFeatures.SlotGap], 5);
        Assert.Equal(1f, purse[TokenFeatures.SlotTrigramContinuations]); // log2(1 + 1): "of the bag"
        Assert.Equal(2f, purse[TokenFeatures.SlotBigramContinuations]); // log2(1 + 3): "the cat", "the bag", "the purse"

        // On the right, "the purse" expects the end of the sentence best (bigram −1.0 − 0.5), and gets it.
        Assert.Equal(-1.5f, purse[TokenFeatures.RightSlotBestLogProb]);
        Assert.Equal(0f, purse[TokenFeatures.RightSlotGap]);

        // "cat" after "<s> the": no trigram; the bigram "the cat" (−3.0 − 0.5) against the end marker's unigram (−1.0 − 1.0).
        var cat = rows.Single(r => r.Word == "cat").Row;
        Assert.Equal(-2.0f, cat[TokenFeatures.SlotBestLogProb], 5);
        Assert.Equal(-1.5f, cat[TokenFeatures.SlotGap], 5);
        Assert.Equal(0f, cat[TokenFeatures.SlotTrigramContinuations]);
        Assert.Equal(2f, cat[TokenFeatures.SlotBigramContinuations]);

        // Document-relative: the gap against the median gap of the eligible words.
        var gaps = rows.Select(r => r.Row[TokenFeatures.SlotGap]).Order().ToArray();
        var median = gaps.Length % 2 == 1 ? gaps[gaps.Length / 2] : 0.5f * (gaps[(gaps.Length / 2) - 1] + gaps[gaps.Length / 2]);
        Assert.Equal(purse[TokenFeatures.SlotGap] - median, purse[TokenFeatures.SlotGapVsDocument], 5);
    }

    [Fact]
    public void A_candidate_original_used_elsewhere_in_the_text_and_repeated_words_are_counted()
    {
        var rows = Rows("The bag is out. The cat is out of the purse. The bag is out.");

        var purse = rows.Single(r => r.Word == "purse");
        Assert.Equal(0, purse.Row[TokenFeatures.WordRepeats]);
        Assert.Equal("bag", purse.Candidate);
        Assert.Equal(MathF.Log2(3), purse.Row[TokenFeatures.BestCandidateInDocument]);
        Assert.Equal(2, purse.Row[TokenFeatures.CandidatesInDocument]); // "bag" and "cat"

        var bag = rows.First(r => r.Word == "bag");
        Assert.Equal(1, bag.Row[TokenFeatures.WordRepeats]); // log2 of two occurrences
        Assert.Equal(1, bag.Row[TokenFeatures.BestCandidateInDocument]); // "purse" once
    }

    [Fact]
    public void Of_two_candidates_that_fit_the_context_equally_the_suggestion_is_the_one_that_fits_beyond_its_frequency()
    {
        var stats = new TinyWordStatistics()
            .Word("we", -2f).Word("saw", -3f, PartsOfSpeech.Verb).Word("counterfeit", -5.5f, PartsOfSpeech.Adjective)
            .Word("common", -3f, PartsOfSpeech.Adjective).Word("rare", -5f, PartsOfSpeech.Adjective)
            .Word("intelligence", -4.2f, PartsOfSpeech.Noun)
            .Bigram("<s>", "we", -1f).Bigram("we", "saw", -1.2f)
            .Bigram("saw", "common", -2f).Bigram("saw", "rare", -2f)
            .Bigram("common", "intelligence", -1f).Bigram("rare", "intelligence", -1f)
            .Synonyms("counterfeit", "common", "rare");
        var featurizer = new SpinFeaturizer(stats);
        using var analysis = new DocumentAnalysis();
        featurizer.Analyze("We saw counterfeit intelligence.", analysis);

        var e = Enumerable.Range(0, analysis.EligibleCount)
            .Single(i => analysis.StreamIds[analysis.EligiblePositions[i]] == stats.GetId("counterfeit"));
        Assert.Equal("rare", featurizer.Statistics.Word(featurizer.BestSuggestion(analysis, e)));
    }

    [Fact]
    public void A_suggestion_is_the_candidate_that_fits_the_whole_context_even_outside_the_left_context_shortlist()
    {
        var stats = new TinyWordStatistics()
            .Word("we", -2f).Word("saw", -3f, PartsOfSpeech.Verb).Word("counterfeit", -5.5f, PartsOfSpeech.Adjective)
            .Word("false", -3.5f, PartsOfSpeech.Adjective).Word("fake", -4.5f, PartsOfSpeech.Adjective)
            .Word("sham", -5f, PartsOfSpeech.Adjective).Word("artificial", -4.4f, PartsOfSpeech.Adjective)
            .Word("intelligence", -4.2f, PartsOfSpeech.Noun)
            .Bigram("<s>", "we", -1f).Bigram("we", "saw", -1.2f).Bigram("saw", "false", -1f).Bigram("saw", "fake", -1.2f)
            .Bigram("saw", "sham", -1.5f).Bigram("saw", "artificial", -3f).Bigram("artificial", "intelligence", -0.5f)
            .Synonyms("counterfeit", "false", "fake", "sham", "artificial");
        var featurizer = new SpinFeaturizer(stats);
        using var analysis = new DocumentAnalysis();
        featurizer.Analyze("We saw counterfeit intelligence.", analysis);

        var e = Enumerable.Range(0, analysis.EligibleCount)
            .Single(i => analysis.StreamIds[analysis.EligiblePositions[i]] == stats.GetId("counterfeit"));
        Assert.Equal("false", featurizer.Statistics.Word(analysis.BestCandidates[e]));
        Assert.Equal("artificial", featurizer.Statistics.Word(featurizer.BestSuggestion(analysis, e)));
    }

    [Fact]
    public void Word_counts_are_reset_between_documents()
    {
        using var analysis = new DocumentAnalysis();
        Featurizer.Analyze("The bag is out of the bag. The bag.", analysis);
        Featurizer.Analyze("The cat is out of the purse.", analysis);

        var purse = Enumerable.Range(0, analysis.EligibleCount)
            .Single(e => analysis.StreamIds[analysis.EligiblePositions[e]] == Featurizer.Statistics.GetId("purse"));
        Assert.Equal(0, analysis.Row(purse)[TokenFeatures.BestCandidateInDocument]);
    }

    [Fact]
    public void A_substitute_far_from_its_context_words_has_a_candidate_closer_to_them()
    {
        var stats = TinyWordStatistics.CatAndBag();
        var vectors = new sbyte[stats.WordCount * 2];
        void Set(string word, sbyte x, sbyte y)
        {
            var id = stats.GetId(word);
            vectors[2 * id] = x;
            vectors[(2 * id) + 1] = y;
        }

        Set("cat", 100, 0);
        Set("bag", 90, 40);
        Set("purse", 0, 100);
        var featurizer = new SpinFeaturizer(stats, new WordEmbeddings(2, vectors, "test"));
        using var analysis = new DocumentAnalysis();
        featurizer.Analyze("The cat is out of the purse.", analysis);
        var purse = analysis.Row(analysis.EligibleCount - 1);
        Assert.Equal(0, purse[TokenFeatures.ContextSimilarity], 3);
        Assert.True(purse[TokenFeatures.CandidateSimilarityGain] > 0.8f);
        Assert.True(purse[TokenFeatures.BestSimilarityGain] >= purse[TokenFeatures.CandidateSimilarityGain]);

        featurizer.Analyze("The cat is out of the bag.", analysis);
        var bag = analysis.Row(analysis.EligibleCount - 1);
        Assert.True(bag[TokenFeatures.ContextSimilarity] > 0.8f);
        Assert.True(bag[TokenFeatures.CandidateSimilarityGain] < 0);
    }

    [Fact]
    public void An_article_left_before_a_vowel_substitute_is_an_agreement_break()
    {
        var row = Rows("As a arise we won.").Single(r => r.Word == "arise").Row;
        Assert.Equal(1, row[TokenFeatures.ArticleMismatch]);
        Assert.Equal(1, row[TokenFeatures.DeterminerBeforeNonNominal]);
        Assert.Equal("result", Rows("As a arise we won.").Single(r => r.Word == "arise").Candidate);

        var clean = Rows("As a result we won.").Single(r => r.Word == "result").Row;
        Assert.Equal(0, clean[TokenFeatures.ArticleMismatch]);
        Assert.Equal(0, clean[TokenFeatures.DeterminerBeforeNonNominal]);
    }

    [Fact]
    public void Names_numbers_function_words_and_unknown_words_are_not_eligible()
    {
        // "Cat" starts the sentence, so it is no name; "owners" and "bags" are not in the tiny vocabulary.
        var words = Rows("Cat owners in Paris won 6,000 bags from NASA as a result.").Select(r => r.Word).ToArray();
        Assert.Equal(["Cat", "won", "result"], words);
    }

    [Fact]
    public void Unknown_words_are_not_eligible_but_counted()
    {
        using var analysis = new DocumentAnalysis();
        Featurizer.Analyze("The cat is out of the zzyzx and the bag.", analysis);
        Assert.Equal(1, analysis.UnknownCount);
        Assert.DoesNotContain("zzyzx", Rows("The cat is out of the zzyzx and the bag.").Select(r => r.Word));
    }

    [Fact]
    public void Document_features_summarise_token_probabilities()
    {
        using var analysis = new DocumentAnalysis();
        Featurizer.Analyze("The cat is out of the purse. The cat is out of the bag.", analysis);
        for (var e = 0; e < analysis.EligibleCount; e++)
        {
            analysis.Probabilities[e] = e == 1 ? 0.9f : 0.1f;
        }

        var features = new float[DocumentFeatures.Count];
        DocumentFeatureBuilder.Build(analysis, features);
        Assert.Equal(4, analysis.EligibleCount);
        Assert.Equal(100f * 1.2f / analysis.WordCount, features[DocumentFeatures.ExpectedSubstitutesPer100], 4);
        Assert.Equal(0.25f, features[DocumentFeatures.ShareAbove50]);
        Assert.Equal(0.9f, features[DocumentFeatures.Top5Mean] * 4 - 0.3f, 4);
    }

    [Fact]
    public void Features_are_deterministic_and_never_infinite_on_any_text()
    {
        var gen = ArbMap.Default.GeneratorFor<string>().Select(s => s ?? string.Empty)
            .Zip(Gen.Elements("The cat is out of the purse.", "As a arise, ", "\n\nA an the of", "bag bag bag", "😀 é"))
            .Select(p => p.Item2 + p.Item1 + " " + p.Item2);
        Prop.ForAll(gen.ToArbitrary(), text =>
        {
            using var first = new DocumentAnalysis();
            using var second = new DocumentAnalysis();
            Featurizer.Analyze(text, first);
            // The second analysis reuses buffers that an earlier, longer document filled, as a pooled one does.
            Featurizer.Analyze("Bag purse hires seasons. " + text + " A long earlier document about the harbour ferry and its many seasons.", second);
            Featurizer.Analyze(text, second);
            var a = first.Features.AsSpan(0, first.EligibleCount * TokenFeatures.Count);
            var b = second.Features.AsSpan(0, second.EligibleCount * TokenFeatures.Count);
            // Bitwise, so that NaN (a missing value) must be NaN in both.
            if (first.EligibleCount != second.EligibleCount
                || !MemoryMarshal.AsBytes(a).SequenceEqual(MemoryMarshal.AsBytes(b))
                || !first.BestCandidates.AsSpan(0, first.EligibleCount).SequenceEqual(second.BestCandidates.AsSpan(0, second.EligibleCount))
                || first.WordCount != second.WordCount)
            {
                return false;
            }

            foreach (var v in a)
            {
                if (float.IsInfinity(v))
                {
                    return false;
                }
            }

            var doc = new float[DocumentFeatures.Count];
            DocumentFeatureBuilder.Build(first, doc);
            return doc.All(v => !float.IsInfinity(v));
        }).QuickCheckThrowOnFailure();
    }
}
