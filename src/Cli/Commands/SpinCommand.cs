using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using SpinDetect.Training.Corpus;
using SpinDetect.Training.Resources;
using SpinDetect.Training.Spinning;
using SpinDetect.Text;

namespace SpinDetect.Cli.Commands;

/// <summary><c>spindetect spin</c>: spun copies of clean text files, with their substitution logs.</summary>
internal static class SpinCommand
{
    internal static Command Create()
    {
        var input = new Argument<string>("path") { Description = "A text file, or a folder whose *.txt files are spun." };
        var rate = new Option<double>("--rate") { Description = "Share of content words to replace (0–1).", DefaultValueFactory = _ => SpinOptions.Defaults.Rate };
        var seed = new Option<int>("--seed") { Description = "Seed; the same input, options and seed give the same output.", DefaultValueFactory = _ => 7 };
        var style = new Option<string>("--style") { Description = "uniform, every-nth, partial or mixed.", DefaultValueFactory = _ => "uniform" };
        var common = new Option<bool>("--common") { Description = "Choose common synonyms, weighted by frequency (like curated spinner dictionaries)." };
        var half = new Option<bool>("--half") { Description = "Use a random half of the thesaurus's pairs." };
        var output = new Option<string?>("--out") { Description = "Output folder (default: a 'spun' folder beside the input file, or inside the input folder)." };
        var cache = new Option<string>("--cache") { Description = "Data cache folder with Moby, WordNet and the language model.", DefaultValueFactory = _ => Path.Combine("data", "cache") };
        var thesaurus = new Option<string?>("--thesaurus") { Description = "Moby-format thesaurus file (default: the one in the cache)." };
        var command = new Command("spin", "Write spun copies of clean articles and their substitution logs (JSON).");
        command.Arguments.Add(input);
        foreach (var option in (Option[])[rate, seed, style, common, half, output, cache, thesaurus])
        {
            command.Options.Add(option);
        }

        command.SetAction(parseResult =>
        {
            var console = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            try
            {
                var sources = new CorpusSources(parseResult.GetValue(cache)!);
                var thesaurusPath = parseResult.GetValue(thesaurus) ?? sources.Moby;
                if (!File.Exists(thesaurusPath))
                {
                    error.WriteLine($"spin: the Moby thesaurus '{thesaurusPath}' is missing. Run data/fetch.sh, or pass --thesaurus FILE "
                        + "(Moby format: one line per headword, 'headword,synonym,synonym,...').");
                    return 2;
                }

                var files = InputFiles(parseResult.GetValue(input)!);
                var options = new SpinOptions
                {
                    Rate = parseResult.GetValue(rate),
                    Seed = parseResult.GetValue(seed),
                    Style = SpinOptions.ParseStyle(parseResult.GetValue(style)!),
                    Choice = parseResult.GetValue(common) ? SynonymChoice.CommonOnly : SynonymChoice.Uniform,
                    SubsetSalt = parseResult.GetValue(half) ? (ulong)(uint)parseResult.GetValue(seed) : null,
                };
                options.Validate();
                // Read as every command reads (decoded, and refused when empty, binary or over 20 MB, naming the file).
                var texts = files.Select(f => DocumentDecoder.ReadFile(f, SpinDetectorOptions.Defaults.MaxInputBytes).Text).ToList();
                var frequencies = options.Choice == SynonymChoice.CommonOnly || File.Exists(sources.LanguageModel)
                    ? sources.ReadFrequencies(texts)
                    : null;
                var spinner = sources.CreateSpinner(new MobySynonyms(MobyThesaurus.Load(thesaurusPath)), frequencies, sources.ReadLowercaseEvidence(texts));
                var outDir = parseResult.GetValue(output) ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(files[0]))!, "spun");
                var inputs = new HashSet<string>(files.Select(Path.GetFullPath), StringComparer.Ordinal);
                foreach (var file in files)
                {
                    var name = Path.GetFileNameWithoutExtension(file);
                    if (inputs.Contains(Path.GetFullPath(Path.Combine(outDir, name + ".spun.txt"))))
                    {
                        error.WriteLine($"spin: the spun copy of {file} would overwrite an input ({Path.Combine(outDir, name + ".spun.txt")}); choose another --out folder.");
                        return 2;
                    }
                }

                for (var i = 0; i < files.Count; i++)
                {
                    // Each file has its own seed, and its log records that seed, so one file can be spun again alone.
                    var fileOptions = options with { Seed = options.Seed + i };
                    var result = spinner.Spin(texts[i], fileOptions);
                    var name = Path.GetFileNameWithoutExtension(files[i]);
                    AtomicFile.WriteText(Path.Combine(outDir, name + ".spun.txt"), w => w.Write(result.Text));
                    AtomicFile.Write(Path.Combine(outDir, name + ".substitutions.json"), stream => WriteLog(stream, files[i], fileOptions, result));
                    console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{files[i]}: {result.Substitutions.Count} substitutions, {result.Rate:P1} of {result.ContentWords} content words"));
                }

                return 0;
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or InvalidDataException or ArgumentException or IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"spin: {e.Message}");
                return 2;
            }
        });
        return command;
    }

    private static List<string> InputFiles(string path)
    {
        if (File.Exists(path))
        {
            return [path];
        }

        if (!Directory.Exists(path))
        {
            throw new FileNotFoundException($"'{path}' is neither a file nor a folder.", path);
        }

        // Spun copies written into the folder by an earlier run are outputs, not texts to spin again.
        var files = Directory.GetFiles(path, "*.txt").Where(f => !f.EndsWith(".spun.txt", StringComparison.OrdinalIgnoreCase)).ToArray();
        Array.Sort(files, StringComparer.Ordinal);
        return files.Length > 0 ? [.. files] : throw new FileNotFoundException($"Folder '{path}' holds no *.txt files.", path);
    }

    private static void WriteLog(Stream stream, string file, SpinOptions options, SpinResult result)
    {
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        writer.WriteStartObject();
        writer.WriteString("file", file);
        writer.WriteString("spinner", "moby");
        writer.WriteString("settings", options.Describe());
        writer.WriteNumber("seed", options.Seed);
        writer.WriteNumber("target_rate", options.Rate);
        writer.WriteNumber("rate", Math.Round(result.Rate, 4));
        writer.WriteNumber("content_words", result.ContentWords);
        writer.WritePropertyName("substitutions");
        SubstitutionLog.Write(writer, result.Substitutions);
        writer.WriteEndObject();
    }
}
