using System.Globalization;
using SpinDetect.Features;
using SpinDetect.Training.Corpus;

namespace SpinDetect.Benchmarks.Scoring;

/// <summary>
/// <c>score-dump --corpus data/corpus/corpus.csv --texts 300 --output dump.txt</c>: scores every k-th corpus text
/// and writes, per text, the exact bits of the document confidence, every token feature and every token
/// probability, and the full <see cref="SpinDetector.Score(string)"/> report (confidence bits, evidence). Two dumps
/// made before and after a speed change must be byte-identical (or differ only where the change is meant to).
/// </summary>
internal static class ScoreDumpMode
{
    internal static int Run(string[] args)
    {
        ModeArguments.Check(args, ["--corpus", "--texts", "--output"], []);
        var corpus = ModeArguments.RepositoryPath(ModeArguments.Option(args, "--corpus") ?? "data/corpus/corpus.csv");
        var texts = ModeArguments.IntOption(args, "--texts", 300);
        var output = ModeArguments.Option(args, "--output") ?? "score-dump.txt";
        var fixture = ScoringFixture.Open();
        var model = fixture.Pipeline.Model;
        var records = CorpusCsv.Read(corpus);
        var stride = Math.Max(1, records.Count / texts);
        using var analysis = new DocumentAnalysis();
        var documentRow = new float[DocumentFeatures.Count];
        using var writer = new StreamWriter(output);
        var written = 0;
        for (var r = 0; r < records.Count && written < texts; r += stride, written++)
        {
            var text = records[r].Text;
            var confidence = model.Score(text, analysis, documentRow);
            writer.Write(records[r].Id);
            writer.Write(' ');
            writer.Write(BitConverter.DoubleToInt64Bits(confidence).ToString("x16", CultureInfo.InvariantCulture));
            writer.Write(' ');
            writer.Write(analysis.EligibleCount.ToString(CultureInfo.InvariantCulture));
            writer.WriteLine();
            var features = 0UL;
            for (var i = 0; i < analysis.EligibleCount * TokenFeatures.Count; i++)
            {
                features = (features * 1_000_003UL) ^ BitConverter.SingleToUInt32Bits(analysis.Features[i]);
            }

            writer.Write("F ");
            writer.WriteLine(features.ToString("x16", CultureInfo.InvariantCulture));
            writer.Write('P');
            for (var e = 0; e < analysis.EligibleCount; e++)
            {
                writer.Write(' ');
                writer.Write(BitConverter.SingleToUInt32Bits(analysis.Probabilities[e]).ToString("x8", CultureInfo.InvariantCulture));
            }

            writer.WriteLine();
            writer.Write("D");
            foreach (var value in documentRow)
            {
                writer.Write(' ');
                writer.Write(BitConverter.SingleToUInt32Bits(value).ToString("x8", CultureInfo.InvariantCulture));
            }

            writer.WriteLine();
            var report = fixture.Detector.Score(text);
            writer.Write("R ");
            writer.Write(BitConverter.DoubleToInt64Bits(report.Confidence).ToString("x16", CultureInfo.InvariantCulture));
            writer.Write(' ');
            writer.Write(report.Spun ? '1' : '0');
            foreach (var evidence in report.Evidence)
            {
                writer.Write(string.Create(CultureInfo.InvariantCulture, $" {evidence.Offset}:{evidence.Length}:{evidence.Suggestion}:{BitConverter.DoubleToInt64Bits(evidence.Score):x16}"));
            }

            writer.WriteLine();
        }

        Console.WriteLine($"{written} texts dumped to {output}.");
        return 0;
    }
}
