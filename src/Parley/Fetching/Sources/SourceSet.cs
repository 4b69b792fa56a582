namespace Parley.Fetching.Sources;

/// <summary>
/// What an analyst asks to fetch: page URLs, URL-list files, feeds and sitemaps, optionally only items published
/// since a date. <c>parley fetch</c> and <c>parley run</c> take the same set.
/// </summary>
public sealed record SourceSet
{
    /// <summary>Page URLs.</summary>
    public IReadOnlyList<string> Urls { get; init; } = [];

    /// <summary>Files of URLs, one per line (<c>#</c> comments allowed).</summary>
    public IReadOnlyList<string> UrlFiles { get; init; } = [];

    /// <summary>RSS 2.0 or Atom feed URLs.</summary>
    public IReadOnlyList<string> Feeds { get; init; } = [];

    /// <summary>Sitemap, sitemap index or news sitemap URLs (plain or <c>.xml.gz</c>).</summary>
    public IReadOnlyList<string> Sitemaps { get; init; } = [];

    /// <summary>Keep only feed and sitemap items published on or after this time (undated items are kept).</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Parses a <c>--since</c> day (<c>YYYY-MM-DD</c>) as midnight UTC; null text gives null.</summary>
    /// <returns>False when the text is not such a day.</returns>
    public static bool TryParseSince(string? text, out DateTimeOffset? since)
    {
        since = null;
        if (text is null) return true;
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.None, out var day)) return false;
        since = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        return true;
    }

    /// <summary>Whether anything is asked for.</summary>
    public bool IsEmpty => Urls.Count + UrlFiles.Count + Feeds.Count + Sitemaps.Count == 0;

    /// <summary>Reads every source (fetching feeds and sitemaps with <paramref name="fetcher"/>) into one de-duplicated
    /// listing, in order: URLs, URL files, feeds, sitemaps. Problems are reported per entry, never thrown.</summary>
    public async Task<SourceListing> ListAsync(PageFetcher fetcher, CancellationToken ct = default)
    {
        var listings = new List<SourceListing>();
        var direct = Urls.Select(u => (Text: u, Url: UrlNormalizer.TryNormalize(u))).ToList();
        listings.Add(new SourceListing(
            direct.Where(d => d.Url is not null).Select(d => new SourceUrl(d.Url!, null)).ToList(),
            direct.Where(d => d.Url is null).Select(d => $"'{d.Text}' is not an http or https URL").ToList()));
        foreach (var file in UrlFiles)
        {
            if (!File.Exists(file))
            {
                listings.Add(new SourceListing([], [$"{file}: file not found"]));
                continue;
            }
            using var reader = File.OpenText(file);
            listings.Add(UrlList.Parse(reader, file));
        }
        foreach (var feed in Feeds)
            listings.Add(UrlNormalizer.TryNormalize(feed) is { } url
                ? (await fetcher.ReadFeedAsync(url, ct).ConfigureAwait(false)).Since(Since)
                : new SourceListing([], [$"feed '{feed}' is not an http or https URL"]));
        foreach (var sitemap in Sitemaps)
            listings.Add(UrlNormalizer.TryNormalize(sitemap) is { } url
                ? (await fetcher.ReadSitemapAsync(url, ct: ct).ConfigureAwait(false)).Since(Since)
                : new SourceListing([], [$"sitemap '{sitemap}' is not an http or https URL"]));
        return SourceListing.Combine(listings);
    }
}
