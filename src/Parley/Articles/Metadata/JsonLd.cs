using System.Text.Json;

namespace Parley.Articles.Metadata;

/// <summary>Reads schema.org JSON-LD blocks: arrays, <c>@graph</c>, <c>@id</c> references, author objects and lists.</summary>
internal sealed class JsonLd : IDisposable
{
    /// <summary>Releases the parsed documents.</summary>
    public void Dispose() { foreach (var d in _documents) d.Dispose(); }

    private static readonly HashSet<string> ArticleTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle", "BackgroundNewsArticle",
        "ReviewNewsArticle", "AskPublicNewsArticle", "SatiricalArticle", "BlogPosting", "LiveBlogPosting", "Report",
        "ScholarlyArticle", "TechArticle", "SocialMediaPosting", "DiscussionForumPosting", "MedicalScholarlyArticle", "Review", "Recipe", "HowTo",
    };

    private readonly List<JsonElement> _nodes = [];
    private readonly Dictionary<string, JsonElement> _byId = new(StringComparer.Ordinal);
    private readonly List<JsonDocument> _documents = [];

    private static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 };

    /// <summary>Adds one script block's text; invalid JSON is skipped.</summary>
    public void Add(string json)
    {
        json = json.Trim();
        if (json.StartsWith("<!--", StringComparison.Ordinal)) json = json[4..];
        if (json.EndsWith("-->", StringComparison.Ordinal)) json = json[..^3];
        // Raw newlines and tabs inside strings are the commonest breakage in the wild. Outside strings they are
        // whitespace, so turning them all into spaces up front parses both kinds without a failed first attempt.
        if (json.AsSpan().IndexOfAny('\r', '\n', '\t') >= 0)
            json = string.Create(json.Length, json, static (span, source) =>
            {
                source.AsSpan().CopyTo(span);
                span.Replace('\r', ' ');
                span.Replace('\n', ' ');
                span.Replace('\t', ' ');
            });
        JsonDocument doc;
        try { doc = JsonDocument.Parse(json, Options); }
        catch (JsonException) { return; }
        _documents.Add(doc);
        var stack = new Stack<(JsonElement, int)>();
        stack.Push((doc.RootElement, 0));
        while (stack.Count > 0)
        {
            var (e, depth) = stack.Pop();
            if (depth > 8) continue;
            if (e.ValueKind == JsonValueKind.Array)
            {
                for (int i = e.GetArrayLength() - 1; i >= 0; i--) stack.Push((e[i], depth + 1));
            }
            else if (e.ValueKind == JsonValueKind.Object)
            {
                _nodes.Add(e);
                if (e.TryGetProperty("@id", out var id) && id.ValueKind == JsonValueKind.String && !_byId.ContainsKey(id.GetString()!)
                    && e.EnumerateObject().Count() > 2)
                    _byId[id.GetString()!] = e;
                if (e.TryGetProperty("@graph", out var graph)) stack.Push((graph, depth + 1));
                if (e.TryGetProperty("mainEntity", out var main)) stack.Push((main, depth + 1));
            }
        }
    }

    /// <summary>Whether any block was read.</summary>
    public bool IsEmpty => _nodes.Count == 0;

    /// <summary>The main article node: an article type, preferring one with a body or headline.</summary>
    public JsonElement? Article()
    {
        JsonElement? best = null;
        int bestScore = -1;
        foreach (var n in _nodes)
        {
            if (!Types(n).Any(ArticleTypes.Contains)) continue;
            int score = (n.TryGetProperty("articleBody", out _) ? 4 : 0) + (n.TryGetProperty("headline", out _) ? 2 : 0) + (n.TryGetProperty("datePublished", out _) ? 1 : 0);
            if (score > bestScore) { best = n; bestScore = score; }
        }
        return best;
    }

    /// <summary>The page node (<c>WebPage</c> and kinds), a fallback for dates and names.</summary>
    public JsonElement? WebPage() => _nodes.Cast<JsonElement?>().FirstOrDefault(n => Types(n!.Value).Any(t => t.EndsWith("Page", StringComparison.OrdinalIgnoreCase)));

    /// <summary>The site node (<c>WebSite</c> or <c>Organization</c>) name.</summary>
    public string? SiteName()
    {
        foreach (var n in _nodes)
            if (Types(n).Any(t => t is "WebSite" or "NewsMediaOrganization") && String(n, "name") is { } name) return name;
        return null;
    }

    public static IEnumerable<string> Types(JsonElement n)
    {
        if (n.ValueKind != JsonValueKind.Object || !n.TryGetProperty("@type", out var t)) yield break;
        if (t.ValueKind == JsonValueKind.String) yield return t.GetString()!;
        else if (t.ValueKind == JsonValueKind.Array)
            foreach (var x in t.EnumerateArray()) if (x.ValueKind == JsonValueKind.String) yield return x.GetString()!;
    }

    /// <summary>A string property (or the first string of an array, or an object's name/@value).</summary>
    public string? String(JsonElement n, string name)
    {
        if (n.ValueKind != JsonValueKind.Object || !n.TryGetProperty(name, out var v)) return null;
        return AsString(Resolve(v));
    }

    private static string? AsString(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => v.GetString(),
        JsonValueKind.Number => v.GetRawText(),
        JsonValueKind.Array => v.EnumerateArray().Select(AsString).FirstOrDefault(s => !string.IsNullOrWhiteSpace(s)),
        JsonValueKind.Object => v.TryGetProperty("name", out var nm) && nm.ValueKind == JsonValueKind.String ? nm.GetString()
            : v.TryGetProperty("@value", out var val) && val.ValueKind == JsonValueKind.String ? val.GetString()
            : v.TryGetProperty("@id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null,
        _ => null,
    };

    private JsonElement Resolve(JsonElement v)
    {
        if (v.ValueKind == JsonValueKind.Object && v.TryGetProperty("@id", out var id) && id.ValueKind == JsonValueKind.String
            && !v.TryGetProperty("name", out _) && _byId.TryGetValue(id.GetString()!, out var target))
            return target;
        return v;
    }

    /// <summary>Author names: strings, Person objects, <c>@id</c> references, or lists of them.</summary>
    public List<string> Names(JsonElement n, string name)
    {
        var names = new List<string>();
        if (n.ValueKind != JsonValueKind.Object || !n.TryGetProperty(name, out var v)) return names;
        var items = v.ValueKind == JsonValueKind.Array ? v.EnumerateArray().ToList() : [v];
        foreach (var raw in items)
        {
            var item = Resolve(raw);
            if (item.ValueKind == JsonValueKind.String) names.Add(item.GetString()!);
            else if (item.ValueKind == JsonValueKind.Object)
            {
                if (String(item, "name") is { } nm) names.Add(nm);
                else if (String(item, "givenName") is { } given) names.Add($"{given} {String(item, "familyName")}".Trim());
            }
        }
        return names;
    }

    /// <summary>Whether every author of the node is an Organization (a weak byline: the publisher, not a writer).</summary>
    public bool AuthorIsOrganization(JsonElement n)
    {
        if (!n.TryGetProperty("author", out var v)) return false;
        var items = v.ValueKind == JsonValueKind.Array ? v.EnumerateArray().ToList() : [v];
        return items.Count > 0 && items.All(i => Types(Resolve(i)).Any(t => t is "Organization" or "NewsMediaOrganization" or "Corporation" or "WebSite"));
    }

    /// <summary>The first <c>datePublished</c> on any node that is not a media object or comment.</summary>
    public string? AnyDatePublished()
    {
        foreach (var n in _nodes)
        {
            if (Types(n).Any(t => t.EndsWith("Object", StringComparison.Ordinal) || t is "Comment" or "Person" or "Organization")) continue;
            if (String(n, "datePublished") is { } d) return d;
        }
        return null;
    }

    /// <summary>The publisher's name.</summary>
    public string? Publisher(JsonElement n) =>
        n.TryGetProperty("publisher", out var p) ? AsString(Resolve(p.ValueKind == JsonValueKind.Array && p.GetArrayLength() > 0 ? p[0] : p)) : null;
}
