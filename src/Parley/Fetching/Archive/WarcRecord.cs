using System.Text;

namespace Parley.Fetching.Archive;

/// <summary>One WARC record (ISO 28500): its named header fields and its content block.</summary>
/// <param name="Headers">WARC header fields, case-insensitive names, in file order.</param>
/// <param name="Block">The content block (for a response: the HTTP status line, headers and body).</param>
public sealed record WarcRecord(IReadOnlyList<KeyValuePair<string, string>> Headers, ReadOnlyMemory<byte> Block)
{
    /// <summary>The value of a header field, or null.</summary>
    public string? this[string name] =>
        Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>WARC-Type: warcinfo, request, response, revisit, …</summary>
    public string? Type => this["WARC-Type"];

    /// <summary>WARC-Target-URI.</summary>
    public string? TargetUri => this["WARC-Target-URI"]?.Trim('<', '>');

    /// <summary>For a response record, the HTTP message split into status, headers and body.</summary>
    public HttpMessage? ParseHttp()
    {
        var span = Block.Span;
        int end = span.IndexOf("\r\n\r\n"u8);
        int separator = 4;
        if (end < 0)
        {
            end = span.IndexOf("\n\n"u8);
            separator = 2;
        }
        if (end < 0) return null;
        var head = Encoding.Latin1.GetString(span[..end]).Replace("\r\n", "\n").Split('\n');
        var statusParts = head[0].Split(' ', 3);
        if (statusParts.Length < 2 || !int.TryParse(statusParts[1], out var status)) return null;
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var line in head.Skip(1))
        {
            int colon = line.IndexOf(':');
            if (colon > 0) headers.Add(new(line[..colon].Trim(), line[(colon + 1)..].Trim()));
        }
        return new HttpMessage(status, headers, Block[(end + separator)..]);
    }
}

/// <summary>An HTTP response as archived.</summary>
/// <param name="Status">Status code.</param>
/// <param name="Headers">Response headers.</param>
/// <param name="Body">The body bytes.</param>
public sealed record HttpMessage(int Status, IReadOnlyList<KeyValuePair<string, string>> Headers, ReadOnlyMemory<byte> Body)
{
    /// <summary>The value of a header, or null.</summary>
    public string? Header(string name) =>
        Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}
