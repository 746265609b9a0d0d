using SpinDetect.Cli.Scoring;

namespace SpinDetect.Tests.Scoring;

public sealed class ProgressDisplayTests
{
    [Fact]
    public void Plain_progress_lines_give_counts_rate_and_an_eta_once_the_total_is_known()
    {
        var counters = new RunCounters();
        for (var i = 0; i < 5; i++)
        {
            counters.AddDiscovered();
        }

        counters.AddWritten(new ScoreRecord("a", null, "empty file"));
        var finding = ProgressDisplay.Describe(counters);
        Assert.StartsWith("spindetect: 1/5+ inputs, 1 errors, ", finding, StringComparison.Ordinal);
        Assert.DoesNotContain("ETA", finding, StringComparison.Ordinal);

        counters.CompleteDiscovery();
        var known = ProgressDisplay.Describe(counters);
        Assert.StartsWith("spindetect: 1/5 inputs, 1 errors, ", known, StringComparison.Ordinal);
        Assert.Contains(", ETA ", known, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_terminal_the_run_writes_no_live_display()
    {
        var error = new StringWriter();
        var ran = false;
        await ProgressDisplay.RunAsync(error, new RunCounters(), () =>
        {
            ran = true;
            return Task.CompletedTask;
        });
        Assert.True(ran);
        Assert.Equal("", error.ToString());
    }
}
