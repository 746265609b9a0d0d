using System.CommandLine;
using SpinDetect.Training.Resources;

namespace SpinDetect.Cli.Commands;

/// <summary><c>spindetect build-lexicon</c>: builds models/lexicon.bin from the resources in data/cache.</summary>
internal static class BuildLexiconCommand
{
    internal static Command Create()
    {
        var cache = new Option<string>("--cache")
        {
            Description = "Directory filled by data/fetch.sh.",
            DefaultValueFactory = _ => Path.Combine("data", "cache"),
        };
        var output = new Option<string>("--out")
        {
            Description = "Lexicon file to write (atomically).",
            DefaultValueFactory = _ => Path.Combine("models", "lexicon.bin"),
        };
        var command = new Command("build-lexicon", "Build the compact lexicon asset (language model, Moby synonym indexes, WordNet morphology) from data/cache.")
        {
            cache,
            output,
        };
        command.SetAction(parseResult =>
        {
            var console = parseResult.InvocationConfiguration.Output;
            var cacheDirectory = parseResult.GetValue(cache)!;
            var outputPath = parseResult.GetValue(output)!;
            if (!Directory.Exists(cacheDirectory))
            {
                parseResult.InvocationConfiguration.Error.WriteLine(
                    $"build-lexicon: cache directory '{cacheDirectory}' does not exist; run 'bash data/fetch.sh' first.");
                return 2;
            }

            try
            {
                var s = LexiconBuilder.BuildFromCache(cacheDirectory, outputPath);
                console.WriteLine($"wrote {outputPath}: {s.FileBytes:N0} bytes ({s.FileBytes / 1048576.0:F1} MiB)");
                console.WriteLine($"vocabulary {s.Words:N0} · bigrams {s.Bigrams:N0} (unreachable in source {s.UnreachableBigrams:N0}) · trigrams {s.Trigrams:N0} (dropped {s.DroppedTrigrams:N0})");
                console.WriteLine($"quantisation error (log10): bigram mean {s.MeanBigramQuantisationError:F4} max {s.MaxBigramQuantisationError:F4} · trigram mean {s.MeanTrigramQuantisationError:F4}");
                console.WriteLine($"reverse synonyms {s.ReverseLinks:N0} links over {s.WordsWithReverseSynonyms:N0} words");
                console.WriteLine($"morphology: {s.MorphologyLemmas:N0} lemmas, {s.IrregularForms:N0} irregular forms · {s.Analyses:N0} analyses, {s.InflectedForms:N0} inflected forms in id space");
                var coverage = s.CoverageSample == 0 ? 0 : 100.0 * s.CoverageHits / s.CoverageSample;
                console.WriteLine($"reverse-lookup coverage of sampled Moby substitutions: {s.CoverageHits:N0}/{s.CoverageSample:N0} ({coverage:F2}%)");
                console.WriteLine($"time: read {s.ReadTime.TotalSeconds:F1} s, build+write {s.BuildTime.TotalSeconds:F1} s");
                return 0;
            }
            catch (Exception error) when (error is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                parseResult.InvocationConfiguration.Error.WriteLine($"build-lexicon: {error.Message}");
                return 1;
            }
        });
        return command;
    }
}
