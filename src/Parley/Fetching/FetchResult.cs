namespace Parley.Fetching;

/// <summary>How a fetch ended.</summary>
public enum FetchOutcome
{
    /// <summary>Downloaded and archived.</summary>
    Fetched,
    /// <summary>The server answered 304 Not Modified; the archived copy is used.</summary>
    NotModified,
    /// <summary>Skipped on purpose: robots.txt, a content type that is not text, or a duplicate.</summary>
    Skipped,
    /// <summary>Failed: an error status, too many redirects, a body over the limit, a timeout, a network error.</summary>
    Failed,
}

/// <summary>The result of fetching one URL. Failures are values, with a message that says what happened.</summary>
/// <param name="RequestedUrl">The URL asked for (normalized).</param>
/// <param name="Url">The URL the body came from, after redirects.</param>
/// <param name="Outcome">How the fetch ended.</param>
/// <param name="Status">The final HTTP status, if a response arrived.</param>
/// <param name="ContentType">The response's Content-Type header.</param>
/// <param name="Body">The body (decompressed), for <see cref="FetchOutcome.Fetched"/> and <see cref="FetchOutcome.NotModified"/>.</param>
/// <param name="FetchedAt">When the body was fetched (for a 304, when the archived copy was).</param>
/// <param name="Message">Why it was skipped or failed.</param>
/// <param name="Attempts">Requests sent for this URL (redirect hops included; retries inside the resilience pipeline are not visible here).</param>
public sealed record FetchResult(
    Uri RequestedUrl,
    Uri Url,
    FetchOutcome Outcome,
    int? Status,
    string? ContentType,
    ReadOnlyMemory<byte> Body,
    DateTimeOffset? FetchedAt,
    string? Message,
    int Attempts = 1)
{
    /// <summary>Whether there is a body to extract.</summary>
    public bool HasBody => Outcome is FetchOutcome.Fetched or FetchOutcome.NotModified;

    /// <summary>The host the URL belongs to.</summary>
    public string Host => RequestedUrl.Host;
}
