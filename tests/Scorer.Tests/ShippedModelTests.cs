using SpinDetect.Tests.Lexicon;

namespace SpinDetect.Tests;

/// <summary>
/// The shipped model on the hand-written sample articles in data/samples (fiction written by the project): each
/// spun article is judged more likely spun than its original, clean articles are not reported spun, and the
/// article with scraped junk gets quality flags.
/// </summary>
public sealed class ShippedModelTests
{
    private static readonly Lazy<SpinDetector> Detector = new(() => SpinDetector.Load(ShippedLexiconTests.FindAsset("models/spin.model")));

    private static SpinReport Score(string sample) =>
        Detector.Value.Score(File.ReadAllText(ShippedLexiconTests.FindAsset(Path.Combine("data", "samples", sample))));

    [Theory]
    [InlineData("harbour-ferry.txt", "harbour-ferry-spun.txt")]
    [InlineData("bakery-expansion.md", "bakery-expansion-spun.md")]
    public void A_spun_article_scores_above_its_original(string original, string spun)
    {
        var clean = Score(original);
        var spinner = Score(spun);
        Assert.True(spinner.Confidence > clean.Confidence, $"spun {spinner.Confidence:F3} vs original {clean.Confidence:F3}");
        Assert.False(clean.Spun);
        Assert.Equal(clean.Words, spinner.Words);
    }

    [Fact]
    public void Evidence_points_at_words_that_differ_from_the_original_with_a_suggestion()
    {
        var original = File.ReadAllText(ShippedLexiconTests.FindAsset(Path.Combine("data", "samples", "harbour-ferry.txt")));
        var report = Score("harbour-ferry-spun.txt");
        Assert.NotEmpty(report.Evidence);
        foreach (var evidence in report.Evidence)
        {
            Assert.DoesNotContain(" " + evidence.Text + " ", original, StringComparison.Ordinal);
            Assert.False(string.IsNullOrEmpty(evidence.Suggestion));
        }
    }

    [Fact]
    public void Scraped_junk_is_flagged_and_costs_quality()
    {
        var junk = Score("library-hours-with-junk.txt");
        var clean = Score("harbour-ferry.txt");
        Assert.Contains("boilerplate", junk.Flags);
        Assert.True(junk.Quality < 0.5 && clean.Quality > 0.5, $"junk {junk.Quality:F3}, clean {clean.Quality:F3}");
    }

    [Fact]
    public void Scores_are_the_same_on_many_threads()
    {
        var texts = Directory.GetFiles(ShippedLexiconTests.FindAsset(Path.Combine("data", "samples")))
            .Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();
        ReportAssert.SameOnManyThreads(Detector.Value, texts);
    }

    [Fact]
    public void Scoring_with_one_tokenisation_gives_what_the_separate_steps_give()
    {
        // Score tokenises once and lets the featurizer reuse the quality step's tokens unless junk lines were cut; the
        // samples include a text with junk (cleaned, tokenised again) and clean ones, scored in turn on one thread.
        var pipeline = Assert.IsType<SpinPipeline>(ModelAssets.OpenFile(ShippedLexiconTests.FindAsset("models/spin.model")));
        var texts = Directory.GetFiles(ShippedLexiconTests.FindAsset(Path.Combine("data", "samples")))
            .Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();
        var cleanedCount = 0;
        foreach (var text in texts.Concat(texts.Reverse()))
        {
            var report = pipeline.Score(text, new ScoreSettings(pipeline.Model.Threshold, 5, 0));
            var writer = new SpinDetect.Quality.CleanTextWriter();
            var verdict = pipeline.Quality.AnalyzeForScoring(text, writer, out var cleaned);
            cleanedCount += cleaned ? 1 : 0;
            using var analysis = new SpinDetect.Features.DocumentAnalysis();
            var features = new float[SpinDetect.Features.DocumentFeatures.Count];
            var confidence = pipeline.Model.Score(cleaned ? writer.Text : text, analysis, features);
            Assert.Equal(BitConverter.DoubleToInt64Bits(confidence), BitConverter.DoubleToInt64Bits(report.Confidence));
            Assert.Equal(verdict.Quality, report.Quality);
            Assert.Equal(analysis.WordCount, report.Words);
        }

        Assert.True(cleanedCount > 0, "no sample exercised the cleaned path");
    }

    [Fact]
    public void The_quality_model_reads_the_lexicon_the_spin_features_loaded()
    {
        var pipeline = Assert.IsType<SpinPipeline>(ModelAssets.OpenFile(ShippedLexiconTests.FindAsset("models/spin.model")));
        var lexicon = Assert.IsType<SpinDetect.Features.LexiconWordStatistics>(pipeline.Model.Featurizer.Statistics).Lexicon;
        Assert.Same(lexicon, pipeline.Quality.Model.Lexicon);
    }
}
