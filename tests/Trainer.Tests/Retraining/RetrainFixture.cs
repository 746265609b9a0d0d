using SpinDetect.Features;
using SpinDetect.Tests.Features;
using SpinDetect.Training.Retraining;
using SpinDetect.Training.Spin;

namespace SpinDetect.Tests.Retraining;

/// <summary>A temporary folder with a synthetic base corpus and sample CSVs, and fast training options.</summary>
internal sealed class RetrainFixture : IDisposable
{
    public RetrainFixture()
    {
        Folder = Directory.CreateTempSubdirectory("spindetect-retrain-").FullName;
        BaseCorpus = SyntheticCorpus.Documents(120, seed: 7);
    }

    public string Folder { get; }

    public List<SpinDocument> BaseCorpus { get; }

    public string this[string name] => Path.Combine(Folder, name);

    public string Write(string name, string text)
    {
        var path = this[name];
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Few small trees: seconds per run.</summary>
    public static RetrainOptions FastOptions(int trees = 12, double learningRate = 0.2) => new()
    {
        TrainedAt = new DateTimeOffset(2026, 1, 2, 0, 0, 0, TimeSpan.Zero),
        Training = new SpinTrainingOptions
        {
            NumberOfThreads = 2,
            TokenModel = new() { NumberOfTrees = trees, NumberOfLeaves = 4, MinimumExampleCountPerLeaf = 5, LearningRate = learningRate },
            DocumentModel = new() { NumberOfTrees = trees, NumberOfLeaves = 4, MinimumExampleCountPerLeaf = 3, LearningRate = learningRate },
        },
    };

    public RetrainResult Run(RetrainRequest request, RetrainOptions options, IProgress<RetrainProgress>? progress = null, CancellationToken cancellationToken = default) =>
        new SpinRetrainer(options).Retrain(
            request, BaseCorpus, () => new SpinFeaturizer(TinyWordStatistics.CatAndBag()), null, null, progress, cancellationToken);

    /// <summary>Every file in the folder, by name.</summary>
    public string[] Files() => [.. Directory.GetFiles(Folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Folder, f)).Order(StringComparer.Ordinal)];

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the system's temp cleaner.
        }
    }
}
