using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace SpinDetect.Cli.Scoring;

/// <summary>
/// Shows a run's progress on standard error: a live bar with rate and ETA when it is a terminal, otherwise a plain
/// line every few seconds (log files and CI stay readable).
/// </summary>
internal static class ProgressDisplay
{
    /// <summary>Interval of the plain progress lines.</summary>
    public static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(5);

    /// <summary>Runs <paramref name="body"/> while showing the progress of <paramref name="counters"/> on <paramref name="error"/>.</summary>
    public static async Task RunAsync(TextWriter error, RunCounters counters, Func<Task> body)
    {
        if (ScoringEnvironment.IsTerminal(error))
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(error) });
            await console.Progress()
                .AutoClear(true)
                .HideCompleted(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RateColumn(counters),
                    new RemainingTimeColumn(), new SpinnerColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask("scoring", maxValue: 1);
                    using var stop = new CancellationTokenSource();
                    var refresh = Refresh(task, counters, stop.Token);
                    try
                    {
                        await body().ConfigureAwait(false);
                    }
                    finally
                    {
                        await stop.CancelAsync().ConfigureAwait(false);
                        await refresh.ConfigureAwait(false);
                    }
                }).ConfigureAwait(false);
            return;
        }

        using var plainStop = new CancellationTokenSource();
        var lines = PlainLines(error, counters, plainStop.Token);
        try
        {
            await body().ConfigureAwait(false);
        }
        finally
        {
            await plainStop.CancelAsync().ConfigureAwait(false);
            await lines.ConfigureAwait(false);
        }
    }

    /// <summary>The one-line state of a run, for plain progress lines.</summary>
    public static string Describe(RunCounters counters)
    {
        var total = counters.DiscoveryComplete
            ? counters.Discovered.ToString("N0", CultureInfo.InvariantCulture)
            : counters.Discovered.ToString("N0", CultureInfo.InvariantCulture) + "+";
        var eta = counters.Remaining is { } remaining ? $", ETA {remaining:hh\\:mm\\:ss}" : "";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"spindetect: {counters.Written:N0}/{total} inputs, {counters.Errors:N0} errors, {counters.Rate:N0} inputs/s{eta}");
    }

    private static async Task Refresh(ProgressTask task, RunCounters counters, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            task.MaxValue = Math.Max(1, counters.Discovered);
            task.Value = counters.Written;
            task.Description = counters.DiscoveryComplete ? "scoring" : "scoring (finding files)";
            try
            {
                await Task.Delay(100, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        task.MaxValue = Math.Max(1, counters.Discovered);
        task.Value = counters.Written;
        task.StopTask();
    }

    private static async Task PlainLines(TextWriter error, RunCounters counters, CancellationToken stop)
    {
        try
        {
            while (true)
            {
                await Task.Delay(PlainInterval, stop).ConfigureAwait(false);
                await error.WriteLineAsync(Describe(counters)).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // The run has finished; its summary follows.
        }
    }

    /// <summary>Records per second, from the run's own counters (the bar's value jumps in refresh steps).</summary>
    private sealed class RateColumn(RunCounters counters) : ProgressColumn
    {
        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
            new Spectre.Console.Text(string.Create(CultureInfo.InvariantCulture, $"{counters.Rate:N0} files/s"), new Style(Color.Grey));
    }
}
