using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;

namespace SpinDetect.Benchmarks.Scoring;

/// <summary>
/// <c>batch [--files N] [--threads T] [--runs R] [--folder DIR]</c>: a timed run of
/// <c>spindetect score DIR --output x.jsonl --threads T --model M</c> in-process over N five-kilobyte synthetic
/// articles, reported as files/s and MB/s per run, and as ratios to the issue 6 target (1,500 files/s on 2 cores)
/// and to scoring the same texts from memory in this process (one thread and T threads), which shows what the
/// command adds (reading, output, ordering) to the library's own throughput.
/// </summary>
internal static class BatchMode
{
    private const double TargetFilesPerSecond = 1500;

    internal static int Run(string[] args)
    {
        ModeArguments.Check(args, ["--files", "--threads", "--runs", "--folder"], []);
        var files = ModeArguments.IntOption(args, "--files", 2000);
        var threads = ModeArguments.IntOption(args, "--threads", 2);
        var runs = ModeArguments.IntOption(args, "--runs", 3);
        var folder = ModeArguments.Option(args, "--folder") ?? Path.Combine(Path.GetTempPath(), "spindetect-bench-batch");
        var model = ScoringFixture.FindModel();
        var bytes = SyntheticArticles.WriteFolder(folder, files);
        var extra = Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Length - files;
        if (extra != 0)
        {
            Console.Error.WriteLine($"{folder}: holds {extra} files besides the {files} articles; use an empty folder (--folder DIR).");
            return 2;
        }

        var megabytes = bytes / 1e6;
        var output = Console.Out;
        output.WriteLine($"Batch: {files} files, {megabytes:F2} MB ({bytes / files:N0} B/file) in {folder}; --threads {threads}; model {model}.");
        output.WriteLine($"Load average before: {StageTimer.LoadAverage()}.");

        var root = BuildRootCommand();
        var jsonl = Path.Combine(Path.GetTempPath(), $"spindetect-bench-{Environment.ProcessId}.jsonl");
        string[] command = ["score", folder, "--output", jsonl, "--threads", threads.ToString(CultureInfo.InvariantCulture), "--model", model];
        output.WriteLine($"Command (in-process): spindetect {string.Join(' ', command).Replace(jsonl, "x.jsonl", StringComparison.Ordinal)}");
        output.WriteLine();

        var loadStart = Stopwatch.GetTimestamp();
        var detector = SpinDetector.Load(model);
        var loadSeconds = Stopwatch.GetElapsedTime(loadStart).TotalSeconds;

        // Process CPU time as well as wall time: on a shared machine the wall time includes waiting for a core.
        output.WriteLine("| Run | Wall s | Files/s | MB/s | Files/s excluding model load | CPU s (process) | Files per CPU-second | Exit |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        var rates = new List<double>();
        var cpuRates = new List<double>();
        for (var run = 1; run <= runs; run++)
        {
            var error = new StringWriter();
            var cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
            var start = Stopwatch.GetTimestamp();
            var exit = root.Parse(command).Invoke(new InvocationConfiguration { Output = TextWriter.Null, Error = error });
            var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
            var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpuStart).TotalSeconds;
            var records = File.Exists(jsonl) ? File.ReadLines(jsonl).Count() : 0;
            if (exit != 0 || records != files)
            {
                Console.Error.WriteLine($"Run {run}: exit {exit}, {records} records for {files} files.\n{error}");
                return 1;
            }

            rates.Add(files / seconds);
            cpuRates.Add(files / cpuSeconds);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {run} | {seconds:F2} | {files / seconds:F0} | {megabytes / seconds:F2} | {files / Math.Max(1e-9, seconds - loadSeconds):F0} | {cpuSeconds:F2} | {files / cpuSeconds:F0} | {exit} |"));
            File.Delete(jsonl);
            File.Delete(SpinDetect.Cli.Scoring.RunSettings.PathFor(jsonl));
        }

        // The same texts scored from memory: the library's own throughput, without file reading or output.
        var texts = Directory.GetFiles(folder).Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();
        foreach (var text in texts.AsSpan(0, Math.Min(50, texts.Length)))
        {
            detector.Score(text);
        }

        var single = Time(() =>
        {
            foreach (var text in texts)
            {
                detector.Score(text);
            }
        });
        var parallel = Time(() => Parallel.ForEach(texts, new ParallelOptions { MaxDegreeOfParallelism = threads }, text => detector.Score(text)));

        rates.Sort();
        cpuRates.Sort();
        var median = rates[rates.Count / 2];
        var cpuMedian = cpuRates[cpuRates.Count / 2];
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            | Figure | Value |
            |---|---:|
            | Command, median files/s | {median:F0} |
            | Command, median MB/s | {median * megabytes / files:F2} |
            | Ratio to the target (1,500 files/s on 2 cores) | {median / TargetFilesPerSecond:F2} |
            | Command, median files per CPU-second | {cpuMedian:F0} |
            | Estimate on 2 idle cores (2 × files per CPU-second) | {2 * cpuMedian:F0} |
            | Ratio of that estimate to the target | {2 * cpuMedian / TargetFilesPerSecond:F2} |
            | Model load in the command (measured once here) | {loadSeconds:F2} s |
            | Library from memory, 1 thread: files/s | {files / single:F0} |
            | Library from memory, {threads} threads: files/s | {files / parallel:F0} |
            | Command ÷ library on {threads} threads | {median / (files / parallel):F2} |
            | Library {threads} threads ÷ 1 thread (parallel speed-up) | {single / parallel:F2} |
            """));
        output.WriteLine($"Load average after: {StageTimer.LoadAverage()}.");
        return 0;
    }

    private static double Time(Action action)
    {
        var start = Stopwatch.GetTimestamp();
        action();
        return Stopwatch.GetElapsedTime(start).TotalSeconds;
    }

    /// <summary>
    /// The CLI's command tree, exactly as <c>spindetect</c> builds it. <c>Program</c> is internal to the CLI and the
    /// CLI grants no access to the benchmarks, so it is found by reflection (once, outside the timed runs).
    /// </summary>
    private static RootCommand BuildRootCommand()
    {
        var program = Type.GetType("SpinDetect.Cli.Program, spindetect", throwOnError: true)!;
        var build = program.GetMethod("BuildRootCommand", BindingFlags.Static | BindingFlags.NonPublic)
            ?? throw new MissingMethodException("SpinDetect.Cli.Program", "BuildRootCommand");
        return (RootCommand)build.Invoke(null, null)!;
    }
}
