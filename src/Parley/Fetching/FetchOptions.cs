namespace Parley.Fetching;

/// <summary>How politely and how defensively <see cref="PageFetcher"/> fetches.</summary>
public sealed record FetchOptions
{
    /// <summary>The User-Agent sent with every request and matched against robots.txt groups.</summary>
    /// <value>Default <c>ParleyBot/1.0</c>.</value>
    public string UserAgent { get; init; } = "ParleyBot/1.0";

    /// <summary>Whether robots.txt is fetched and honoured per host.</summary>
    /// <value>Default true.</value>
    public bool RespectRobotsTxt { get; init; } = true;

    /// <summary>Connections open to one host at once.</summary>
    /// <value>Default 2.</value>
    public int PerHostConcurrency { get; init; } = 2;

    /// <summary>Requests per second to one host, as the server counts them in any one-second window (start times are
    /// spaced 5 % wider than <c>1 / rate</c> to absorb network jitter; a robots.txt <c>Crawl-delay</c> can only lower it).</summary>
    /// <value>Default 4.</value>
    public double PerHostRequestsPerSecond { get; init; } = 4;

    /// <summary>Requests in flight across all hosts.</summary>
    /// <value>Default 16.</value>
    public int GlobalConcurrency { get; init; } = 16;

    /// <summary>Redirects followed before giving up.</summary>
    /// <value>Default 5.</value>
    public int MaxRedirects { get; init; } = 5;

    /// <summary>Largest body accepted, after decompression; the download is aborted past it.</summary>
    /// <value>Default 10 MiB.</value>
    public long MaxBodyBytes { get; init; } = 10 * 1024 * 1024;

    /// <summary>Time allowed for one attempt to receive response headers (at most half of <see cref="TotalTimeout"/> when that is shorter).</summary>
    /// <value>Default 20 seconds.</value>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Time allowed for one URL overall: robots.txt, retries, redirects and the body.</summary>
    /// <value>Default 90 seconds.</value>
    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>Retries after a 5xx, 408, 429 or network error (with jittered exponential backoff; 429 honours Retry-After).</summary>
    /// <value>Default 3.</value>
    public int MaxRetries { get; init; } = 3;

    /// <summary>First retry delay; later ones grow exponentially, with jitter.</summary>
    /// <value>Default 1 second.</value>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Whether a page already in the archive is revalidated with a conditional request (ETag / Last-Modified)
    /// rather than downloaded again. A 304 answer re-uses the archived copy.</summary>
    /// <value>Default true.</value>
    public bool Revalidate { get; init; } = true;

    /// <summary>Media types that are fetched; anything else is recorded and skipped.</summary>
    public IReadOnlySet<string> AcceptedMediaTypes { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "text/html", "application/xhtml+xml", "text/plain", "text/xml", "application/xml",
        "application/rss+xml", "application/atom+xml", "application/x-gzip", "application/gzip",
    };

    internal void Validate()
    {
        if (PerHostConcurrency < 1) throw new ArgumentOutOfRangeException(nameof(PerHostConcurrency), "must be at least 1");
        if (GlobalConcurrency < 1) throw new ArgumentOutOfRangeException(nameof(GlobalConcurrency), "must be at least 1");
        if (PerHostRequestsPerSecond <= 0) throw new ArgumentOutOfRangeException(nameof(PerHostRequestsPerSecond), "must be positive");
        if (MaxBodyBytes < 1) throw new ArgumentOutOfRangeException(nameof(MaxBodyBytes), "must be positive");
        if (AttemptTimeout <= TimeSpan.Zero || TotalTimeout <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(TotalTimeout), "timeouts must be positive");
    }
}
