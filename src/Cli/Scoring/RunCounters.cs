using System.Diagnostics;

namespace SpinDetect.Cli.Scoring;

/// <summary>Counts of a run, updated by the walker and the writer and read by the progress display.</summary>
internal sealed class RunCounters
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _discovered;
    private long _written;
    private long _spun;
    private long _errors;
    private long _resumed;
    private int _discoveryComplete;

    /// <summary>Inputs found so far (excluding those already in a resumed output).</summary>
    public long Discovered => Interlocked.Read(ref _discovered);

    /// <summary>Whether every input has been found, so that <see cref="Discovered"/> is the total.</summary>
    public bool DiscoveryComplete => Volatile.Read(ref _discoveryComplete) != 0;

    /// <summary>Records written in this run.</summary>
    public long Written => Interlocked.Read(ref _written);

    /// <summary>Records judged spun in this run.</summary>
    public long Spun => Interlocked.Read(ref _spun);

    /// <summary>Records with an error in this run.</summary>
    public long Errors => Interlocked.Read(ref _errors);

    /// <summary>Inputs skipped because a resumed output already has their record.</summary>
    public long Resumed => Interlocked.Read(ref _resumed);

    /// <summary>Time since the run started.</summary>
    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>Records per second so far.</summary>
    public double Rate => Written / Math.Max(Elapsed.TotalSeconds, 1e-6);

    /// <summary>Estimated time left, once the total is known and some records are written.</summary>
    public TimeSpan? Remaining => DiscoveryComplete && Written > 0
        ? TimeSpan.FromSeconds((Discovered - Written) / Rate)
        : null;

    public void AddDiscovered() => Interlocked.Increment(ref _discovered);

    public void AddResumed() => Interlocked.Increment(ref _resumed);

    public void CompleteDiscovery() => Volatile.Write(ref _discoveryComplete, 1);

    public void AddWritten(ScoreRecord record)
    {
        Interlocked.Increment(ref _written);
        if (record.Error != null)
        {
            Interlocked.Increment(ref _errors);
        }
        else if (record.Report!.Spun)
        {
            Interlocked.Increment(ref _spun);
        }
    }
}
