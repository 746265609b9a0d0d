using System.Text;
using SpinDetect.Tests.Features;
using SpinDetect.Training.Spin;

namespace SpinDetect.Tests.Retraining;

/// <summary>
/// Small labelled corpora over the words of <see cref="TinyWordStatistics.CatAndBag"/>: clean texts join stock
/// sentences; spun texts replace "bag" by "purse" and "result" by "arise" the way a spinner would, with the
/// replacement spans and originals logged. Deterministic for a seed, and every text is unique (a running number names it).
/// </summary>
internal static class SyntheticCorpus
{
    private static readonly string[] Sentences =
    [
        "the cat is out of the bag.",
        "as a result we won.",
        "the cat is out.",
        "we won the bag.",
        "as a result the cat is out of the bag.",
        "we won as a result.",
    ];

    /// <summary>Documents split 60/20/20 into train, validation and test by group (two texts per group).</summary>
    public static List<SpinDocument> Documents(int count, int seed, string prefix = "doc")
    {
        var random = new Random(seed);
        var documents = new List<SpinDocument>(count);
        for (var i = 0; i < count; i++)
        {
            var spun = i % 2 == 1;
            var (text, spans, originals) = Text(random, spun, i, prefix);
            var group = $"{prefix}-g{i / 2}";
            var split = (i / 2 % 5) switch { < 3 => "train", 3 => "validation", _ => "test" };
            documents.Add(new SpinDocument($"{prefix}-{i}", group, "synthetic", spun ? "tiny" : "none", spun ? 0.3 : 0, text, spun, spans, split, "test", originals));
        }

        return documents;
    }

    /// <summary>A text, its replacement spans (empty when clean) and the word each replaced.</summary>
    public static (string Text, (int Start, int Length)[] Spans, string[] Originals) Text(Random random, bool spun, int number, string prefix)
    {
        var builder = new StringBuilder();
        var spans = new List<(int Start, int Length, string Original)>();
        builder.Append(prefix).Append(' ').Append(number).Append('.');
        var sentences = 6 + random.Next(6);
        for (var s = 0; s < sentences; s++)
        {
            builder.Append(' ');
            var sentence = Sentences[random.Next(Sentences.Length)];
            var start = builder.Length;
            if (spun && random.NextDouble() < 0.7)
            {
                foreach (var (from, to) in new[] { ("bag", "purse"), ("result", "arise") })
                {
                    var at = sentence.IndexOf(from, StringComparison.Ordinal);
                    if (at >= 0)
                    {
                        sentence = string.Concat(sentence.AsSpan(0, at), to, sentence.AsSpan(at + from.Length));
                        spans.Add((start + at, to.Length, from));
                    }
                }
            }

            builder.Append(sentence);
        }

        spans.Sort();
        return (builder.ToString(), [.. spans.Select(s => (s.Start, s.Length))], [.. spans.Select(s => s.Original)]);
    }

    /// <summary>A sample CSV (text,label,group) of <paramref name="count"/> texts unlike the corpus's (another prefix).</summary>
    public static string SampleCsv(int count, int seed, string prefix = "sample")
    {
        var random = new Random(seed);
        var csv = new StringBuilder("text,label,group\n");
        for (var i = 0; i < count; i++)
        {
            var spun = i % 2 == 1;
            var (text, _, _) = Text(random, spun, i, prefix);
            csv.Append('"').Append(text.Replace("\"", "\"\"", StringComparison.Ordinal)).Append("\",")
                .Append(spun ? "spun" : "clean").Append(',').Append(prefix).Append("-g").Append(i / 2).Append('\n');
        }

        return csv.ToString();
    }
}
