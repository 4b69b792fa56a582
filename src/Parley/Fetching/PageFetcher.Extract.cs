using System.Runtime.CompilerServices;
using Parley.Articles;

namespace Parley.Fetching;

/// <summary>A fetched page and, when it brought a body, what extracting it gave.</summary>
/// <param name="Page">The fetch result.</param>
/// <param name="Extraction">The extraction result; null when the page has no body (failed or skipped).</param>
public sealed record FetchedArticle(FetchResult Page, ExtractionResult? Extraction);

public sealed partial class PageFetcher
{
    /// <summary>Pages per extraction thread that may wait, fetched or extracted, for the one ahead of them in
    /// <see cref="FetchAndExtractAsync"/>: enough that a burst of slow fetches does not leave the threads idle (4 per
    /// thread cost about 10 % of `parley bench fetch`), few enough that waiting bodies are not copied from one heap
    /// generation to the next at every collection (16 per thread ran 283–353 pages/s against 262–350 with 128).</summary>
    private const int LookaheadPerThread = 16;

    /// <summary>Fetches URLs and extracts each page with a body, yielding results in input order.</summary>
    /// <remarks>Extraction is processor work: pages are extracted on up to <paramref name="parallelism"/> threads while
    /// later pages are still being fetched, and at most 16 pages per thread wait, extracted or not, for the one ahead
    /// of them, so memory stays bounded. An exception from a bug in extraction becomes that page's error result.</remarks>
    /// <param name="urls">The URLs, as for <see cref="FetchAllAsync"/>.</param>
    /// <param name="extractor">The extractor (it is thread-safe).</param>
    /// <param name="parallelism">Extraction threads; 0 or less for one per processor.</param>
    /// <param name="ct">Cancellation.</param>
    public async IAsyncEnumerable<FetchedArticle> FetchAndExtractAsync(IEnumerable<Uri> urls, ArticleExtractor extractor, int parallelism = 0,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(extractor);
        var pages = InOrder.SelectAsync(FetchAllAsync(urls, ct), page => page.HasBody,
            page => extractor.ExtractBytesOrError(page.Body, page.RequestedUrl.AbsoluteUri, page.Url.AbsoluteUri, page.ContentType),
            parallelism, LookaheadPerThread, ct);
        await foreach (var (page, extraction) in pages.ConfigureAwait(false))
            yield return new FetchedArticle(page, extraction);
    }
}
