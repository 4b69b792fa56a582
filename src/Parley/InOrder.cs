using System.Runtime.CompilerServices;

namespace Parley;

/// <summary>Processor work on the items of a stream, on several threads, handed back in input order.</summary>
internal static class InOrder
{
    /// <summary>Runs <paramref name="work"/> on the thread pool for each item that <paramref name="needsWork"/> picks (at
    /// most <paramref name="threads"/> at once) and yields every item with its result (default for the others) in input
    /// order. At most <paramref name="lookaheadPerThread"/> items per thread wait, done or not, for the one ahead of
    /// them, so memory stays bounded while a slow item holds up the line.</summary>
    public static async IAsyncEnumerable<(T Item, TResult? Result)> SelectAsync<T, TResult>(IAsyncEnumerable<T> items,
        Func<T, bool> needsWork, Func<T, TResult> work, int threads, int lookaheadPerThread,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        threads = threads > 0 ? threads : Environment.ProcessorCount;
        int limit = threads * Math.Max(1, lookaheadPerThread);
        var gate = new SemaphoreSlim(threads); // not disposed: work left running when the caller stops early still releases it
        var pending = new Queue<(T Item, Task<TResult>? Work)>();
        await foreach (var item in items.WithCancellation(ct).ConfigureAwait(false))
        {
            while (pending.Count > 0 && (pending.Count >= limit || pending.Peek().Work is null or { IsCompleted: true }))
            {
                var (done, task) = pending.Dequeue();
                yield return (done, task is null ? default : await task.ConfigureAwait(false));
            }
            pending.Enqueue((item, needsWork(item) ? RunAsync(item) : null));
        }
        while (pending.Count > 0)
        {
            var (done, task) = pending.Dequeue();
            yield return (done, task is null ? default : await task.ConfigureAwait(false));
        }

        async Task<TResult> RunAsync(T item)
        {
            await gate.WaitAsync(ct).ConfigureAwait(false);
            try
            {
                return await Task.Run(() => work(item), ct).ConfigureAwait(false);
            }
            finally
            {
                gate.Release();
            }
        }
    }
}
