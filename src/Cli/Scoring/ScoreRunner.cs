using System.Globalization;
using System.Text;
using System.Threading.Channels;

namespace SpinDetect.Cli.Scoring;

/// <summary>
/// Runs <c>spindetect score</c>: finds the inputs on one thread, scores them on many, and writes one record per input
/// in input order to a temporary file that is renamed when the run completes.
/// </summary>
internal static class ScoreRunner
{
    private const int FlushEvery = 256;
    private const long FlushMilliseconds = 1000;

    /// <summary>Runs <paramref name="job"/> and returns the exit code.</summary>
    public static async Task<int> RunAsync(ScoreJob job, SpinDetector detector, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var settingsPath = job.Output == null || job.Settings == null ? null : RunSettings.PathFor(job.Output);
        if (job.Resume && settingsPath != null && (File.Exists(job.PartialOutput) || File.Exists(job.Output))
            && RunSettings.Differences(settingsPath, job.Settings!) is { Count: > 0 } changed)
        {
            // Checked before anything is read or cut: the earlier run's records stay as they are.
            throw new InvalidDataException(
                $"{job.Output} was written with other settings: {string.Join(", ", changed)}; resume with the same "
                + "options, or start afresh without --resume");
        }

        var resumed = job.Resume && job.PartialOutput != null ? Recover(job) : new ResumedOutput();
        if (settingsPath != null)
        {
            await File.WriteAllTextAsync(settingsPath, job.Settings, CancellationToken.None).ConfigureAwait(false);
        }

        var counters = new RunCounters();
        TextWriter target;
        FileStream? file = null;
        if (job.PartialOutput != null)
        {
            file = new FileStream(job.PartialOutput, resumed.HasContent ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
            target = new StreamWriter(file, new UTF8Encoding(false), 1 << 16);
        }
        else
        {
            // The console writer flushes on every write; records go through one large buffer instead.
            target = ReferenceEquals(output, Console.Out)
                ? new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16)
                : output;
        }

        var completed = false;
        var failedBeforeWriting = false;
        try
        {
            using (var writer = RecordWriter.Create(job.Format, target, continuing: resumed.HasContent))
            {
                await ProgressDisplay.RunAsync(error, counters, () => Pump(job, detector, writer, resumed, counters, cancellationToken))
                    .ConfigureAwait(false);
            }

            completed = true;
        }
        catch (OutputIsInputException)
        {
            // Nothing of this run is worth keeping; a resumed file keeps what it had.
            failedBeforeWriting = !resumed.HasContent;
            throw;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync(
                $"spindetect: interrupted after {counters.Written:N0} records"
                + (job.PartialOutput != null ? $"; they are in {job.PartialOutput}: run the same command with --resume to continue." : "."))
                .ConfigureAwait(false);
            return ExitCodes.Interrupted;
        }
        finally
        {
            await target.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            if (!ReferenceEquals(target, output))
            {
                await target.DisposeAsync().ConfigureAwait(false);
            }

            if (file != null)
            {
                await file.DisposeAsync().ConfigureAwait(false);
                if (failedBeforeWriting)
                {
                    File.Delete(job.PartialOutput!);
                    File.Delete(RunSettings.PathFor(job.Output!));
                }
            }
        }

        if (completed && job.Output != null)
        {
            File.Move(job.PartialOutput!, job.Output, overwrite: true);
        }

        await error.WriteLineAsync(Summary(job, counters, resumed)).ConfigureAwait(false);
        return counters.Errors + resumed.Failed > 0 ? ExitCodes.SomeFailed : ExitCodes.Success;
    }

    private static ResumedOutput Recover(ScoreJob job)
    {
        var partial = job.PartialOutput!;
        if (!File.Exists(partial))
        {
            if (!File.Exists(job.Output))
            {
                return new ResumedOutput();
            }

            // The previous run completed: continue from its output, adding inputs that are new since. It is read
            // first, so a file in another format is refused before anything is moved or cut.
            var read = ResumeFile.Read(job.Output!, job.Format);
            File.Move(job.Output!, partial);
            return ResumeFile.Truncate(partial, read);
        }

        return ResumeFile.Recover(partial, job.Format);
    }

    private static async Task Pump(
        ScoreJob job, SpinDetector detector, RecordWriter writer, ResumedOutput resumed, RunCounters counters, CancellationToken cancellationToken)
    {
        // Paths are small, so the walker may run far ahead (the display then knows the total); texts are not.
        var capacity = job.JsonlIn ? Math.Max(16, Environment.ProcessorCount * 8) : 1 << 16;
        var inputs = Channel.CreateBounded<InputItem>(new BoundedChannelOptions(capacity) { SingleReader = true, SingleWriter = true });
        var producer = Task.Run(() => Produce(job, resumed, counters, inputs.Writer, cancellationToken), CancellationToken.None);
        var sinceFlush = 0;
        var lastFlush = Environment.TickCount64;
        await foreach (var record in OrderedParallel.SelectAsync(
            inputs.Reader.ReadAllAsync(cancellationToken),
            (item, _) => InputScorer.Score(detector, item, job.MaxBytes),
            job.Threads,
            cancellationToken).ConfigureAwait(false))
        {
            writer.Write(record);
            counters.AddWritten(record);
            // Whole records reach the file at least every second, so a run killed outright (no chance to flush)
            // loses at most a second of work to --resume.
            if (++sinceFlush == FlushEvery || Environment.TickCount64 - lastFlush >= FlushMilliseconds)
            {
                writer.Flush();
                sinceFlush = 0;
                lastFlush = Environment.TickCount64;
            }
        }

        await producer.ConfigureAwait(false);
        writer.Flush();
    }

    private static async Task Produce(ScoreJob job, ResumedOutput resumed, RunCounters counters, ChannelWriter<InputItem> inputs, CancellationToken cancellationToken)
    {
        try
        {
            var items = job.JsonlIn
                ? JsonlInput.Read(ScoringEnvironment.OpenStandardInput(), job.MaxBytes)
                : new InputWalker(job.Include, job.Exclude).Walk(job.Paths);
            var output = job.Output == null ? null : Path.GetFullPath(job.Output);
            var partial = job.PartialOutput == null ? null : Path.GetFullPath(job.PartialOutput);
            // A file reached twice (a folder and a file in it, "q" and "./q") is scored once; with one argument no
            // path can come twice, and a folder of millions of files needs no set of them.
            var files = job.Paths.Count > 1 ? new HashSet<string>(StringComparer.Ordinal) : null;
            foreach (var item in items)
            {
                // The run's own files are never inputs; a resumed output moved to FILE.partial may be named as an
                // argument that no longer exists (a shell wildcard expanded before the run).
                if (item.Kind == InputKind.Failed && output != null && item.Path.Length > 0
                    && Path.GetFullPath(item.Path) is var gone && (gone == output || gone == partial || gone == RunSettings.PathFor(output)))
                {
                    continue;
                }

                if (item.Kind == InputKind.File)
                {
                    var full = Path.GetFullPath(item.Path);
                    if (files?.Add(full) == false || full == partial || (output != null && full == RunSettings.PathFor(output)))
                    {
                        continue;
                    }

                    // The output may lie in a folder being scored: an earlier run's records are skipped, but a file
                    // that is not one would be overwritten by this run's records, so the run stops before that.
                    if (full == output)
                    {
                        if (ResumeFile.IsRecordFile(full))
                        {
                            continue;
                        }

                        throw new OutputIsInputException(
                            $"--output {job.Output} is also an input (a file in a folder being scored, and not a spindetect record file); "
                            + "the records would overwrite it: write them elsewhere or --exclude it");
                    }
                }

                if (resumed.Paths.Contains(item.Path))
                {
                    counters.AddResumed();
                    continue;
                }

                counters.AddDiscovered();
                await inputs.WriteAsync(item, cancellationToken).ConfigureAwait(false);
            }

            counters.CompleteDiscovery();
            inputs.Complete();
        }
        catch (Exception e)
        {
            inputs.Complete(e);
            throw;
        }
    }

    private static string Summary(ScoreJob job, RunCounters counters, ResumedOutput resumed)
    {
        var summary = new StringBuilder();
        summary.Append(CultureInfo.InvariantCulture, $"spindetect: scored {counters.Written - counters.Errors:N0} of {counters.Written:N0} inputs in {counters.Elapsed.TotalSeconds:0.0} s ({counters.Rate:N0} inputs/s): ");
        summary.Append(CultureInfo.InvariantCulture, $"{counters.Spun:N0} spun, {counters.Errors:N0} failed");
        if (counters.Resumed > 0)
        {
            summary.Append(CultureInfo.InvariantCulture, $"; {counters.Resumed:N0} already in the output ({resumed.Failed:N0} of them failed)");
        }

        if (job.Output != null)
        {
            summary.Append(CultureInfo.InvariantCulture, $"; records in {job.Output}");
        }

        return summary.Append('.').ToString();
    }
}
