namespace SpinDetect.Tests;

public sealed class OrderedParallelTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task Never_runs_more_than_the_parallelism_and_keeps_order(int parallelism)
    {
        var running = 0;
        var most = 0;
        var results = new List<int>();
        await foreach (var value in OrderedParallel.SelectAsync(Numbers(60), (n, _) =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref most, now);
            // Uneven durations so that later items often finish first.
            Thread.Sleep(n % 4 == 0 ? 6 : 1);
            Interlocked.Decrement(ref running);
            return n * 2;
        }, parallelism))
        {
            results.Add(value);
        }

        Assert.Equal(Enumerable.Range(0, 60).Select(n => n * 2), results);
        Assert.InRange(most, 1, parallelism);
    }

    [Fact]
    public async Task A_failing_item_surfaces_at_its_place()
    {
        var results = new List<int>();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var value in OrderedParallel.SelectAsync(Numbers(20), (n, _) => n == 7 ? throw new InvalidOperationException("seven") : n, 4))
            {
                results.Add(value);
            }
        });
        Assert.Equal("seven", error.Message);
        Assert.Equal(Enumerable.Range(0, 7), results);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }

    private static async IAsyncEnumerable<int> Numbers(int count)
    {
        for (var i = 0; i < count; i++)
        {
            await Task.Yield();
            yield return i;
        }
    }
}
