using FsCheck;
using FsCheck.Fluent;
using SpinDetect.Features;

namespace SpinDetect.Tests.Features;

public sealed class TokenContextFeaturesTests
{
    private const string Text = "The bag is out. The cat is out of the purse.\n\nThe bag is out. The cat and the bag are out.";

    private static readonly SpinFeaturizer Featurizer = new(TinyWordStatistics.CatAndBag());

    private static DocumentAnalysis Analyse(string text, Func<int, float> probability)
    {
        var analysis = new DocumentAnalysis();
        Featurizer.Analyze(text, analysis);
        for (var e = 0; e < analysis.EligibleCount; e++)
        {
            analysis.Probabilities[e] = probability(e);
        }

        TokenContextFeatures.Build(analysis);
        return analysis;
    }

    private static string WordOf(DocumentAnalysis analysis, string text, int e)
    {
        var token = analysis.Tokens[analysis.StreamTokens[analysis.EligiblePositions[e]]];
        return text.Substring(token.Start, token.Length).ToLowerInvariant();
    }

    [Fact]
    public void A_word_repeated_with_low_probabilities_elsewhere_sees_their_mean_and_count()
    {
        // "bag" three times with 0.1, 0.2, 0.3 in text order; everything else 0.9.
        var bags = 0;
        using var probe = new DocumentAnalysis();
        Featurizer.Analyze(Text, probe);
        var values = new float[probe.EligibleCount];
        for (var e = 0; e < values.Length; e++)
        {
            values[e] = WordOf(probe, Text, e) == "bag" ? 0.1f * ++bags : 0.9f;
        }

        Assert.Equal(3, bags);
        using var analysis = Analyse(Text, e => values[e]);
        var first = Enumerable.Range(0, analysis.EligibleCount).First(e => WordOf(analysis, Text, e) == "bag");
        var row = analysis.ContextRow(first);

        Assert.Equal(2, row[TokenContextFeatures.SameWordOthers]);
        Assert.Equal(0.25f, row[TokenContextFeatures.SameWordMean], 1e-6f);
        var cat = Enumerable.Range(0, analysis.EligibleCount).First(e => WordOf(analysis, Text, e) == "cat");
        Assert.Equal(1, analysis.ContextRow(cat)[TokenContextFeatures.SameWordOthers]); // "cat" twice
    }

    [Fact]
    public void A_substitute_whose_best_candidate_occurs_sees_the_candidates_probabilities()
    {
        // Each word its own probability, so the mean over the candidate's occurrences is told from any other mean.
        using var analysis = Analyse(Text, e => 0.05f + (0.01f * e));
        var purse = Enumerable.Range(0, analysis.EligibleCount).Single(e => WordOf(analysis, Text, e) == "purse");

        var bag = analysis.BestCandidates[purse];
        Assert.Equal("bag", Featurizer.Statistics.Word(bag));
        var bags = Enumerable.Range(0, analysis.EligibleCount).Where(e => analysis.StreamIds[analysis.EligiblePositions[e]] == bag).ToArray();
        Assert.NotEmpty(bags);
        Assert.Equal(bags.Average(e => 0.05f + (0.01f * e)), analysis.ContextRow(purse)[TokenContextFeatures.CandidateOccurrenceMean], 1e-5f);
    }

    [Fact]
    public void Every_column_matches_a_plain_recomputation_for_any_probabilities() =>
        Prop.ForAll(Gen.ArrayOf(Gen.Choose(0, 1000)).ToArbitrary(), Gen.Choose(0, 3).ToArbitrary(), (draws, textIndex) =>
        {
            var text = Texts[textIndex];
            using var analysis = Analyse(text, e => draws.Length == 0 ? 0.5f : draws[e % draws.Length] / 1000f);
            var n = analysis.EligibleCount;
            var p = analysis.Probabilities.AsSpan(0, n).ToArray();
            for (var e = 0; e < n; e++)
            {
                var row = analysis.ContextRow(e).ToArray();
                var others = Enumerable.Range(0, n).Where(i => i != e).ToArray();
                AssertClose(others.Length == 0 ? float.NaN : others.Average(i => p[i]), row[TokenContextFeatures.DocumentMean]);
                AssertClose(others.Length == 0 ? float.NaN : others.Count(i => p[i] > 0.5f) / (float)others.Length, row[TokenContextFeatures.DocumentShareAbove50]);
                AssertClose(others.Length == 0 ? float.NaN : others.Count(i => p[i] < p[e]) / (float)others.Length, row[TokenContextFeatures.RankInDocument]);
                var window = others.Where(i => Math.Abs(i - e) <= TokenContextFeatures.Window).ToArray();
                AssertClose(window.Length == 0 ? float.NaN : window.Average(i => p[i]), row[TokenContextFeatures.WindowMean]);
                var near = others.Where(i => Math.Abs(i - e) <= TokenContextFeatures.NearWindow).ToArray();
                AssertClose(near.Length == 0 ? float.NaN : near.Max(i => p[i]), row[TokenContextFeatures.NeighbourMax]);
                var paragraph = others.Where(i => analysis.EligibleParagraphs[i] == analysis.EligibleParagraphs[e]).ToArray();
                AssertClose(paragraph.Length == 0 ? float.NaN : paragraph.Average(i => p[i]), row[TokenContextFeatures.ParagraphMean]);
                var id = analysis.StreamIds[analysis.EligiblePositions[e]];
                var same = others.Where(i => id >= 0 && analysis.StreamIds[analysis.EligiblePositions[i]] == id).ToArray();
                AssertClose(same.Length, row[TokenContextFeatures.SameWordOthers]);
                AssertClose(same.Length == 0 ? float.NaN : same.Average(i => p[i]), row[TokenContextFeatures.SameWordMean]);
                var clipped = Math.Clamp(p[e], 1e-4f, 1 - 1e-4f);
                AssertClose(MathF.Log(clipped / (1 - clipped)), row[TokenContextFeatures.OwnLogit]);
                var bestId = analysis.BestCandidates[e];
                var occurrences = Enumerable.Range(0, n).Where(i => bestId >= 0 && analysis.StreamIds[analysis.EligiblePositions[i]] == bestId).ToArray();
                AssertClose(occurrences.Length == 0 ? float.NaN : occurrences.Average(i => p[i]), row[TokenContextFeatures.CandidateOccurrenceMean]);
                AssertClose(MathF.Log2(1 + n), row[TokenContextFeatures.LogEligible]);

                // Columns copied from the word's own features.
                (int Context, int Token)[] copied =
                [
                    (TokenContextFeatures.BestCandidateInDocument, TokenFeatures.BestCandidateInDocument),
                    (TokenContextFeatures.WordRepeats, TokenFeatures.WordRepeats),
                    (TokenContextFeatures.WordLength, TokenFeatures.WordLength),
                    (TokenContextFeatures.BestCandidateGap, TokenFeatures.BestCandidateGap),
                    (TokenContextFeatures.Unigram, TokenFeatures.Unigram),
                    (TokenContextFeatures.CandidateSimilarityGain, TokenFeatures.CandidateSimilarityGain),
                    (TokenContextFeatures.ContextVsDocument, TokenFeatures.ContextVsDocument),
                    (TokenContextFeatures.LeftAssociation, TokenFeatures.LeftAssociation),
                ];
                foreach (var (context, token) in copied)
                {
                    AssertClose(analysis.Row(e)[token], row[context]);
                }
            }

            // Deterministic: building again gives the same rows.
            var before = analysis.ContextFeatures.AsSpan(0, n * TokenContextFeatures.Count).ToArray();
            TokenContextFeatures.Build(analysis);
            Assert.Equal(before, analysis.ContextFeatures.AsSpan(0, n * TokenContextFeatures.Count).ToArray());
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Names_and_columns_agree() =>
        Assert.Equal(TokenContextFeatures.Count, TokenContextFeatures.Names.Distinct().Count());

    private static readonly string[] Texts =
    [
        Text,
        "The purse.",
        "",
        "The cat is out of the bag. The bag is out.\n\nThe purse is out of the cat. The cat is out.\n\nThe bag.",
    ];

    private static void AssertClose(float expected, float actual)
    {
        if (float.IsNaN(expected))
        {
            Assert.True(float.IsNaN(actual), $"expected NaN, got {actual}");
            return;
        }

        Assert.Equal(expected, actual, 1e-4f);
    }
}
