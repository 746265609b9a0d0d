using SpinDetect.Features;
using SpinDetect.Model;
using SpinDetect.Training.Spin;

namespace SpinDetect.Benchmarks.Scoring;

/// <summary>
/// <c>stand-in-model OUT [--corpus DIR] [--documents N]</c>: trains a spin model for the current feature schema on
/// the first N training texts of the corpus, with the shipped training defaults but early stopping off (so every
/// tree the defaults allow is grown: the most tree-evaluation cost a shipped model can have), for benchmarking before the shipped model exists. Its scores mean
/// nothing; its speed is representative. The figures name the model file they were measured with.
/// </summary>
internal static class StandInModelMode
{
    internal static int Run(string[] args)
    {
        var plain = ModeArguments.Check(args, ["--corpus", "--documents"], [], positional: 1);
        if (plain.Count == 0)
        {
            Console.Error.WriteLine("usage: stand-in-model OUT [--corpus DIR] [--documents N]");
            return 2;
        }

        var output = Path.GetFullPath(plain[0]);
        var corpus = ModeArguments.RepositoryPath(ModeArguments.Option(args, "--corpus") ?? Path.Combine("data", "corpus"));
        var count = ModeArguments.IntOption(args, "--documents", 1000);

        var documents = SpinCorpus.LoadFolder(corpus);
        var training = documents.Where(d => d.Split == "train").Take(count).ToList();
        var validation = documents.Where(d => d.Split == "validation").Take(Math.Max(100, count / 4)).ToList();
        var lexiconPath = Path.Combine(AppContext.BaseDirectory, ModelAssets.DirectoryName, ModelAssets.LexiconFileName);
        var featurizer = SpinFeaturizer.Load(lexiconPath);
        // Early stopping off: every tree the defaults allow is grown, so tree evaluation is costed at its maximum.
        var options = new SpinTrainingOptions();
        options.TokenModel.EarlyStoppingRounds = 0;
        options.DocumentModel.EarlyStoppingRounds = 0;
        var result = new SpinModelTrainer(options).Train(training, validation, featurizer, new Progress<string>(Console.WriteLine));
        var metadata = SpinModelMetadata.Create(result, options, DateTimeOffset.UtcNow, corpus, lexiconPath);
        ModelFile.Write(output, result.ToPackage(metadata));
        Console.WriteLine($"stand-in model: {training.Count} training texts; token model {result.TokenModel.TreeCount} trees, "
            + $"document model {result.DocumentModel.TreeCount} trees; wrote {output}");
        return 0;
    }
}
