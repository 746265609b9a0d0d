using BenchmarkDotNet.Attributes;
using SpinDetect.Features;
using SpinDetect.Text;

namespace SpinDetect.Benchmarks.Scoring;

/// <summary>Sizes of the scored synthetic articles.</summary>
public enum ArticleSize
{
    /// <summary>About 100 words.</summary>
    Short,

    /// <summary>About 800 words (the issue 6 target size).</summary>
    Medium,

    /// <summary>About 5,000 words.</summary>
    Long,
}

/// <summary>
/// The scoring hot path, stage by stage, on one synthetic article per size, all in one run so the ratios to the
/// tokenize-only baseline are comparable: tokenize → feature extraction → token trees; quality analysis alone;
/// spin scoring without the quality step; the full <see cref="SpinDetector.Score(string)"/>; and the cost of
/// building the report alone (to tell the report's own allocation from the pipeline's).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class ScoringBenchmarks
{
    private ScoringFixture _fixture = null!;
    private ScoreSettings _settings;
    private string _text = string.Empty;
    private TokenList _tokens = null!;
    private DocumentAnalysis _analysis = null!;
    private SpinReport _report = null!;

    /// <summary>The article size.</summary>
    [Params(ArticleSize.Short, ArticleSize.Medium, ArticleSize.Long)]
    public ArticleSize Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _fixture = ScoringFixture.Open();
        var options = _fixture.Detector.Options;
        _settings = new ScoreSettings(_fixture.Detector.Threshold, options.MaxEvidence, options.MinWords, options.MinEvidenceScore);
        _text = Article(Size);
        _tokens = new TokenList();
        _analysis = new DocumentAnalysis();
        _fixture.Pipeline.Model.Featurizer.Analyze(_text, _analysis);
        _report = _fixture.Detector.Score(_text);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _tokens.Dispose();
        _analysis.Dispose();
    }

    /// <summary>The article used for <paramref name="size"/>; the same text in every run.</summary>
    internal static string Article(ArticleSize size) => size switch
    {
        ArticleSize.Short => SyntheticArticles.Generate(SyntheticArticles.ShortWords, seed: 1),
        ArticleSize.Medium => SyntheticArticles.Generate(SyntheticArticles.MediumWords, seed: 2),
        _ => SyntheticArticles.Generate(SyntheticArticles.LongWords, seed: 3),
    };

    /// <summary>Tokenizer only, into a reused list: the floor every other stage is compared with.</summary>
    [Benchmark(Baseline = true)]
    public int Tokenize()
    {
        Tokenizer.Tokenize(_text, _tokens);
        return _tokens.Count;
    }

    /// <summary>Spin feature extraction (tokenize, word stream, candidates, n-grams, vectors) into a reused analysis.</summary>
    [Benchmark]
    public int Features()
    {
        _fixture.Pipeline.Model.Featurizer.Analyze(_text, _analysis);
        return _analysis.EligibleCount;
    }

    /// <summary>The token trees alone over the features extracted in setup.</summary>
    [Benchmark]
    public float TokenTrees()
    {
        _fixture.Pipeline.Model.ScoreTokens(_analysis);
        return _analysis.Probabilities[0];
    }

    /// <summary>Text-quality analysis alone (line features, line and document models, flags).</summary>
    [Benchmark]
    public double Quality() => _fixture.Quality.Analyze(_text).Quality;

    /// <summary>Everything <see cref="Score"/> does except the quality step: features, both tree ensembles,
    /// evidence and the report.</summary>
    [Benchmark]
    public SpinReport ScoreWithoutQuality() => ScoreWithoutQuality(_fixture, _settings, _text, _analysis);

    /// <summary>What <see cref="SpinPipeline.Score"/> does when the quality step is left out.</summary>
    internal static SpinReport ScoreWithoutQuality(ScoringFixture fixture, in ScoreSettings settings, ReadOnlySpan<char> text, DocumentAnalysis analysis)
    {
        Span<float> features = stackalloc float[DocumentFeatures.Count];
        var confidence = fixture.Pipeline.Model.Score(text, analysis, features);
        return new SpinReport
        {
            Spun = settings.IsSpun(confidence, analysis.WordCount),
            Confidence = confidence,
            Quality = 1,
            Words = analysis.WordCount,
            Flags = [],
            Evidence = fixture.Pipeline.Evidence(text, analysis, settings),
        };
    }

    /// <summary>The public entry point: quality, cleaning, spin features, trees, evidence, report.</summary>
    [Benchmark]
    public SpinReport Score() => _fixture.Detector.Score(_text);

    /// <summary>Allocates a report shaped like this article's (same flags and evidence strings): the part of
    /// <see cref="Score"/>'s allocation that is the result itself.</summary>
    [Benchmark]
    public SpinReport ReportOnly() => CopyReport(_report);

    /// <summary>A copy of <paramref name="report"/> allocated as the pipeline allocates it. Suggestions are shared,
    /// not copied (most come from the lexicon unallocated), so this is a lower bound of the report's size.</summary>
    internal static SpinReport CopyReport(SpinReport report)
    {
        IReadOnlyList<string> flags = [];
        if (report.Flags.Count > 0)
        {
            var list = new List<string>(4);
            for (var i = 0; i < report.Flags.Count; i++)
            {
                list.Add(report.Flags[i]);
            }

            flags = list;
        }

        IReadOnlyList<SpinEvidence> evidence = [];
        if (report.Evidence.Count > 0)
        {
            var copy = new SpinEvidence[report.Evidence.Count];
            for (var i = 0; i < copy.Length; i++)
            {
                var e = report.Evidence[i];
                copy[i] = new SpinEvidence(e.Offset, e.Length, new string(e.Text.AsSpan()), e.Suggestion, e.Score);
            }

            evidence = copy;
        }

        return report with { Flags = flags, Evidence = evidence };
    }
}
