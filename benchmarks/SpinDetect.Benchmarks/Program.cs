using BenchmarkDotNet.Running;
using SpinDetect.Benchmarks.Boosting;

namespace SpinDetect.Benchmarks;

/// <summary>
/// Entry point. The first argument may name a mode (a plain timed tool, not BenchmarkDotNet); anything else goes
/// to BenchmarkDotNet's switcher, e.g. <c>--filter *Prediction*</c>. To add a mode, add one line to
/// <see cref="Modes"/>; to add a benchmark, add a class with [Benchmark] methods anywhere in this assembly.
/// </summary>
internal static class Program
{
    private static readonly Dictionary<string, Func<string[], int>> Modes = new(StringComparer.Ordinal)
    {
        ["parity"] = ParityMode.Run,
        ["export-spin-tokens"] = ExportSpinTokensMode.Run,
        ["lexicon-memory"] = Lexicon.LexiconMemoryMode.Run,
        ["scoring-stages"] = Scoring.StagesMode.Run,
        ["batch"] = Scoring.BatchMode.Run,
        ["stand-in-model"] = Scoring.StandInModelMode.Run,
        ["batch-overhead"] = Batch.BatchOverheadMode.Run,
        ["score-dump"] = Scoring.ScoreDumpMode.Run,
        ["stage-loop"] = Scoring.StageLoopMode.Run,
        ["text-loop"] = Scoring.TextLoopMode.Run,
        ["lookup-count"] = Scoring.LookupCountMode.Run,
    };

    private static int Main(string[] args)
    {
        if (args.Length > 0 && Modes.TryGetValue(args[0], out var mode))
        {
            try
            {
                return mode(args[1..]);
            }
            catch (Exception e) when (e is Scoring.ModeUsageException or ArgumentException)
            {
                Console.Error.WriteLine($"{args[0]}: {e.Message}");
                return 2;
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or SpinModelException or IOException)
            {
                Console.Error.WriteLine($"{args[0]}: {e.Message}");
                return 1;
            }
        }

        // BenchmarkDotNet's own arguments start with a dash; a bare word is a mistyped mode, which would otherwise
        // open BenchmarkDotNet's interactive menu (and run the whole suite on '*').
        if (args.Length > 0 && !args[0].StartsWith('-'))
        {
            Console.Error.WriteLine($"unknown mode '{args[0]}'. Modes: {string.Join(", ", Modes.Keys)}; or BenchmarkDotNet options such as --filter '*Scoring*'.");
            return 2;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
