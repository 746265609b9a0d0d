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

    [Fact]
    public async Task A_result_is_handed_over_while_the_source_waits_for_its_next_item()
    {
        // The source offers its second item only once the first result has arrived, as a crawler that queues the
        // next page after reading the last report does: holding the result back until then would never end.
        var firstArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        async IAsyncEnumerable<int> Source()
        {
            yield return 1;
            await firstArrived.Task;
            yield return 2;
        }

        var results = new List<int>();
        var run = Task.Run(async () =>
        {
            await foreach (var value in OrderedParallel.SelectAsync(Source(), (n, _) => n * 10, 2))
            {
                results.Add(value);
                firstArrived.TrySetResult();
            }
        });
        await run.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal([10, 20], results);
    }

    [Fact]
    public async Task Cancelling_ends_the_enumeration_at_once_while_a_call_is_still_running()
    {
        using var release = new ManualResetEventSlim();
        using var cancel = new CancellationTokenSource();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var enumeration = Task.Run(async () =>
        {
            await foreach (var _ in OrderedParallel.SelectAsync(Numbers(3), (n, _) =>
            {
                started.TrySetResult();
                release.Wait(TimeSpan.FromSeconds(60));
                return n;
            }, 1, cancel.Token))
            {
            }
        });

        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => enumeration.WaitAsync(TimeSpan.FromSeconds(30)));
        release.Set();
    }

    [Fact]
    public void An_unreasonable_parallelism_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => OrderedParallel.SelectAsync(Numbers(1), (n, _) => n, int.MaxValue).GetAsyncEnumerator().MoveNextAsync().AsTask().GetAwaiter().GetResult());
    }

    [Fact]
    public async Task Results_that_finish_out_of_order_come_back_in_input_order()
    {
        // Item 0 finishes only after items 1 and 2 have: the later results must wait for it, and three calls run at once.
        using var laterDone = new CountdownEvent(2);
        var results = new List<int>();
        await foreach (var value in OrderedParallel.SelectAsync(Numbers(6), (n, _) =>
        {
            if (n == 0)
            {
                Assert.True(laterDone.Wait(TimeSpan.FromSeconds(30)), "items 1 and 2 never ran beside item 0");
            }
            else if (n <= 2)
            {
                laterDone.Signal();
            }

            return n;
        }, 3))
        {
            results.Add(value);
        }

        Assert.Equal([0, 1, 2, 3, 4, 5], results);
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
