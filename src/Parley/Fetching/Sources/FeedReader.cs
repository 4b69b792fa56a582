using System.ServiceModel.Syndication;
using System.Xml;

namespace Parley.Fetching.Sources;

/// <summary>Reads the item links of an RSS 2.0 or Atom feed.</summary>
public static class FeedReader
{
    /// <summary>Parses a feed document. Parsing never fetches anything.</summary>
    /// <param name="xml">The feed's bytes.</param>
    /// <param name="baseUri">The feed's own address, for relative links.</param>
    public static SourceListing Parse(Stream xml, Uri? baseUri = null)
    {
        var urls = new List<SourceUrl>();
        var problems = new List<string>();
        SyndicationFeed feed;
        try
        {
            using var reader = XmlReader.Create(xml, SafeXml.Settings);
            feed = SyndicationFeed.Load(reader);
        }
        catch (Exception ex) when (ex is XmlException or InvalidOperationException or NotSupportedException or FormatException)
        {
            return new SourceListing([], [$"{baseUri}: not an RSS or Atom feed ({ex.Message})"]);
        }
        foreach (var item in feed.Items)
        {
            var link = item.Links.FirstOrDefault(l => l.RelationshipType is null or "alternate")?.Uri
                ?? (Uri.TryCreate(item.Id, UriKind.Absolute, out var id) ? id : null);
            if (link is not null && !link.IsAbsoluteUri && baseUri is not null) link = new Uri(baseUri, link);
            var published = item.PublishDate != default ? item.PublishDate
                : item.LastUpdatedTime != default ? item.LastUpdatedTime : (DateTimeOffset?)null;
            if (link is not null && UrlNormalizer.Normalize(link) is { } normalized)
                urls.Add(new SourceUrl(normalized, published));
            else
                problems.Add($"{baseUri}: feed item '{item.Title?.Text}' has no http(s) link");
        }
        return new SourceListing(urls, problems);
    }
}

/// <summary>XML reader settings that never resolve external entities or DTDs.</summary>
internal static class SafeXml
{
    public static XmlReaderSettings Settings { get; } = new()
    {
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        IgnoreComments = true,
        MaxCharactersFromEntities = 1024,
    };
}
