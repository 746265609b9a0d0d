using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using SpinDetect.Cli.Scoring;
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
        var command = new Command(
            "spin",
            "Write spun copies of clean articles and their substitution logs (JSON). A file that cannot be read or written is "
            + "reported and the others are still spun. Exit codes: 0 all spun, 1 some files failed, 2 usage error.");
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

                // The morphology comes from the cache: a missing WordNet is a usage error before any file is read.
                sources.ReadMorphology();
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
                var outDir = parseResult.GetValue(output) ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(files[0]))!, "spun");
                if (File.Exists(outDir))
                {
                    error.WriteLine($"spin: --out {outDir} exists and is not a folder; it must name a folder (created when missing).");
                    return 2;
                }

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

                // Read as every command reads (decoded, and refused when empty, binary or over 20 MB, naming the file);
                // a file that cannot be read is reported and skipped, and the others are still spun.
                var texts = new string?[files.Count];
                var failed = 0;
                for (var i = 0; i < files.Count; i++)
                {
                    try
                    {
                        texts[i] = DocumentDecoder.ReadFile(files[i], SpinDetectorOptions.Defaults.MaxInputBytes).Text;
                    }
                    catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or InvalidDataException or IOException or UnauthorizedAccessException)
                    {
                        error.WriteLine($"spin: {files[i]}: {InputErrors.Describe(files[i], e, "spun")}");
                        failed++;
                    }
                }

                var readable = texts.OfType<string>().ToList();
                if (readable.Count == 0)
                {
                    return 1;
                }

                // A folder that cannot be made fails every file alike: that is the command line's problem, said once.
                try
                {
                    Directory.CreateDirectory(outDir);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    error.WriteLine($"spin: cannot make the --out folder {outDir}: {e.Message}");
                    return 2;
                }

                var frequencies = options.Choice == SynonymChoice.CommonOnly || File.Exists(sources.LanguageModel)
                    ? sources.ReadFrequencies(readable)
                    : null;
                var spinner = sources.CreateSpinner(new MobySynonyms(MobyThesaurus.Load(thesaurusPath)), frequencies, sources.ReadLowercaseEvidence(readable));
                for (var i = 0; i < files.Count; i++)
                {
                    if (texts[i] is not { } text)
                    {
                        continue;
                    }

                    // Each file has its own seed (its place in the sorted list, whether or not others failed), and its log
                    // records that seed, so one file can be spun again alone.
                    var fileOptions = options with { Seed = options.Seed + i };
                    var result = spinner.Spin(text, fileOptions);
                    var name = Path.GetFileNameWithoutExtension(files[i]);
                    var spunPath = Path.Combine(outDir, name + ".spun.txt");
                    var logPath = Path.Combine(outDir, name + ".substitutions.json");
                    if (WritePair(spunPath, logPath, w => w.Write(result.Text), stream => WriteLog(stream, files[i], fileOptions, result)) is { } problem)
                    {
                        error.WriteLine($"spin: {files[i]}: {problem} (not spun)");
                        failed++;
                        continue;
                    }

                    console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{files[i]}: {result.Substitutions.Count} substitutions, {result.Rate:P1} of {result.ContentWords} content words"));
                }

                return failed == 0 ? 0 : 1;
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or InvalidDataException or ArgumentException or IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"spin: {e.Message}");
                return 2;
            }
        });
        return command;
    }

    /// <summary>
    /// Writes a spun copy and then its log, each atomically; when the log cannot be written the copy just written is
    /// removed again, so a spun copy is never left beside no log, or beside the log of another run. Returns what
    /// failed, naming the file, or null.
    /// </summary>
    private static string? WritePair(string spunPath, string logPath, Action<TextWriter> writeSpun, Action<Stream> writeLog)
    {
        try
        {
            AtomicFile.WriteText(spunPath, writeSpun);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"cannot write {spunPath}: {e.Message}";
        }

        try
        {
            AtomicFile.Write(logPath, writeLog);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            File.Delete(spunPath);
            return $"cannot write {logPath}: {e.Message}; its spun copy {spunPath} was removed";
        }
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
