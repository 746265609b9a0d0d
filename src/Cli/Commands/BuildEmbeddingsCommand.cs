using System.CommandLine;
using SpinDetect.Cli.Scoring;
using SpinDetect.Lexicon;
using SpinDetect.Training.Resources;

namespace SpinDetect.Cli.Commands;

/// <summary><c>spindetect build-embeddings</c>: builds models/embeddings.bin (GloVe vectors for the lexicon's words) from data/cache.</summary>
internal static class BuildEmbeddingsCommand
{
    internal static Command Create()
    {
        var cache = new Option<string>("--cache")
        {
            Description = "Directory filled by data/fetch.sh.",
            DefaultValueFactory = _ => Path.Combine("data", "cache"),
        };
        var lexicon = new Option<string>("--lexicon")
        {
            Description = "Lexicon whose word ids the vectors follow.",
            DefaultValueFactory = _ => Path.Combine("models", "lexicon.bin"),
        };
        var output = new Option<string>("--out")
        {
            Description = "Embeddings file to write (atomically).",
            DefaultValueFactory = _ => Path.Combine("models", "embeddings.bin"),
        };
        var command = new Command("build-embeddings", "Build the compact word-embeddings asset (quantised GloVe vectors for the lexicon's vocabulary) from data/cache.")
        {
            cache,
            lexicon,
            output,
        };
        command.SetAction(parseResult =>
        {
            var console = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var cacheDirectory = parseResult.GetValue(cache)!;
            var outputPath = parseResult.GetValue(output)!;
            if (!Directory.Exists(cacheDirectory))
            {
                error.WriteLine($"build-embeddings: cache directory '{cacheDirectory}' does not exist; run 'bash data/fetch.sh' first.");
                return 2;
            }

            if (OutputPaths.Problem("--out", outputPath, [parseResult.GetValue(lexicon)]) is { } problem)
            {
                error.WriteLine($"build-embeddings: {problem}.");
                return 2;
            }

            try
            {
                var s = EmbeddingsBuilder.BuildFromCache(cacheDirectory, parseResult.GetValue(lexicon)!, outputPath);
                console.WriteLine($"wrote {outputPath}: {s.FileBytes:N0} bytes ({s.FileBytes / 1048576.0:F2} MiB), {s.Dimensions} dimensions");
                console.WriteLine($"coverage: {s.WordsWithVector:N0} of {s.Words:N0} lexicon words have a vector ({100 * s.Coverage:F2}%; {s.WordsWithHostVector:N0} clitic or possessive forms use their host word's vector); {100 * s.TokenCoverage:F2}% of running text by unigram mass");
                console.WriteLine($"source words {s.SourceWords:N0} · quantisation |Δcos| mean {s.MeanCosineError:F4} max {s.MaxCosineError:F4} over {s.CosineSample:N0} pairs");
                console.WriteLine($"time: read {s.ReadTime.TotalSeconds:F1} s, quantise+write {s.BuildTime.TotalSeconds:F1} s");
                return 0;
            }
            catch (Exception failure) when (failure is IOException or InvalidDataException or UnauthorizedAccessException or LexiconFormatException)
            {
                error.WriteLine($"build-embeddings: {failure.Message}");
                return 1;
            }
        });
        return command;
    }
}
