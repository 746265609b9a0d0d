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
    };

    private static int Main(string[] args)
    {
        if (args.Length > 0 && Modes.TryGetValue(args[0], out var mode))
        {
            return mode(args[1..]);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
