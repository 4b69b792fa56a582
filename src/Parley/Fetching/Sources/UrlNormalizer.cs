namespace Parley.Fetching.Sources;

/// <summary>
/// Normalizes URLs so the same page reached by different links is fetched once.
/// </summary>
/// <remarks>
/// Lower-cases scheme and host, drops the default port and the fragment, and removes tracking parameters
/// (<c>utm_*</c>, <c>fbclid</c>, <c>gclid</c>, <c>mc_cid</c>, …). The order of the remaining query parameters is kept:
/// some sites give it meaning. Only <c>http</c> and <c>https</c> URLs are accepted.
/// </remarks>
public static class UrlNormalizer
{
    private static readonly HashSet<string> TrackingParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        "fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid", "yclid", "_ga", "_gl",
        "ref_src", "cmpid", "ocid", "smid", "sr_share",
    };

    /// <summary>Parses and normalizes <paramref name="text"/>; null when it is not an absolute http(s) URL.</summary>
    public static Uri? TryNormalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri)) return null;
        return Normalize(uri);
    }

    /// <summary>Normalizes an absolute URL; null when its scheme is not http or https.</summary>
    public static Uri? Normalize(Uri uri)
    {
        if (!uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)) return null;
        var builder = new UriBuilder(uri)
        {
            Scheme = uri.Scheme.ToLowerInvariant(),
            Host = uri.Host.ToLowerInvariant(),
            Fragment = "",
        };
        if (uri.IsDefaultPort) builder.Port = -1;
        builder.Query = StripTracking(uri.Query);
        if (string.IsNullOrEmpty(builder.Path)) builder.Path = "/";
        return builder.Uri;
    }

    private static string StripTracking(string query)
    {
        if (string.IsNullOrEmpty(query) || query == "?") return "";
        var kept = query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(pair =>
            {
                var name = Uri.UnescapeDataString(pair.Split('=', 2)[0]);
                return !name.StartsWith("utm_", StringComparison.OrdinalIgnoreCase) && !TrackingParameters.Contains(name);
            });
        return string.Join('&', kept);
    }
}
