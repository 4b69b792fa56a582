using System.Collections.Concurrent;

namespace Parley.Fetching.Politeness;

/// <summary>
/// Holds requests back so no host gets more than its share: a per-host concurrency limit, a per-host request
/// rate, and a global concurrency limit.
/// </summary>
/// <remarks>
/// Start times are spaced at least <c>1.1 / rate</c> apart per host, measured on the <see cref="TimeProvider"/>
/// passed in, so tests drive it with a fake clock. A host's <c>Crawl-delay</c> widens its spacing.
/// </remarks>
internal sealed class HostGate
{
    /// <summary>Start times are spaced 10 % wider than <c>1 / rate</c>: requests reach the server with some jitter
    /// after they start (more on a loaded machine: 5 % let 51 requests into one second at 50/s with the load average
    /// near 20), and the limit must hold as the server counts it, in any one-second window.</summary>
    internal const double SpacingMargin = 1.1;

    private readonly FetchOptions _options;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _global;
    private readonly ConcurrentDictionary<string, HostSlot> _hosts = new(StringComparer.OrdinalIgnoreCase);

    public HostGate(FetchOptions options, TimeProvider time)
    {
        _options = options;
        _time = time;
        _global = new SemaphoreSlim(options.GlobalConcurrency);
    }

    /// <summary>Sets the minimum spacing for a host (from robots.txt <c>Crawl-delay</c>).</summary>
    public void SetCrawlDelay(string host, TimeSpan delay) => Slot(host).CrawlDelay = delay;

    /// <summary>Waits until a request to <paramref name="host"/> may start; dispose the lease when it ends.</summary>
    public async Task<IDisposable> EnterAsync(string host, CancellationToken ct)
    {
        var slot = Slot(host);
        await slot.Connections.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            await _global.WaitAsync(ct).ConfigureAwait(false);
            try
            {
                await WaitForTurnAsync(slot, ct).ConfigureAwait(false);
                return new Lease(this, slot);
            }
            catch
            {
                _global.Release();
                throw;
            }
        }
        catch
        {
            slot.Connections.Release();
            throw;
        }
    }

    private async Task WaitForTurnAsync(HostSlot slot, CancellationToken ct)
    {
        var spacing = TimeSpan.FromSeconds(SpacingMargin / _options.PerHostRequestsPerSecond);
        if (slot.CrawlDelay > spacing) spacing = slot.CrawlDelay;
        DateTimeOffset start;
        lock (slot)
        {
            var now = _time.GetUtcNow();
            start = slot.NextStart is { } next && next > now ? next : now;
            slot.NextStart = start + spacing;
        }
        var wait = start - _time.GetUtcNow();
        if (wait > TimeSpan.Zero) await Task.Delay(wait, _time, ct).ConfigureAwait(false);
    }

    private HostSlot Slot(string host) => _hosts.GetOrAdd(host, _ => new HostSlot(_options.PerHostConcurrency));

    private sealed class HostSlot(int connections)
    {
        public SemaphoreSlim Connections { get; } = new(connections);
        public DateTimeOffset? NextStart { get; set; }
        public TimeSpan CrawlDelay { get; set; }
    }

    private sealed class Lease(HostGate gate, HostSlot slot) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
            gate._global.Release();
            slot.Connections.Release();
        }
    }
}
