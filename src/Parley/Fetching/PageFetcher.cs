using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Parley.Fetching.Archive;
using Parley.Fetching.Politeness;
using Parley.Fetching.Sources;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Parley.Fetching;

/// <summary>
/// Fetches pages politely and defensively, and archives every response as WARC.
/// </summary>
/// <remarks>
/// <para>Retries (jittered exponential backoff on 5xx, 408 and network errors; 429 honours <c>Retry-After</c>),
/// per-attempt and overall timeouts and a per-host circuit breaker come from
/// <c>Microsoft.Extensions.Http.Resilience</c>'s standard handler. Politeness — robots.txt, per-host connections and
/// request rate, a global limit — is Parley's (<see cref="FetchOptions"/> documents the defaults).</para>
/// <para>Redirects are followed here, not by the handler, so that each hop is checked: only http and https, at most
/// <see cref="FetchOptions.MaxRedirects"/>, no loops, robots.txt of the new host honoured. Loopback and private
/// addresses are allowed: the analyst chooses the URLs.</para>
/// <para>Every outcome is a <see cref="FetchResult"/>; nothing a server does makes this throw, except cancellation
/// by the caller.</para>
/// </remarks>
/// <example>
/// <code>
/// using var archive = WarcArchive.Open("archive");
/// using var fetcher = PageFetcher.Create(new FetchOptions { PerHostRequestsPerSecond = 2 }, archive);
/// await foreach (var page in fetcher.FetchAllAsync(urls)) Console.WriteLine($"{page.Outcome} {page.Url}");
/// </code>
/// </example>
public sealed partial class PageFetcher : IDisposable
{
    private readonly HttpClient _client;
    private readonly IDisposable? _owned;
    private readonly FetchOptions _options;
    private readonly WarcArchive? _archive;
    private readonly TimeProvider _time;
    private readonly HostGate _gate;
    private readonly ConcurrentDictionary<string, Lazy<Task<RobotsTxt>>> _robots = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates a fetcher over an <see cref="HttpClient"/> you configure (it must not follow redirects itself).</summary>
    public PageFetcher(HttpClient client, FetchOptions? options = null, WarcArchive? archive = null, TimeProvider? time = null)
        : this(client, null, options, archive, time)
    {
    }

    private PageFetcher(HttpClient client, IDisposable? owned, FetchOptions? options, WarcArchive? archive, TimeProvider? time)
    {
        _options = options ?? new FetchOptions();
        _options.Validate();
        _client = client;
        _owned = owned;
        _archive = archive;
        _time = time ?? TimeProvider.System;
        _gate = new HostGate(_options, _time);
    }

    /// <summary>Creates a fetcher with an <see cref="HttpClient"/> from <see cref="IHttpClientFactory"/> and the standard
    /// resilience handler, one pipeline (and circuit breaker) per host.</summary>
    public static PageFetcher Create(FetchOptions? options = null, WarcArchive? archive = null, TimeProvider? time = null)
    {
        options ??= new FetchOptions();
        options.Validate();
        time ??= TimeProvider.System;
        // The resilience handler requires the overall timeout to exceed one attempt's.
        var attemptTimeout = options.AttemptTimeout < options.TotalTimeout ? options.AttemptTimeout : options.TotalTimeout / 2;
        var services = new ServiceCollection();
        services.AddSingleton(time);
        services.AddHttpClient("parley", client =>
            {
                client.Timeout = Timeout.InfiniteTimeSpan; // the resilience handler owns timeouts
                client.DefaultRequestHeaders.UserAgent.TryParseAdd(options.UserAgent);
                client.DefaultRequestHeaders.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5");
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                AutomaticDecompression = DecompressionMethods.All,
                MaxConnectionsPerServer = options.PerHostConcurrency,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                ConnectTimeout = attemptTimeout,
                UseCookies = false,
            })
            .AddStandardResilienceHandler(resilience =>
            {
                resilience.Retry.MaxRetryAttempts = Math.Max(options.MaxRetries, 0) == 0 ? 1 : options.MaxRetries;
                if (options.MaxRetries == 0) resilience.Retry.ShouldHandle = _ => ValueTask.FromResult(false);
                resilience.Retry.Delay = options.RetryDelay;
                resilience.Retry.BackoffType = DelayBackoffType.Exponential;
                resilience.Retry.UseJitter = true;
                resilience.Retry.ShouldRetryAfterHeader = true;
                resilience.Retry.MaxDelay = options.TotalTimeout / 2;
                resilience.AttemptTimeout.Timeout = attemptTimeout;
                resilience.TotalRequestTimeout.Timeout = options.TotalTimeout;
                resilience.CircuitBreaker.SamplingDuration = attemptTimeout * 2 > TimeSpan.FromSeconds(30)
                    ? attemptTimeout * 2 : TimeSpan.FromSeconds(30);
                resilience.CircuitBreaker.MinimumThroughput = 20;
                resilience.CircuitBreaker.FailureRatio = 0.8;
            })
            .SelectPipelineByAuthority();
        var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("parley");
        return new PageFetcher(client, provider, options, archive, time);
    }

    /// <summary>Fetches URLs with the configured concurrency, yielding results in input order.</summary>
    /// <remarks>Fetches start in input order, at most <see cref="FetchOptions.GlobalConcurrency"/> at a time; finished
    /// results are handed out while later ones wait. Duplicate URLs (after normalization) are fetched once; the repeats
    /// come back as <see cref="FetchOutcome.Skipped"/> so every input is accounted for.</remarks>
    public async IAsyncEnumerable<FetchResult> FetchAllAsync(IEnumerable<Uri> urls, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var window = new Queue<Task<FetchResult>>();
        int limit = Math.Max(64, _options.GlobalConcurrency * 8);
        using var slots = new SemaphoreSlim(_options.GlobalConcurrency);
        var seen = new HashSet<Uri>();
        foreach (var raw in urls)
        {
            while (window.Count > 0 && (window.Peek().IsCompleted || window.Count >= limit))
                yield return await window.Dequeue().ConfigureAwait(false);
            var url = UrlNormalizer.Normalize(raw);
            if (url is null)
            {
                window.Enqueue(Task.FromResult(Rejected(raw, $"only http and https URLs are fetched, not '{raw.Scheme}'")));
                continue;
            }
            if (!seen.Add(url))
            {
                window.Enqueue(Task.FromResult(new FetchResult(url, url, FetchOutcome.Skipped, null, null, default, null, "duplicate URL", 0)));
                continue;
            }
            var slot = slots.WaitAsync(ct);
            while (!slot.IsCompleted && window.Count > 0)
            {
                await Task.WhenAny(slot, window.Peek()).ConfigureAwait(false);
                while (window.Count > 0 && window.Peek().IsCompleted)
                    yield return await window.Dequeue().ConfigureAwait(false);
            }
            await slot.ConfigureAwait(false);
            window.Enqueue(FetchAndReleaseAsync(url, slots, ct));
        }
        while (window.Count > 0) yield return await window.Dequeue().ConfigureAwait(false);
    }

    private async Task<FetchResult> FetchAndReleaseAsync(Uri url, SemaphoreSlim slots, CancellationToken ct)
    {
        try
        {
            return await FetchAsync(url, ct).ConfigureAwait(false);
        }
        finally
        {
            slots.Release();
        }
    }

    /// <summary>Fetches one URL: robots.txt, politeness, conditional request against the archive, redirects, limits.</summary>
    public async Task<FetchResult> FetchAsync(Uri url, CancellationToken ct = default)
    {
        if (UrlNormalizer.Normalize(url) is not { } requested)
            return Rejected(url, $"only http and https URLs are fetched, not '{url.Scheme}'");
        using var overall = new CancellationTokenSource(_options.TotalTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, overall.Token);
        var current = requested;
        var visited = new HashSet<Uri> { requested };
        int attempts = 0;
        try
        {
            while (true)
            {
                if (_options.RespectRobotsTxt && !(await RobotsFor(current, linked.Token).ConfigureAwait(false)).IsAllowed(current.PathAndQuery))
                    return new FetchResult(requested, current, FetchOutcome.Skipped, null, null, default, null, $"disallowed by robots.txt of {current.Authority}", attempts);
                attempts++;
                var archived = _options.Revalidate ? _archive?.Find(current) : null;
                using var lease = await _gate.EnterAsync(current.Authority, linked.Token).ConfigureAwait(false);
                using var request = new HttpRequestMessage(HttpMethod.Get, current);
                if (archived is not null)
                {
                    if (archived.ETag is { } etag && EntityTagHeaderValue.TryParse(etag, out var tag)) request.Headers.IfNoneMatch.Add(tag);
                    if (archived.LastModified is { } lm && DateTimeOffset.TryParse(lm, out var since)) request.Headers.IfModifiedSince = since;
                }
                using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
                int status = (int)response.StatusCode;

                if (status is >= 300 and < 400 && status != 304 && response.Headers.Location is { } location)
                {
                    var next = location.IsAbsoluteUri ? location : new Uri(current, location);
                    if (next.Scheme != Uri.UriSchemeHttp && next.Scheme != Uri.UriSchemeHttps)
                        return Failed(requested, current, status, $"redirected to a non-HTTP address ({next.Scheme}:)", attempts);
                    next = UrlNormalizer.Normalize(next)!;
                    if (!visited.Add(next))
                        return Failed(requested, current, status, $"redirect loop at {next}", attempts);
                    if (visited.Count - 1 > _options.MaxRedirects)
                        return Failed(requested, current, status, $"more than {_options.MaxRedirects} redirects", attempts);
                    current = next;
                    continue;
                }
                if (status == 304 && archived is not null)
                {
                    var message = _archive!.ReadResponse(archived);
                    if (message is null) return Failed(requested, current, status, "304 Not Modified but the archived copy is unreadable", attempts);
                    _archive.AppendRevisit(current, archived);
                    return new FetchResult(requested, current, FetchOutcome.NotModified, archived.Status, archived.ContentType,
                        message.Body, archived.FetchedAt, null, attempts);
                }
                if (!response.IsSuccessStatusCode)
                    return Failed(requested, current, status, $"HTTP {status} {response.ReasonPhrase}", attempts);

                var contentType = response.Content.Headers.ContentType;
                if (contentType?.MediaType is { } media && !_options.AcceptedMediaTypes.Contains(media))
                    return new FetchResult(requested, current, FetchOutcome.Skipped, status, contentType.ToString(), default, null,
                        $"content type {media} is not text", attempts);
                if (response.Content.Headers.ContentLength > _options.MaxBodyBytes)
                    return Failed(requested, current, status, $"body of {response.Content.Headers.ContentLength} bytes is over the {_options.MaxBodyBytes}-byte limit", attempts);
                var body = await ReadLimitedAsync(response.Content, linked.Token).ConfigureAwait(false);
                if (body is null)
                    return Failed(requested, current, status, $"body is over the {_options.MaxBodyBytes}-byte limit (download aborted)", attempts);

                var fetchedAt = _time.GetUtcNow();
                _archive?.AppendExchange(current, RequestHead(request), status, response.ReasonPhrase,
                    response.Headers.Concat(response.Content.Headers).Select(h => new KeyValuePair<string, string>(h.Key, string.Join(", ", h.Value))),
                    body);
                return new FetchResult(requested, current, FetchOutcome.Fetched, status, contentType?.ToString(), body, fetchedAt, null, attempts);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException)
        {
            return Failed(requested, current, null, $"timed out after {_options.TotalTimeout.TotalSeconds:0.#} s overall", attempts);
        }
        catch (TimeoutRejectedException)
        {
            return Failed(requested, current, null, $"no response within {_options.AttemptTimeout.TotalSeconds:0.#} s (after retries)", attempts);
        }
        catch (BrokenCircuitException)
        {
            return Failed(requested, current, null, $"too many failures from {current.Authority}: circuit open, not trying for now", attempts);
        }
        catch (HttpRequestException ex)
        {
            return Failed(requested, current, null, $"network error: {ex.Message}", attempts);
        }
        catch (IOException ex)
        {
            return Failed(requested, current, null, $"connection broke while reading: {ex.Message}", attempts);
        }
    }

    /// <summary>Fetches a feed (RSS 2.0 or Atom) and lists its items.</summary>
    public async Task<SourceListing> ReadFeedAsync(Uri feed, CancellationToken ct = default)
    {
        var result = await FetchAsync(feed, ct).ConfigureAwait(false);
        if (!result.HasBody) return new SourceListing([], [$"{feed}: {result.Message ?? result.Outcome.ToString()}"]);
        using var stream = new MemoryStream(result.Body.ToArray(), writable: false);
        return FeedReader.Parse(stream, result.Url);
    }

    /// <summary>Fetches a sitemap or sitemap index (plain or <c>.xml.gz</c>), following child sitemaps.</summary>
    /// <param name="sitemap">The sitemap's URL.</param>
    /// <param name="maxSitemaps">How many sitemap documents to read at most.</param>
    /// <param name="ct">Cancellation.</param>
    public async Task<SourceListing> ReadSitemapAsync(Uri sitemap, int maxSitemaps = 1000, CancellationToken ct = default)
    {
        var queue = new Queue<Uri>([sitemap]);
        var seen = new HashSet<Uri> { sitemap };
        var listings = new List<SourceListing>();
        int read = 0;
        while (queue.Count > 0 && read < maxSitemaps)
        {
            var next = queue.Dequeue();
            read++;
            var result = await FetchAsync(next, ct).ConfigureAwait(false);
            if (!result.HasBody)
            {
                listings.Add(new SourceListing([], [$"{next}: {result.Message ?? result.Outcome.ToString()}"]));
                continue;
            }
            using var stream = new MemoryStream(result.Body.ToArray(), writable: false);
            var document = SitemapReader.Parse(stream, result.Url);
            listings.Add(document.Pages);
            foreach (var child in document.Children.Where(seen.Add)) queue.Enqueue(child);
        }
        if (queue.Count > 0) listings.Add(new SourceListing([], [$"{sitemap}: stopped after {maxSitemaps} sitemaps; {queue.Count} not read"]));
        return SourceListing.Combine(listings);
    }

    /// <inheritdoc />
    public void Dispose() => _owned?.Dispose();

    private Task<RobotsTxt> RobotsFor(Uri url, CancellationToken ct)
    {
        var key = url.GetLeftPart(UriPartial.Authority);
        var lazy = _robots.GetOrAdd(key, k => new Lazy<Task<RobotsTxt>>(() => LoadRobotsAsync(new Uri(k + "/robots.txt"), ct)));
        return lazy.Value;
    }

    private async Task<RobotsTxt> LoadRobotsAsync(Uri robotsUrl, CancellationToken ct)
    {
        try
        {
            using var lease = await _gate.EnterAsync(robotsUrl.Authority, ct).ConfigureAwait(false);
            using var response = await _client.GetAsync(robotsUrl, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
            int status = (int)response.StatusCode;
            if (status is >= 400 and < 500) return RobotsTxt.AllowAll;
            if (!response.IsSuccessStatusCode) return RobotsTxt.DisallowAll;
            var bytes = await ReadLimitedAsync(response.Content, ct, 512 * 1024).ConfigureAwait(false);
            var robots = RobotsTxt.Parse(Encoding.UTF8.GetString(bytes ?? []), _options.UserAgent);
            if (robots.CrawlDelay is { } delay) _gate.SetCrawlDelay(robotsUrl.Authority, delay);
            return robots;
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException or BrokenCircuitException or IOException
                                   || (ex is OperationCanceledException && !ct.IsCancellationRequested))
        {
            // RFC 9309 §2.3.1.4: an unreachable robots.txt means the whole site is off limits.
            return RobotsTxt.DisallowAll;
        }
    }

    private async Task<byte[]?> ReadLimitedAsync(HttpContent content, CancellationToken ct, long? limit = null)
    {
        long max = limit ?? _options.MaxBodyBytes;
        await using var stream = await content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        // Read into a pooled buffer sized from Content-Length (one byte more, so the final zero-length read needs no
        // growth) and copy out the exact body once: growing a MemoryStream leaves several large-object-heap arrays per
        // page behind, and the garbage collections they cause cost more than the fetch itself.
        int size = content.Headers.ContentLength is { } declared && declared < max ? (int)Math.Max(declared + 1, 1024) : 64 * 1024;
        var buffer = ArrayPool<byte>.Shared.Rent(size);
        int length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, Array.MaxLength));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
                int read = await stream.ReadAsync(buffer.AsMemory(length), ct).ConfigureAwait(false);
                if (read == 0) break;
                length += read;
                if (length > max) return limit is null ? null : buffer.AsSpan(0, (int)max).ToArray();
            }
            return buffer.AsSpan(0, length).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private string RequestHead(HttpRequestMessage request)
    {
        var head = new StringBuilder();
        head.Append("GET ").Append(request.RequestUri!.PathAndQuery).Append(" HTTP/1.1\r\n");
        head.Append("Host: ").Append(request.RequestUri.Authority).Append("\r\n");
        head.Append("User-Agent: ").Append(_options.UserAgent).Append("\r\n");
        foreach (var header in request.Headers) head.Append(header.Key).Append(": ").Append(string.Join(", ", header.Value)).Append("\r\n");
        return head.Append("\r\n").ToString();
    }

    private static FetchResult Rejected(Uri url, string message) =>
        new(url, url, FetchOutcome.Failed, null, null, default, null, message, 0);

    private static FetchResult Failed(Uri requested, Uri current, int? status, string message, int attempts) =>
        new(requested, current, FetchOutcome.Failed, status, null, default, null, message, attempts);
}
