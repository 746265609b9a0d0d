using System.Text;
using BenchmarkDotNet.Attributes;
using SpinDetect.Quality;
using SpinDetect.Text;

namespace SpinDetect.Benchmarks.Quality;

/// <summary>
/// Quality analysis of an 800-word article (with four junk lines) against tokenising the same text, the baseline
/// that full spin scoring also pays. Run: <c>dotnet run -c Release --project benchmarks/SpinDetect.Benchmarks --
/// --filter *QualityBenchmarks*</c>.
/// </summary>
[MemoryDiagnoser]
public class QualityBenchmarks
{
    private static readonly string[] Sentences =
    [
        "The council met on Tuesday to discuss the new budget for the coming year.",
        "Several members argued that the roads on the west side needed urgent repairs.",
        "Others said the money would be better spent on the library and the swimming pool.",
        "The mayor promised that no decision would be taken before the public had been consulted.",
        "Residents who attended the meeting asked why the bus service had been cut last winter.",
        "A spokesman for the transport company said fewer passengers had used the route since the factory closed.",
        "Teachers at the primary school have asked for a safer crossing on the main road.",
        "Traffic surveys show that more than two thousand cars pass the school gate every morning.",
        "The police said they would increase patrols near the crossing until a decision was made.",
        "Local shops reported that business had improved since the market moved to the square.",
        "Farmers outside the town welcomed the plan to repair the bridge over the river.",
        "The bridge was closed in the spring after engineers found cracks in two of its supports.",
        "Work on the new sports hall is expected to finish by the end of the summer.",
        "The contractor blamed the delay on a shortage of steel and a wet winter.",
        "Councillors will vote on the final budget at their next meeting in March.",
    ];

    private string _article = "";
    private TokenList _tokens = null!;
    private QualityAnalyzer _analyzer = null!;
    private QualityScratch _scratch = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        var text = new StringBuilder();
        var words = 0;
        var paragraph = 0;
        string[] junk = ["Advertisement", "Share this article", "Read more: Harbour plan approved after long debate", "Sign up for our newsletter"];
        while (words < 800)
        {
            for (var s = random.Next(2, 5); s > 0; s--)
            {
                var sentence = Sentences[random.Next(Sentences.Length)];
                text.Append(sentence).Append(' ');
                words += sentence.Split(' ').Length;
            }

            text.Append("\n\n");
            if (++paragraph % 4 == 0 && paragraph / 4 <= junk.Length)
            {
                text.Append(junk[(paragraph / 4) - 1]).Append("\n\n");
            }
        }

        _article = text.ToString();
        _tokens = new TokenList(2048);
        _analyzer = QualityAnalyzer.Default;
        _scratch = new QualityScratch { Idf = _analyzer.Model.Idf };
    }

    [GlobalCleanup]
    public void Cleanup() => _tokens.Dispose();

    [Benchmark(Baseline = true, Description = "Tokenize 800 words")]
    public int Tokenize()
    {
        Tokenizer.Tokenize(_article, _tokens);
        return _tokens.Count;
    }

    [Benchmark(Description = "Quality features 800 words")]
    public int ExtractFeatures() => QualityFeatureExtractor.Extract(_article, _scratch, out _);

    [Benchmark(Description = "Quality analysis 800 words")]
    public double Analyze() => _analyzer.Analyze(_article).Quality;

    [Benchmark(Description = "Quality analysis + clean text 800 words")]
    public int AnalyzeAndClean()
    {
        var result = _analyzer.Analyze(_article);
        return result.Clean(_article).Text.Length;
    }
}
