using Parley.Articles;

namespace Parley.Tests.Articles.Metadata;

/// <summary>What the metadata rule tests share: an article body long enough to be found, and extraction of a page.</summary>
internal static class MetadataPages
{
    public const string BodyHtml = """
        <p>Negotiators from both delegations met for a third round on Tuesday and agreed to continue the talks next month,
        according to officials who spoke after the session ended late in the evening.</p>
        <p>The agenda covered prisoner exchanges, a maritime corridor and the monitoring of any future ceasefire line.</p>
        """;

    public static Article Extract(string page, string? url = null) => new ArticleExtractor().Extract(page, url).Article!;
}
