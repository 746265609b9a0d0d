using System.Globalization;
using System.Text;
using SpinDetect.Features;
using SpinDetect.Training.Boosting;
using SpinDetect.Training.Spin;

namespace SpinDetect.Benchmarks.Boosting;

/// <summary>
/// <c>export-spin-tokens CORPUS_FOLDER OUT_FOLDER [--lexicon models/lexicon.bin] [--train-texts 3000] [--words 150]</c>:
/// writes the spin model's token feature matrix (one row per sampled eligible word, labelled from the spinner's
/// log) as <c>train.csv</c> (the first N texts of the corpus's train split) and <c>test.csv</c> (the whole test
/// split), for <c>benchmarks/parity/run.sh spin-token OUT/train.csv OUT/test.csv</c>. NaN cells are left empty.
/// </summary>
internal static class ExportSpinTokensMode
{
    internal static int Run(string[] args)
    {
        var paths = Scoring.ModeArguments.Check(args, ["--lexicon", "--train-texts", "--words"], [], positional: 2);
        var lexicon = Scoring.ModeArguments.Option(args, "--lexicon") ?? Path.Combine("models", "lexicon.bin");
        var trainTexts = Scoring.ModeArguments.IntOption(args, "--train-texts", 3000);
        var words = Scoring.ModeArguments.IntOption(args, "--words", 150);

        if (paths.Count != 2)
        {
            Console.Error.WriteLine("usage: export-spin-tokens CORPUS_FOLDER OUT_FOLDER [--lexicon PATH] [--train-texts N] [--words N]");
            return 2;
        }

        var corpus = SpinCorpus.LoadFolder(paths[0]);
        var featurizer = SpinFeaturizer.Load(lexicon);
        var train = corpus.Where(d => d.Split == "train").Take(trainTexts).ToList();
        var test = corpus.Where(d => d.Split == "test").ToList();
        Directory.CreateDirectory(paths[1]);
        foreach (var (name, documents) in new[] { ("train.csv", train), ("test.csv", test) })
        {
            var table = SpinFeatureTables.BuildTokenTable(documents, featurizer, words, seed: 123, Environment.ProcessorCount);
            var path = Path.Combine(paths[1], name);
            Write(table, path);
            Console.WriteLine($"{path}: {table.RowCount} rows × {table.FeatureCount} features from {documents.Count} texts");
        }

        return 0;
    }

    private static void Write(TabularData table, string path)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        writer.Write(string.Join(',', table.FeatureNames));
        writer.Write(",label\n");
        var line = new StringBuilder();
        for (var r = 0; r < table.RowCount; r++)
        {
            line.Clear();
            foreach (var value in table.Row(r))
            {
                if (!float.IsNaN(value))
                {
                    line.Append(value.ToString("R", CultureInfo.InvariantCulture));
                }

                line.Append(',');
            }

            line.Append(table.Labels[r] > 0.5f ? '1' : '0').Append('\n');
            writer.Write(line);
        }
    }
}
