using SpinDetect.Quality;
using SpinDetect.Tests.Lexicon;
using F = SpinDetect.Quality.QualityFeatures;

namespace SpinDetect.Tests.Quality;

public sealed class LanguageModelFeaturesTests
{
    // TinyLexicon: unigrams bag −4, of −2, purse −5, the −1.5 (backoffs bag −0.1); bigrams "of the" −0.5 (backoff
    // −0.25), "the bag" −1.5, "the purse" −2.5; trigram "of the bag" −1.0.
    //   "of the bag."      of −2 (unigram), the −0.5 (bigram), bag −1.0 (trigram): 3 words, sum −3.5, unigrams −7.5
    //   "the purse zebra." the −1.5, purse −2.5 (bigram), zebra unknown: 3 words, 1 unknown, sum −4.0, unigrams −6.5
    //   "bag bag."         bag −4, bag −0.1 − 4 (no bigram "bag bag"): 2 words, sum −8.1, unigrams −8
    private const string Text = "of the bag.\n\nthe purse zebra.\n\nbag bag.";

    private static readonly Lazy<SpinDetect.Lexicon.ReferenceLexicon> Lexicon = new(() => TinyLexicon.Load(TinyLexicon.Bytes()));

    private static (int Lines, float[] Rows, float[] Document) Extract(string text, bool withLexicon = true)
    {
        var scratch = new QualityScratch { Lexicon = withLexicon ? Lexicon.Value : null };
        var lines = QualityFeatureExtractor.Extract(text, scratch, out _);
        return (lines, scratch.Rows.AsSpan(0, lines * F.Count).ToArray(), [.. scratch.DocumentRow]);
    }

    private static float[] Columns(float[] rows, int line, int first) =>
        rows.AsSpan((line * F.Count) + first, LanguageModelFeatures.Rates).ToArray();

    private static void AssertRates(double[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], actual[i], 4);
        }
    }

    [Fact]
    public void Unit_contrasts_equal_the_hand_computed_rates()
    {
        var (lines, rows, _) = Extract(Text);
        Assert.Equal(3, lines);

        // Rates: mean log-probability per known word, unknown share, mean unigram, trigram share, bigram-or-trigram share.
        // Second paragraph −2, 1/3, −3.25, 0, 1/2; first −3.5/3, 0, −2.5, 1/3, 2/3; first and third together
        // −11.6/5, 0, −15.5/5, 1/5, 2/5; second and third together −12.1/4, 1/5, −14.5/4, 0, 1/4.
        AssertRates([-2 + 2.32, 1.0 / 3, -3.25 + 3.1, -0.2, 0.5 - 0.4], Columns(rows, 1, F.LanguageUnitLogProb));
        AssertRates([-2 + (3.5 / 3), 1.0 / 3, -3.25 + 2.5, -1.0 / 3, 0.5 - (2.0 / 3)], Columns(rows, 1, F.LanguagePreviousLogProb));
        AssertRates([-3.025 + (3.5 / 3), 0.2, -3.625 + 2.5, -1.0 / 3, 0.25 - (2.0 / 3)], Columns(rows, 1, F.LanguageSuffixLogProb));
    }

    [Fact]
    public void The_first_unit_has_no_previous_unit_or_split()
    {
        var (_, rows, _) = Extract(Text);

        // First paragraph against the other two: 3.5/3 − ... over 4 known of 5 words.
        AssertRates([(-3.5 / 3) + (12.1 / 4), -0.2, -2.5 + 3.625, 1.0 / 3, (2.0 / 3) - 0.25], Columns(rows, 0, F.LanguageUnitLogProb));
        Assert.All(Columns(rows, 0, F.LanguagePreviousLogProb), v => Assert.True(float.IsNaN(v)));
        Assert.All(Columns(rows, 0, F.LanguageSuffixLogProb), v => Assert.True(float.IsNaN(v)));
    }

    [Fact]
    public void Document_columns_give_the_whole_text_and_leave_short_splits_out()
    {
        var (_, _, document) = Extract(Text);
        Assert.Equal(-15.6 / 7, document[F.DocLanguageLogProb], 4);
        Assert.Equal(1.0 / 8, document[F.DocLanguageUnknown], 4);

        // Every split leaves fewer than MinimumSplitWords known words on one side.
        Assert.True(float.IsNaN(document[F.DocLanguageLowestLogProb]));
        Assert.True(float.IsNaN(document[F.DocLanguageLowestUnigram]));
        Assert.True(float.IsNaN(document[F.DocLanguageHighestUnknown]));
    }

    [Fact]
    public void Document_extremes_come_from_the_split_before_the_foreign_block()
    {
        // Twelve known words of one kind, then twelve of another: the split between them gives the extremes.
        var text = "of the bag. of the bag. of the bag. of the bag.\n\nbag bag. bag bag. bag bag. bag bag. bag bag. bag bag.";
        var (_, rows, document) = Extract(text);
        Assert.Equal(rows[F.Count + F.LanguageSuffixLogProb], document[F.DocLanguageLowestLogProb], 5);
        Assert.Equal(rows[F.Count + F.LanguageSuffixUnigram], document[F.DocLanguageLowestUnigram], 5);
        Assert.Equal(0, document[F.DocLanguageHighestUnknown], 5);
        Assert.True(document[F.DocLanguageLowestLogProb] < -2);
    }

    [Fact]
    public void Lines_of_one_unit_share_its_values()
    {
        // A paragraph wrapped over two short lines is one unit.
        var (lines, rows, _) = Extract("of the bag\nthe purse.\n\nbag bag.");
        Assert.Equal(3, lines);
        Assert.Equal(
            rows.AsSpan(F.LanguageUnitLogProb, LanguageModelFeatures.LineColumns).ToArray(),
            rows.AsSpan(F.Count + F.LanguageUnitLogProb, LanguageModelFeatures.LineColumns).ToArray());
    }

    [Fact]
    public void Every_language_column_is_missing_without_a_lexicon()
    {
        var (lines, rows, document) = Extract(Text, withLexicon: false);
        for (var li = 0; li < lines; li++)
        {
            Assert.All(rows.AsSpan((li * F.Count) + F.LanguageUnitLogProb, LanguageModelFeatures.LineColumns).ToArray(), v => Assert.True(float.IsNaN(v)));
        }

        Assert.All(document.AsSpan(F.DocLanguageLogProb, 5).ToArray(), v => Assert.True(float.IsNaN(v)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("...\n\n!!!")]
    [InlineData("zebra quokka.\n\nnarwhal")]
    [InlineData("1 2 3 http://example.com @someone\n\n#tag")]
    [InlineData("the\n\nthe\n\nthe\n\nthe")]
    public void Odd_texts_do_not_throw_and_give_finite_or_missing_values(string text)
    {
        var (lines, rows, document) = Extract(text);
        for (var li = 0; li < lines; li++)
        {
            Assert.All(rows.AsSpan((li * F.Count) + F.LanguageUnitLogProb, LanguageModelFeatures.LineColumns).ToArray(), v => Assert.False(float.IsInfinity(v)));
        }

        Assert.All(document.AsSpan(F.DocLanguageLogProb, 5).ToArray(), v => Assert.False(float.IsInfinity(v)));
    }

    [Fact]
    public void Extraction_is_deterministic_and_independent_of_the_scratch_history()
    {
        var first = Extract(Text);
        var scratch = new QualityScratch { Lexicon = Lexicon.Value };
        QualityFeatureExtractor.Extract("bag of the purse the bag.\n\nzebra zebra of the bag.\n\nthe.\n\nof of of.", scratch, out _);
        var lines = QualityFeatureExtractor.Extract(Text, scratch, out _);
        Assert.Equal(first.Lines, lines);
        Assert.Equal(first.Rows, scratch.Rows.AsSpan(0, lines * F.Count).ToArray());
        Assert.Equal(first.Document, scratch.DocumentRow);
    }

    [Fact]
    public void Aggregates_contrast_the_lines_removed_as_unrelated_with_the_kept_ones()
    {
        var scratch = new QualityScratch { Lexicon = Lexicon.Value };
        var lines = QualityFeatureExtractor.Extract(Text, scratch, out _);
        var thresholds = new QualityThresholds { Junk = 0.5, Unrelated = 0.5 };
        float[] junk = [0.1f, 0.9f, 0.1f];
        junk.CopyTo(scratch.Junk, 0);
        float[] unrelated = [0f, 0.9f, 0f];
        unrelated.CopyTo(scratch.Unrelated, 0);
        var row = new float[F.Count];
        LanguageModelFeatures.FillAggregates(scratch, lines, thresholds, row);

        // Removed: the second paragraph (−2 per known word, a third unknown); kept: −11.6 over 5 known words, none unknown.
        Assert.Equal(-2 + 2.32, row[F.AggUnrelatedLanguage], 4);
        Assert.Equal(1.0 / 3, row[F.AggUnrelatedUnknown], 4);
        Assert.True(float.IsNaN(row[F.AggKeptLanguageLowest]));

        // Judged page furniture instead: nothing removed as unrelated, and the line leaves the kept text.
        scratch.Unrelated[1] = 0f;
        LanguageModelFeatures.FillAggregates(scratch, lines, thresholds, row);
        Assert.True(float.IsNaN(row[F.AggUnrelatedLanguage]));
    }

    [Fact]
    public void Kept_text_aggregates_find_the_split_before_the_foreign_block()
    {
        var scratch = new QualityScratch { Lexicon = Lexicon.Value };
        var lines = QualityFeatureExtractor.Extract(
            "of the bag. of the bag. of the bag. of the bag.\n\nbag bag. bag bag. bag bag. bag bag. bag bag. bag bag.", scratch, out _);
        Array.Clear(scratch.Junk, 0, lines);
        Array.Clear(scratch.Unrelated, 0, lines);
        var row = new float[F.Count];
        LanguageModelFeatures.FillAggregates(scratch, lines, new QualityThresholds { Junk = 0.5, Unrelated = 0.5 }, row);

        // 12 known words at −3.5/3 each on average, then 12 at −4.05.
        Assert.Equal(-4.05 + (3.5 / 3), row[F.AggKeptLanguageLowest], 4);
        Assert.Equal(row[F.AggKeptLanguageLowest], row[F.AggKeptLanguageHighest]);
        Assert.Equal(0, row[F.AggKeptUnknownHighest], 4);
    }
}
