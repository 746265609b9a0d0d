using System.Diagnostics;
using SpinDetect.Quality;
using SpinDetect.Text;
using SpinDetect.Training.Evaluation;

namespace SpinDetect.Training.Quality;

/// <summary>
/// Measures a quality model on generated held-out documents: line-level junk detection, the appended-unrelated
/// flag, false flags on clean documents, every flag's precision and recall, the document probability, and the
/// time of quality analysis relative to tokenising the same text.
/// </summary>
internal static class QualityEvaluator
{
    /// <summary>Evaluates <paramref name="model"/> on <paramref name="documents"/>.</summary>
    public static QualityEvaluation Evaluate(QualityModel model, IReadOnlyList<LabeledDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(documents);
        var analyzer = new QualityAnalyzer(model);
        var evaluation = new QualityEvaluation { Documents = documents.Count };
        var cleanLabels = new float[documents.Count];
        var cleanProbabilities = new double[documents.Count];
        var appendedLabels = new float[documents.Count];
        var appendedProbabilities = new double[documents.Count];
        for (var d = 0; d < documents.Count; d++)
        {
            var document = documents[d];
            var result = analyzer.Analyze(document.Text);
            cleanLabels[d] = document.IsClean ? 1 : 0;
            cleanProbabilities[d] = result.Quality;
            appendedLabels[d] = (document.Expected & QualityFlags.AppendedUnrelated) != 0 ? 1 : 0;
            appendedProbabilities[d] = result.AppendedProbability;
            evaluation.CountFlags(document.Expected, result.Flags, document.Recipe, document.Register);
            if ((document.Expected & QualityFlags.NotEnglish) == 0)
            {
                evaluation.CountLines(document, result);
            }
        }

        evaluation.Document = BinaryClassificationMetrics.Compute(cleanLabels, cleanProbabilities);
        evaluation.Appended = BinaryClassificationMetrics.Compute(appendedLabels, appendedProbabilities);
        Time(analyzer, documents, evaluation);
        return evaluation;
    }

    /// <summary>
    /// Times tokenisation, feature extraction, analysis with the caller's tokens and full analysis, interleaved text
    /// by text so that load on a shared machine falls on all four alike; five rounds, the fastest round kept.
    /// </summary>
    private static void Time(QualityAnalyzer analyzer, IReadOnlyList<LabeledDocument> documents, QualityEvaluation evaluation)
    {
        var texts = documents.Take(500).Select(d => d.Text).ToArray();
        using var tokens = new TokenList();
        var scratch = new QualityScratch { Idf = analyzer.Model.Idf, Vectors = analyzer.Model.Vectors, Lexicon = analyzer.Model.Lexicon };
        long words = 0;
        foreach (var text in texts)
        {
            words += analyzer.Analyze(text).Words;
        }

        var best = new[] { double.MaxValue, double.MaxValue, double.MaxValue, double.MaxValue };
        var clock = new Stopwatch();
        for (var round = 0; round < 5; round++)
        {
            var total = new double[4];
            foreach (var text in texts)
            {
                clock.Restart();
                Tokenizer.Tokenize(text, tokens);
                total[0] += clock.Elapsed.TotalMicroseconds;
                clock.Restart();
                QualityFeatureExtractor.Extract(text, scratch, out _);
                total[1] += clock.Elapsed.TotalMicroseconds;
                Tokenizer.Tokenize(text, tokens);
                clock.Restart();
                analyzer.Analyze(text, tokens.AsSpan());
                total[2] += clock.Elapsed.TotalMicroseconds;
                clock.Restart();
                analyzer.Analyze(text);
                total[3] += clock.Elapsed.TotalMicroseconds;
            }

            for (var k = 0; k < 4; k++)
            {
                best[k] = Math.Min(best[k], total[k] / texts.Length);
            }
        }

        evaluation.MeanWords = texts.Length == 0 ? 0 : (double)words / texts.Length;
        evaluation.TokenizeMicroseconds = best[0];
        evaluation.ExtractMicroseconds = best[1];
        evaluation.SharedTokensMicroseconds = best[2];
        evaluation.AnalyzeMicroseconds = best[3];
    }
}
