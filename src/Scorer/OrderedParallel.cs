namespace SpinDetect;

/// <summary>
/// Runs a function over a sequence on several threads and yields the results in input order, with at most
/// <c>parallelism</c> calls running and a bounded number of finished results waiting behind a slow one.
/// </summary>
/// <remarks>
/// A finished result is handed over as soon as every earlier one has been, even while the source is still waiting
/// for its next item: a crawler that feeds the source from the results it receives must not wait for a result that
/// is only held back until it supplies more input.
/// </remarks>
internal static class OrderedParallel
{
    /// <summary>Most calls at once that <see cref="SelectAsync"/> accepts.</summary>
    public const int MaxParallelism = 1024;

    /// <summary>How many results may wait, per worker, behind the oldest unfinished one.</summary>
    private const int WindowPerWorker = 4;

    /// <summary>Maps <paramref name="source"/> through <paramref name="work"/>, in order.</summary>
    /// <param name="source">The inputs; enumerated on the caller's flow, one at a time.</param>
    /// <param name="work">The function; runs on the thread pool and must be thread-safe.</param>
    /// <param name="parallelism">Most calls of <paramref name="work"/> at once, at most <see cref="MaxParallelism"/>;
    /// 0 means one per processor.</param>
    /// <param name="cancellationToken">Stops reading inputs and starting work, and ends the enumeration at once with
    /// <see cref="OperationCanceledException"/>; a call already running finishes in the background, unless
    /// <paramref name="work"/> observes the token it is given.</param>
    public static async IAsyncEnumerable<TOut> SelectAsync<TIn, TOut>(
        IAsyncEnumerable<TIn> source,
        Func<TIn, CancellationToken, TOut> work,
        int parallelism,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(work);
        ArgumentOutOfRangeException.ThrowIfNegative(parallelism);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(parallelism, MaxParallelism);
        if (parallelism == 0)
        {
            parallelism = Environment.ProcessorCount;
        }

        var window = parallelism * WindowPerWorker;
        // Disposed once nothing uses them: work abandoned by an early exit still releases the gate and reads the token.
        var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var token = stop.Token;
        var gate = new SemaphoreSlim(parallelism, parallelism);
        var pending = new Queue<Task<TOut>>();
        var inputs = source.GetAsyncEnumerator(token);
        Task<bool>? next = null;
        var exhausted = false;
        try
        {
            while (true)
            {
                token.ThrowIfCancellationRequested();
                while (pending.Count > 0 && pending.Peek().IsCompleted)
                {
                    yield return await pending.Dequeue().ConfigureAwait(false);
                    token.ThrowIfCancellationRequested();
                }

                if (exhausted || pending.Count >= window)
                {
                    if (pending.Count == 0)
                    {
                        break;
                    }

                    yield return await pending.Dequeue().WaitAsync(token).ConfigureAwait(false);
                    continue;
                }

                next ??= inputs.MoveNextAsync().AsTask();
                if (!next.IsCompleted && pending.Count > 0)
                {
                    // Whichever comes first: the next input, or the oldest result to hand over.
                    await Task.WhenAny(next, pending.Peek()).WaitAsync(token).ConfigureAwait(false);
                    continue;
                }

                var more = await next.WaitAsync(token).ConfigureAwait(false);
                next = null;
                if (!more)
                {
                    exhausted = true;
                    continue;
                }

                var item = inputs.Current;
                await gate.WaitAsync(token).ConfigureAwait(false);
                pending.Enqueue(Task.Run(
                    () =>
                    {
                        try
                        {
                            return work(item, token);
                        }
                        finally
                        {
                            gate.Release();
                        }
                    },
                    CancellationToken.None));
            }
        }
        finally
        {
            // Left early (break, exception, cancellation): start nothing more and do not wait for running calls;
            // their results and failures are discarded.
            if (pending.Count > 0 || next != null)
            {
                await stop.CancelAsync().ConfigureAwait(false);
            }

            var running = new List<Task>(pending.Count + 1);
            foreach (var abandoned in pending)
            {
                _ = abandoned.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
                running.Add(abandoned);
            }

            if (next != null)
            {
                running.Add(next);
            }

            // The link to the caller's token is a registration on it: left in place, a long-lived token (a service's
            // stopping token) would collect one per enumeration.
            if (running.Count == 0)
            {
                stop.Dispose();
                gate.Dispose();
            }
            else
            {
                _ = Task.WhenAll(running).ContinueWith(
                    all =>
                    {
                        _ = all.Exception;
                        stop.Dispose();
                        gate.Dispose();
                    },
                    CancellationToken.None,
                    TaskContinuationOptions.None,
                    TaskScheduler.Default);
            }

            if (next == null)
            {
                await inputs.DisposeAsync().ConfigureAwait(false);
            }
            else
            {
                // An iterator cannot be disposed while it is moving; dispose it once the cancelled move ends.
                _ = next.ContinueWith(
                    async _ => await inputs.DisposeAsync().ConfigureAwait(false), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            }
        }
    }
}
