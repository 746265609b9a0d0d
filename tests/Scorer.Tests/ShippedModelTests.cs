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
    public void A_huge_evidence_limit_reports_every_suspicious_word_without_a_buffer_of_that_size()
    {
        var text = File.ReadAllText(ShippedLexiconTests.FindAsset(Path.Combine("data", "samples", "harbour-ferry-spun.txt")));
        var all = Detector.Value.WithOptions(new SpinDetectorOptions { MaxEvidence = int.MaxValue, MinEvidenceScore = 0 }).Score(text);
        var thousand = Detector.Value.WithOptions(new SpinDetectorOptions { MaxEvidence = 1000, MinEvidenceScore = 0 }).Score(text);
        Assert.Equal(thousand, all);
        Assert.True(all.Evidence.Count > 50, $"{all.Evidence.Count} spans");
    }

    [Fact]
    public void Evidence_points_mostly_at_words_that_differ_from_the_original_with_a_suggestion()
    {
        var original = File.ReadAllText(ShippedLexiconTests.FindAsset(Path.Combine("data", "samples", "harbour-ferry.txt")));
        var spun = File.ReadAllText(ShippedLexiconTests.FindAsset(Path.Combine("data", "samples", "harbour-ferry-spun.txt")));
        // At the token-level target's operating point (probability ≥ 0.2, models/spin-report.md): this lightly spun
        // sample's substitutes sit between 0.2 and 0.6, so whether one crosses the default 0.5 changes from one
        // retrain to the next, while where the marks fall is what this test is about.
        var report = Detector.Value.WithOptions(new SpinDetectorOptions { MinEvidenceScore = 0.2 }).Score(spun);
        var originalWords = original.Split([' ', '\n', '\r', ',', '.', ';', ':', '"', '(', ')', '!', '?'], StringSplitOptions.RemoveEmptyEntries)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.True(report.Evidence.Count >= 2, $"{report.Evidence.Count} spans");
        foreach (var evidence in report.Evidence)
        {
            // The span is where the report says, and it comes with a likely original.
            Assert.Equal(evidence.Text, spun.Substring(evidence.Offset, evidence.Length));
            Assert.False(string.IsNullOrEmpty(evidence.Suggestion));
        }

        // At that operating point about three marks in five are right on unseen spinning, so single marks on the
        // author's own words are expected; the most suspicious span and most of the others are words the spinner
        // put in (the original never has them).
        var spinnerWords = report.Evidence.Where(e => !originalWords.Contains(e.Text)).ToList();
        Assert.DoesNotContain(report.Evidence[0].Text, originalWords);
        Assert.True(2 * spinnerWords.Count > report.Evidence.Count, string.Join(", ", report.Evidence.Select(e => e.Text)));
    }

    [Fact]
    public void A_lower_minimum_evidence_score_reports_more_spans_and_keeps_the_default_ones()
    {
        var text = File.ReadAllText(ShippedLexiconTests.FindAsset(Path.Combine("data", "samples", "harbour-ferry-spun.txt")));
        var standard = Detector.Value.Score(text);
        var wider = Detector.Value.WithOptions(new SpinDetectorOptions { MinEvidenceScore = 0.2 }).Score(text);

        Assert.All(standard.Evidence, e => Assert.True(e.Score >= SpinDetectorOptions.Defaults.MinEvidenceScore, $"{e.Text} {e.Score}"));
        Assert.All(wider.Evidence, e => Assert.True(e.Score >= 0.2, $"{e.Text} {e.Score}"));
        Assert.True(wider.Evidence.Count > standard.Evidence.Count, $"{wider.Evidence.Count} spans against {standard.Evidence.Count}");
        Assert.All(standard.Evidence, e => Assert.Contains(e, wider.Evidence));
        Assert.Equal(standard.Confidence, wider.Confidence);
    }

    // Written for this test: contractions and possessives, a few of them spun ("the town's hires", "didn't
    // commence").
    private const string ArticleWithApostrophes =
        "The town's council didn't expect the bridge to close so soon. \"We're doing what we can, and it isn't " +
        "cheap,\" the mayor said on Tuesday. The council's engineers found cracks in two of the bridge's supports " +
        "last month, and they've asked for an inspection before winter.\n\n" +
        "Residents who'd planned to drive across it will have to use the ferry, which doesn't run after eight in " +
        "the evening. The ferry company's owner said she'd add two crossings a day if the town's hires could help " +
        "at the landing. Work on the supports didn't commence until the inspectors' report was published, and " +
        "the mayor's office says it won't reopen the bridge before the spring.";

    [Theory]
    [InlineData(ArticleWithApostrophes)]
    [InlineData("harbour-ferry-spun.txt")]
    [InlineData("bakery-expansion-spun.md")]
    public void Typographic_apostrophes_and_soft_hyphens_score_as_plain_spelling(string textOrSample)
    {
        // Web text writes "didn’t" with a typographic apostrophe and may keep soft hyphens from HTML inside words;
        // the lexicon spells words with ASCII apostrophes, so both must be looked up as the plain spelling.
        var plain = textOrSample.Contains(' ', StringComparison.Ordinal)
            ? textOrSample
            : File.ReadAllText(ShippedLexiconTests.FindAsset(Path.Combine("data", "samples", textOrSample)));
        var typographic = SoftHyphenateLongWords(plain.Replace('\'', '\u2019'));
        Assert.NotEqual(plain, typographic);
        var expected = Detector.Value.Score(plain);
        var actual = Detector.Value.Score(typographic);
        Assert.Equal(expected.Confidence, actual.Confidence, 1e-9);
        Assert.Equal(expected.Words, actual.Words);
        Assert.Equal(expected.Evidence.Select(e => e.Suggestion), actual.Evidence.Select(e => e.Suggestion));
        Assert.Equal(
            expected.Evidence.Select(e => e.Text.Replace('\'', '\u2019')),
            actual.Evidence.Select(e => e.Text.Replace("\u00AD", string.Empty, StringComparison.Ordinal)));
    }

    // A soft hyphen after the fourth letter of every word of ten letters or more, as HTML's &shy; leaves it.
    private static string SoftHyphenateLongWords(string text) =>
        System.Text.RegularExpressions.Regex.Replace(text, @"\b(\p{L}{4})(\p{L}{6,})", "$1\u00AD$2");

    [Theory]
    [InlineData("")]
    [InlineData("Advertisement")]
    [InlineData("1,250 2,500 3,750")]
    [InlineData("It is what it is, and it was.")]
    public void A_text_without_a_word_a_spinner_would_replace_has_confidence_zero(string text)
    {
        var report = Detector.Value.Score(text);
        Assert.Equal(0, report.Confidence);
        Assert.False(report.Spun);
        Assert.Contains("too-short", report.Flags);
        Assert.Empty(report.Evidence);
    }

    [Fact]
    public void A_british_article_scores_like_its_american_twin()
    {
        // British spellings the American language model lacks ("pedestrianise", "criticised", "prioritising") were
        // unknown words, which read as substitutes: before they were looked up by their American spelling the
        // British text scored 0.595 against its twin's 0.231.
        var british = Score("city-centre-british.txt");
        var american = Score("city-centre-american.txt");
        Assert.False(british.Spun);
        Assert.True(Math.Abs(british.Confidence - american.Confidence) < 0.15, $"British {british.Confidence:F3}, American {american.Confidence:F3}");
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
            var report = pipeline.Score(text, new ScoreSettings(pipeline.Model.Threshold, 5, 0, SpinDetectorOptions.Defaults.MinEvidenceScore));
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
