using SpinDetect.Features;
using SpinDetect.Quality;
using SpinDetect.Text;

namespace SpinDetect.Benchmarks.Scoring;

/// <summary>
/// <c>scoring-stages [short|medium|long] [calls]</c>: a stopwatch breakdown of one <see cref="SpinDetector.Score(string)"/>
/// into its stages, with the bytes each allocates, to find where the time goes. Stages that are private to the
/// featurizer are told apart by difference (features with and without word vectors).
/// </summary>
internal static class StagesMode
{
    internal static int Run(string[] args)
    {
        ModeArguments.Check(args, [], [], positional: 2);
        var size = args.Length > 0 ? ParseSize(args[0]) : ArticleSize.Medium;
        var calls = ModeArguments.IntAt(args, 1, "calls", 200);
        var fixture = ScoringFixture.Open();
        var text = ScoringBenchmarks.Article(size);
        var model = fixture.Pipeline.Model;
        var featurizer = model.Featurizer;
        var noVectors = new SpinFeaturizer(featurizer.Statistics);
        using var tokens = new TokenList();
        using var analysis = new DocumentAnalysis();
        using var plain = new DocumentAnalysis();
        var documentRow = new float[DocumentFeatures.Count];
        var options = fixture.Detector.Options;
        var settings = new ScoreSettings(fixture.Detector.Threshold, options.MaxEvidence, options.MinWords, options.MinEvidenceScore);
        var quality = fixture.Quality.Analyze(text);
        featurizer.Analyze(text, analysis);
        var report = fixture.Detector.Score(text);

        var rows = new List<StageTimer.Measurement>
        {
            StageTimer.Measure("tokenize", () => Tokenizer.Tokenize(text, tokens), calls),
            StageTimer.Measure("quality: line features (QualityFeatureExtractor.Extract)", () =>
            {
                var scratch = QualityScratch.Rent();
                scratch.Idf = fixture.Quality.Model.Idf;
                scratch.Lexicon = fixture.Quality.Model.Lexicon;
                QualityFeatureExtractor.Extract(text, scratch, out _);
                QualityScratch.Return(scratch);
            }, calls),
            StageTimer.Measure("quality: line features without the language-model columns", () =>
            {
                var scratch = QualityScratch.Rent();
                scratch.Idf = fixture.Quality.Model.Idf;
                scratch.Lexicon = null;
                QualityFeatureExtractor.Extract(text, scratch, out _);
                QualityScratch.Return(scratch);
            }, calls),
            StageTimer.Measure("quality: whole QualityAnalyzer.Analyze", () => fixture.Quality.Analyze(text), calls),
            StageTimer.Measure("features without word vectors", () => noVectors.Analyze(text, plain), calls),
            StageTimer.Measure("features (SpinFeaturizer.Analyze)", () => featurizer.Analyze(text, analysis), calls),
            StageTimer.Measure("token trees (SpinModel.ScoreTokens)", () => model.ScoreTokens(analysis), calls),
            StageTimer.Measure("document features + trees", () =>
            {
                DocumentFeatureBuilder.Build(analysis, documentRow);
                model.ScoreDocument(documentRow);
            }, calls),
            StageTimer.Measure("evidence", () => fixture.Pipeline.Evidence(text, analysis, settings), calls),
            StageTimer.Measure("report copy (lower bound of the report)", () => ScoringBenchmarks.CopyReport(report), calls),
        };
        rows.Add(StageTimer.Measure("score without the quality step (as ScoreWithoutQuality)", () => ScoringBenchmarks.ScoreWithoutQuality(fixture, settings, text, analysis), calls));
        // The headline is judged a junk line, so Score cleans the text; the body alone shows the cost without that.
        var body = text[(text.IndexOf("\n\n", StringComparison.Ordinal) + 2)..];
        rows.Add(StageTimer.Measure("full Score, body without the headline (no junk line)", () => fixture.Detector.Score(body), calls));
        var total = StageTimer.Measure("full Score", () => fixture.Detector.Score(text), calls);
        rows.Add(total);

        // Words without reverse synonyms cannot be a spinner's substitute, yet every eligible word goes through the
        // token trees; this share bounds what gating the trees on candidates would save.
        var withCandidates = 0;
        for (var e = 0; e < analysis.EligibleCount; e++)
        {
            var id = analysis.StreamIds[analysis.EligiblePositions[e]];
            withCandidates += id >= 0 && featurizer.Statistics.ReverseSynonyms(id).Length > 0 ? 1 : 0;
        }

        var output = Console.Out;
        output.WriteLine($"Stages of Score, {size} article ({text.Length:N0} chars, {report.Words} words, "
            + $"{analysis.EligibleCount} eligible words of which {withCandidates} have reverse-synonym candidates, "
            + $"{quality.JunkLines.Count} junk lines), {calls} calls × 7 rounds, one thread.");
        output.WriteLine($"Model: {fixture.ModelPath}. Load average: {StageTimer.LoadAverage()}.");
        output.WriteLine();
        StageTimer.Print(output, rows, total);
        return 0;
    }

    /// <summary>short, medium or long, or a usage error.</summary>
    internal static ArticleSize ParseSize(string text) =>
        Enum.TryParse<ArticleSize>(text, ignoreCase: true, out var size) && Enum.IsDefined(size)
            ? size
            : throw new ModeUsageException($"the article size must be short, medium or long, got '{text}'.");
}
