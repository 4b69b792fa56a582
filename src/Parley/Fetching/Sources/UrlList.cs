namespace Parley.Fetching.Sources;

/// <summary>Reads a list of URLs: one per line, blank lines and <c>#</c> comments ignored.</summary>
public static class UrlList
{
    /// <summary>Parses a URL list. Lines that are not http(s) URLs are reported, not dropped silently.</summary>
    /// <param name="reader">The list's text.</param>
    /// <param name="origin">Where the list came from, for messages.</param>
    public static SourceListing Parse(TextReader reader, string origin = "url list")
    {
        var urls = new List<SourceUrl>();
        var problems = new List<string>();
        int number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            var text = line.Trim();
            int hash = text.IndexOf(" #", StringComparison.Ordinal);
            if (hash >= 0) text = text[..hash].TrimEnd();
            if (text.Length == 0 || text.StartsWith('#')) continue;
            if (UrlNormalizer.TryNormalize(text) is { } uri) urls.Add(new SourceUrl(uri, null));
            else problems.Add($"{origin}:{number}: '{text}' is not an http or https URL");
        }
        return new SourceListing(urls, problems);
    }
}

/// <summary>A URL found in a source, with the publication date the source gives for it, if any.</summary>
/// <param name="Url">The normalized URL.</param>
/// <param name="Published">The date a feed or news sitemap gives for the item.</param>
public sealed record SourceUrl(Uri Url, DateTimeOffset? Published);

/// <summary>What a source listed, and what could not be read from it.</summary>
/// <param name="Urls">The URLs, in source order.</param>
/// <param name="Problems">One message per entry that could not be used.</param>
public sealed record SourceListing(IReadOnlyList<SourceUrl> Urls, IReadOnlyList<string> Problems)
{
    /// <summary>How many entries were merged into an earlier one with the same normalized URL.</summary>
    public int Duplicates { get; init; }

    /// <summary>The listing with only items published on or after <paramref name="since"/> (undated items are kept).</summary>
    public SourceListing Since(DateTimeOffset? since) =>
        since is null ? this : this with { Urls = Urls.Where(u => u.Published is null || u.Published >= since).ToList() };

    /// <summary>Merges listings in order, keeping the first occurrence of each normalized URL.</summary>
    public static SourceListing Combine(IEnumerable<SourceListing> listings)
    {
        var seen = new HashSet<Uri>();
        var urls = new List<SourceUrl>();
        var problems = new List<string>();
        int duplicates = 0;
        foreach (var listing in listings)
        {
            problems.AddRange(listing.Problems);
            duplicates += listing.Duplicates;
            foreach (var url in listing.Urls)
            {
                if (seen.Add(url.Url)) urls.Add(url);
                else duplicates++;
            }
        }
        return new SourceListing(urls, problems) { Duplicates = duplicates };
    }
}
