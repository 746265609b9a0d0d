using System.Runtime.InteropServices;
using FsCheck;
using FsCheck.Fluent;
using SpinDetect.Features;
using SpinDetect.Lexicon;

namespace SpinDetect.Tests.Features;

public sealed class SpinFeaturizerSuggestionTests
{
    private static readonly SpinFeaturizer Featurizer = new(TinyWordStatistics.CatAndBag());

    private static int Eligible(DocumentAnalysis analysis, IWordStatistics stats, string word) =>
        Enumerable.Range(0, analysis.EligibleCount).First(e => analysis.StreamIds[analysis.EligiblePositions[e]] == stats.GetId(word));

    private static (int[] Candidates, float[] Rows) SuggestionRows(SpinFeaturizer featurizer, DocumentAnalysis analysis, int e)
    {
        var candidates = new int[SpinFeaturizer.MaxSuggestionCandidates];
        var rows = new float[SpinFeaturizer.MaxSuggestionCandidates * SuggestionFeatures.Count];
        var n = featurizer.SuggestionRows(analysis, e, candidates, rows);
        return (candidates[..n], rows[..(n * SuggestionFeatures.Count)]);
    }

    private static float[] Row(float[] rows, int k) => rows.AsSpan(k * SuggestionFeatures.Count, SuggestionFeatures.Count).ToArray();

    public static TheoryData<string, string> RuleCases => new()
    {
        // Equal context fit: the rarer candidate fits beyond its frequency ("rare").
        { "We saw counterfeit intelligence.", "counterfeit" },
        // The right-hand word decides ("artificial intelligence"), outside the left-context shortlist.
        { "We saw fake intelligence.", "fake" },
    };

    [Theory]
    [MemberData(nameof(RuleCases))]
    public void The_fixed_rule_read_off_the_rows_chooses_what_the_rule_itself_chooses(string text, string word)
    {
        var stats = new TinyWordStatistics()
            .Word("we", -2f).Word("saw", -3f, PartsOfSpeech.Verb).Word("counterfeit", -5.5f, PartsOfSpeech.Adjective)
            .Word("common", -3f, PartsOfSpeech.Adjective).Word("rare", -5f, PartsOfSpeech.Adjective)
            .Word("false", -3.5f, PartsOfSpeech.Adjective).Word("fake", -4.5f, PartsOfSpeech.Adjective)
            .Word("artificial", -4.4f, PartsOfSpeech.Adjective).Word("intelligence", -4.2f, PartsOfSpeech.Noun)
            .Bigram("<s>", "we", -1f).Bigram("we", "saw", -1.2f)
            .Bigram("saw", "common", -2f).Bigram("saw", "rare", -2f).Bigram("saw", "false", -1f).Bigram("saw", "artificial", -3f)
            .Bigram("common", "intelligence", -1f).Bigram("rare", "intelligence", -1f).Bigram("artificial", "intelligence", -0.5f)
            .Synonyms("counterfeit", "common", "rare").Synonyms("fake", "false", "artificial");
        var featurizer = new SpinFeaturizer(stats);
        using var analysis = new DocumentAnalysis();
        featurizer.Analyze(text, analysis);
        var e = Eligible(analysis, stats, word);

        var (candidates, rows) = SuggestionRows(featurizer, analysis, e);
        var best = Enumerable.Range(0, candidates.Length).MaxBy(k => SpinFeaturizer.RuleScore(Row(rows, k)));

        Assert.Equal(2, candidates.Length);
        Assert.Equal(featurizer.BestSuggestion(analysis, e), candidates[best]);
    }

    [Fact]
    public void Each_candidate_row_compares_the_candidate_with_the_observed_word_and_the_other_candidates()
    {
        using var analysis = new DocumentAnalysis();
        Featurizer.Analyze("The bag is out. The cat is out of the purse.", analysis);
        var stats = Featurizer.Statistics;

        var (candidates, rows) = SuggestionRows(Featurizer, analysis, Eligible(analysis, stats, "purse"));

        Assert.Equal(["bag", "cat"], candidates.Select(stats.Word));
        var bag = Row(rows, 0);
        var cat = Row(rows, 1);
        // "of the bag" is a stored trigram, "of the purse" backs off: the original fits far better than the substitute.
        Assert.True(bag[SuggestionFeatures.GapToObserved] > 1, $"gap {bag[SuggestionFeatures.GapToObserved]}");
        Assert.Equal(bag[SuggestionFeatures.ContextLogProb] - cat[SuggestionFeatures.ContextLogProb], -cat[SuggestionFeatures.GapToBest], 5);
        Assert.Equal(0f, bag[SuggestionFeatures.GapToBest]);
        Assert.Equal(0f, bag[SuggestionFeatures.ContextRank]);
        Assert.Equal(1f, cat[SuggestionFeatures.ContextRank]); // log2(1 + 1)
        Assert.Equal(-4.2f - -4.9f, bag[SuggestionFeatures.UnigramGap], 5);
        Assert.Equal(0f, bag[SuggestionFeatures.ListRank]);
        Assert.Equal(1f, cat[SuggestionFeatures.ListRank]);
        Assert.Equal(MathF.Log2(3), bag[SuggestionFeatures.ListLength]);
        Assert.Equal(1f, bag[SuggestionFeatures.InDocument]); // log2(1 + 1): "bag" once
        Assert.Equal(1f, cat[SuggestionFeatures.InDocument]);
        Assert.Equal(1f, bag[SuggestionFeatures.SharesPartOfSpeech]);
        Assert.Equal(1f, bag[SuggestionFeatures.SynonymCount]); // log2(1 + 1): only "purse" can replace it
        // Without word vectors the similarity columns are missing values.
        Assert.True(float.IsNaN(bag[SuggestionFeatures.SynonymCosine]));
        Assert.True(float.IsNaN(bag[SuggestionFeatures.ContextCosineGain]));
        Assert.True(float.IsNaN(bag[SuggestionFeatures.DocumentCosineGain]));
    }

    [Fact]
    public void A_word_without_candidate_originals_has_no_rows_and_short_spans_hold_the_first_candidates_only()
    {
        using var analysis = new DocumentAnalysis();
        Featurizer.Analyze("The cat is out of the purse.", analysis);
        var stats = Featurizer.Statistics;
        var candidates = new int[1];
        var rows = new float[SuggestionFeatures.Count];

        Assert.Equal(0, Featurizer.SuggestionRows(analysis, Eligible(analysis, stats, "cat"), candidates, rows));
        Assert.Equal(1, Featurizer.SuggestionRows(analysis, Eligible(analysis, stats, "purse"), candidates, rows));
        Assert.Equal("bag", stats.Word(candidates[0]));
        Assert.Throws<ArgumentException>(() => Featurizer.SuggestionRows(analysis, Eligible(analysis, stats, "purse"), new int[2], rows));
    }

    [Fact]
    public void The_shortlist_keeps_the_candidates_the_rule_scores_highest_in_list_order_ties_to_the_earlier_one()
    {
        // 20 candidates whose rule score is their context log-probability: −k for candidate k, but −14.5 for 18 and 19.
        const int Count = 20;
        var rows = new float[Count * SuggestionFeatures.Count];
        for (var k = 0; k < Count; k++)
        {
            var row = rows.AsSpan(k * SuggestionFeatures.Count, SuggestionFeatures.Count);
            row[SuggestionFeatures.ContextLogProb] = k is 18 or 19 ? -14.5f : -k;
            row[SuggestionFeatures.SynonymCosine] = float.NaN;
        }

        // 0 to 14 are best; 18 and 19 tie for the last place (above 15 at −15), which goes to the earlier one.
        var kept = new int[SpinFeaturizer.RankedSuggestionCandidates];
        var n = SpinFeaturizer.ShortlistSuggestions(rows, Count, kept);

        Assert.Equal(16, n);
        Assert.Equal([.. Enumerable.Range(0, 15), 18], kept);
        Assert.Equal(3, SpinFeaturizer.ShortlistSuggestions(rows, 3, kept));
        Assert.Equal([0, 1, 2], kept[..3]);
    }

    [Fact]
    public void Suggestion_rows_are_deterministic_and_finite_apart_from_missing_vectors_on_any_text()
    {
        var gen = ArbMap.Default.GeneratorFor<string>().Select(s => s ?? string.Empty)
            .Zip(Gen.Elements("The cat is out of the purse.", "As a arise, ", "purse purse", "😀 é the purse"))
            .Select(p => p.Item2 + p.Item1 + " " + p.Item2);
        Prop.ForAll(gen.ToArbitrary(), text =>
        {
            using var first = new DocumentAnalysis();
            using var second = new DocumentAnalysis();
            Featurizer.Analyze(text, first);
            Featurizer.Analyze("A longer earlier text: the purse, the bag and the cat are out. " + text, second);
            Featurizer.Analyze(text, second);
            for (var e = 0; e < first.EligibleCount; e++)
            {
                var (ids, rows) = SuggestionRows(Featurizer, first, e);
                var (ids2, rows2) = SuggestionRows(Featurizer, second, e);
                if (!ids.SequenceEqual(ids2) || !MemoryMarshal.AsBytes(rows.AsSpan()).SequenceEqual(MemoryMarshal.AsBytes(rows2.AsSpan())))
                {
                    return false;
                }

                for (var i = 0; i < rows.Length; i++)
                {
                    var column = i % SuggestionFeatures.Count;
                    var vectorColumn = column is SuggestionFeatures.SynonymCosine or SuggestionFeatures.ContextCosineGain or SuggestionFeatures.DocumentCosineGain;
                    if (vectorColumn ? !float.IsNaN(rows[i]) : !float.IsFinite(rows[i]))
                    {
                        return false;
                    }
                }
            }

            return true;
        }).QuickCheckThrowOnFailure();
    }
}
