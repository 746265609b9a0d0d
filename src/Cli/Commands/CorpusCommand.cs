using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using SpinDetect.Lexicon;
using SpinDetect.Training.Corpus;
using SpinDetect.Training.Spinning;

namespace SpinDetect.Cli.Commands;

/// <summary><c>spindetect corpus build</c>: the labelled training corpus and the WordNet evaluation set from data/cache.</summary>
internal static class CorpusCommand
{
    internal static Command Create()
    {
        var cache = new Option<string>("--cache") { Description = "Data cache folder (filled by data/fetch.sh).", DefaultValueFactory = _ => Path.Combine("data", "cache") };
        var output = new Option<string>("--out") { Description = "Output folder for corpus.csv, substitutions.jsonl, eval-wordnet.* and corpus-report.md.", DefaultValueFactory = _ => Path.Combine("data", "corpus") };
        var seed = new Option<int>("--seed") { Description = "Seed of every random choice.", DefaultValueFactory = _ => CorpusOptions.Defaults.Seed };
        var size = new Option<int>("--size") { Description = "Most clean originals (each gets one spun twin); 0 = every piece.", DefaultValueFactory = _ => CorpusOptions.Defaults.MaxOriginals };
        var perSource = new Option<int>("--per-source") { Description = "Most pieces from one source.", DefaultValueFactory = _ => CorpusOptions.Defaults.MaxPerSource };
        var noWordNet = new Option<bool>("--no-wordnet") { Description = "Do not build the WordNet evaluation and development sets (their files are written empty)." };
        var lexicon = new Option<string>("--lexicon") { Description = "Lexicon asset whose reverse index the report measures (skipped when missing).", DefaultValueFactory = _ => Path.Combine("models", "lexicon.bin") };
        var allowPartial = new Option<bool>("--allow-partial")
        {
            Description = "Build even when a hard-negative source (Debian Reference, Python documentation, Austen) or the language model "
                + "is missing from the cache, with a warning; without it they are required, since the corpus would differ from the documented one.",
        };
        var build = new Command("build", "Build the spinner training corpus (clean vs Moby-spun, source-disjoint splits) and the WordNet evaluation (test originals) and development (validation originals) sets.");
        build.Options.Add(cache);
        build.Options.Add(output);
        build.Options.Add(seed);
        build.Options.Add(size);
        build.Options.Add(perSource);
        build.Options.Add(noWordNet);
        build.Options.Add(lexicon);
        build.Options.Add(allowPartial);
        build.SetAction(parseResult =>
        {
            var console = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var options = new CorpusOptions
            {
                Seed = parseResult.GetValue(seed),
                MaxOriginals = parseResult.GetValue(size),
                MaxPerSource = parseResult.GetValue(perSource),
                WordNetEvaluation = !parseResult.GetValue(noWordNet),
            };
            try
            {
                // The lexicon is read before the hours of work, so a bad one fails at once and leaves the corpus as it was.
                var lexiconPath = parseResult.GetValue(lexicon)!;
                (ReferenceLexicon, string)? reportLexicon = File.Exists(lexiconPath) ? (ReferenceLexicon.Load(lexiconPath), lexiconPath) : null;
                var sources = new CorpusSources(parseResult.GetValue(cache)!);
                return Build(sources, parseResult.GetValue(output)!, options, reportLexicon, parseResult.GetValue(allowPartial), console, error);
            }
            catch (LexiconFormatException e)
            {
                error.WriteLine($"corpus build: --lexicon {parseResult.GetValue(lexicon)}: {e.Message}");
                return 2;
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or InvalidDataException or ArgumentException or IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"corpus build: {e.Message}");
                return 2;
            }
        });

        var command = new Command("corpus", "Training corpus tools.");
        command.Subcommands.Add(build);
        return command;
    }

    private static int Build(
        CorpusSources sources, string output, CorpusOptions options, (ReferenceLexicon, string)? lexicon, bool allowPartial, TextWriter console, TextWriter error)
    {
        var clock = Stopwatch.StartNew();
        var documents = sources.ReadDocuments(allowPartial, error.WriteLine);
        console.WriteLine($"read {documents.Count} source documents ({clock.Elapsed.TotalSeconds:F1} s)");
        var moby = sources.ReadMoby();
        var frequencies = sources.ReadFrequencies(documents.Select(d => d.Text), allowPartial, error.WriteLine);
        var evidence = WordFrequencyList.FromTexts(documents.Select(d => d.Text));
        var spinner = sources.CreateSpinner(new MobySynonyms(moby), frequencies, evidence);
        var wordnet = options.WordNetEvaluation ? sources.CreateSpinner(sources.ReadWordNetSynonyms(), frequencies, evidence) : null;
        console.WriteLine($"loaded Moby, WordNet and {frequencies.Name} ({clock.Elapsed.TotalSeconds:F1} s)");
        var corpus = new CorpusBuilder(spinner, wordnet, options).Build(documents, console.WriteLine);
        var built = clock.Elapsed;
        console.WriteLine($"spun ({built.TotalSeconds:F1} s)");
        // The report is made before any file is written: a failure there leaves the previous corpus and its report together.
        var report = CorpusReport.Create(corpus, frequencies, sources.CreateReverseLookup(moby),
        [
            $"Built by `spindetect corpus build --seed {options.Seed} --size {options.MaxOriginals} --per-source {options.MaxPerSource}` "
                + $"in {built.TotalSeconds.ToString("F0", CultureInfo.InvariantCulture)} s (reading and spinning; 2 cores shared). "
                + $"Frequencies: {frequencies.Name}. Splits are assigned per source document group "
                + $"({options.TrainShare:P0} / {options.ValidationShare:P0} / rest test).",
        ], lexicon);
        corpus.Write(output);
        var reportPath = Path.Combine(output, "corpus-report.md");
        AtomicFile.WriteText(reportPath, writer => writer.Write(report));
        console.WriteLine($"wrote {corpus.Records.Count} texts to {Path.Combine(output, CorpusBuild.CorpusFile)}, "
            + $"{corpus.EvaluationRecords.Count} to {Path.Combine(output, CorpusBuild.EvaluationFile)}, "
            + $"{corpus.DevelopmentRecords.Count} to {Path.Combine(output, CorpusBuild.DevelopmentFile)}, report {reportPath} "
            + $"({clock.Elapsed.TotalSeconds:F1} s)");
        return 0;
    }
}
