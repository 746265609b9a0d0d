using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace SpinDetect.Benchmarks.Scoring;

/// <summary>
/// A plain stopwatch measurement for the timed modes: the median over several rounds of the mean time per call,
/// and the bytes the calling thread allocated per call. Coarser than BenchmarkDotNet, but quick on a busy machine.
/// </summary>
internal static partial class StageTimer
{
    private const int ClockThreadCpuTime = 3; // CLOCK_THREAD_CPUTIME_ID on Linux

    /// <summary>One measured stage.</summary>
    /// <remarks>CPU µs is the calling thread's own CPU time (Linux): on a machine shared by many busy processes it
    /// leaves out the time the thread waited for a core, so it estimates the time on one idle core.</remarks>
    internal readonly record struct Measurement(string Name, double MedianMicroseconds, double MinMicroseconds, double CpuMicroseconds, long BytesPerCall);

    /// <summary>Runs <paramref name="action"/> <paramref name="calls"/> times per round for <paramref name="rounds"/>
    /// rounds after a warm-up of at least one round and half a second.</summary>
    internal static Measurement Measure(string name, Action action, int calls, int rounds = 7)
    {
        // Warm up for at least half a second, so tiered JIT has replaced the first, unoptimised code.
        var warmUp = Stopwatch.GetTimestamp();
        for (var i = 0; i < calls || Stopwatch.GetElapsedTime(warmUp).TotalMilliseconds < 500; i++)
        {
            action();
        }

        var times = new double[rounds];
        var cpu = new double[rounds];
        long bytes = 0;
        for (var r = 0; r < rounds; r++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var cpuStart = ThreadCpuMicroseconds();
            var start = Stopwatch.GetTimestamp();
            for (var i = 0; i < calls; i++)
            {
                action();
            }

            times[r] = Stopwatch.GetElapsedTime(start).TotalMicroseconds / calls;
            cpu[r] = (ThreadCpuMicroseconds() - cpuStart) / calls;
            bytes = (GC.GetAllocatedBytesForCurrentThread() - before) / calls;
        }

        Array.Sort(times);
        Array.Sort(cpu);
        return new Measurement(name, times[rounds / 2], times[0], cpu[rounds / 2], bytes);
    }

    /// <summary>A markdown table of <paramref name="rows"/>, each also as a share of <paramref name="total"/>.</summary>
    internal static void Print(TextWriter output, IReadOnlyList<Measurement> rows, Measurement total)
    {
        output.WriteLine("| Stage | Median µs (wall) | Min µs (wall) | Median CPU µs | Share of full Score (CPU) | Allocated B/call |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var row in rows)
        {
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {row.Name} | {row.MedianMicroseconds:F1} | {row.MinMicroseconds:F1} | {row.CpuMicroseconds:F1} | {row.CpuMicroseconds / total.CpuMicroseconds:P0} | {row.BytesPerCall:N0} |"));
        }
    }

    /// <summary>CPU time of the calling thread in µs; NaN where the clock is not available.</summary>
    internal static double ThreadCpuMicroseconds()
    {
        if (!OperatingSystem.IsLinux() || ClockGetTime(ClockThreadCpuTime, out var time) != 0)
        {
            return double.NaN;
        }

        return (time.Seconds * 1e6) + (time.Nanoseconds / 1e3);
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    /// <summary>The one-minute load average, or "unknown" off Linux.</summary>
    internal static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Trim();
        }
        catch (IOException)
        {
            return "unknown";
        }
        catch (UnauthorizedAccessException)
        {
            return "unknown";
        }
    }
}
