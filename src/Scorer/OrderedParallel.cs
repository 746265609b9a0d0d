namespace SpinDetect;

/// <summary>
/// Runs a function over a sequence on several threads and yields the results in input order, with at most
/// <c>parallelism</c> calls running and a bounded number of finished results waiting behind a slow one.
/// </summary>
internal static class OrderedParallel
{
    /// <summary>How many results may wait, per worker, behind the oldest unfinished one.</summary>
    private const int WindowPerWorker = 4;

    /// <summary>Maps <paramref name="source"/> through <paramref name="work"/>, in order.</summary>
    /// <param name="source">The inputs; enumerated on the caller's flow, one at a time.</param>
    /// <param name="work">The function; runs on the thread pool and must be thread-safe.</param>
    /// <param name="parallelism">Most calls of <paramref name="work"/> at once; 0 means one per processor.</param>
    /// <param name="cancellationToken">Stops reading inputs and starting work.</param>
    public static async IAsyncEnumerable<TOut> SelectAsync<TIn, TOut>(
        IAsyncEnumerable<TIn> source,
        Func<TIn, CancellationToken, TOut> work,
        int parallelism,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(work);
        ArgumentOutOfRangeException.ThrowIfNegative(parallelism);
        if (parallelism == 0)
        {
            parallelism = Environment.ProcessorCount;
        }

        var window = parallelism * WindowPerWorker;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var gate = new SemaphoreSlim(parallelism, parallelism);
        var pending = new Queue<Task<TOut>>(window);
        try
        {
            await foreach (var item in source.WithCancellation(stop.Token).ConfigureAwait(false))
            {
                await gate.WaitAsync(stop.Token).ConfigureAwait(false);
                pending.Enqueue(Task.Run(
                    () =>
                    {
                        try
                        {
                            return work(item, stop.Token);
                        }
                        finally
                        {
                            gate.Release();
                        }
                    },
                    CancellationToken.None));

                // Hand over what is already done, and wait for the oldest when the window is full.
                while (pending.Count > 0 && (pending.Peek().IsCompleted || pending.Count >= window))
                {
                    yield return await pending.Dequeue().ConfigureAwait(false);
                }
            }

            while (pending.Count > 0)
            {
                yield return await pending.Dequeue().ConfigureAwait(false);
            }
        }
        finally
        {
            // Left early (break, exception, cancellation): stop the rest and let running calls finish before the
            // semaphore is disposed.
            if (pending.Count > 0)
            {
                await stop.CancelAsync().ConfigureAwait(false);
                try
                {
                    await Task.WhenAll(pending).ConfigureAwait(false);
                }
                catch (Exception)
                {
                    // Results and failures of abandoned work are deliberately discarded.
                }
            }
        }
    }
}
