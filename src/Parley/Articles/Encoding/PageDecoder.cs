using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using UtfUnknown;
using TextEncoding = System.Text.Encoding;

namespace Parley.Articles.Encoding;

/// <summary>What a page's bytes turned out to be.</summary>
internal sealed record DecodedPage(string Text, string EncodingName, bool IsHtml, IReadOnlyList<string> Warnings);

/// <summary>
/// Turns raw bytes into text: gzip, byte-order mark, HTTP charset, meta charset, then detection
/// (UTF-8 validity first, then UTF.Unknown, which knows windows-1251 and KOI8-R).
/// </summary>
internal static partial class PageDecoder
{
    static PageDecoder() => TextEncoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Decodes the bytes, or returns an error message for input that is not text.</summary>
    public static (DecodedPage? Page, string? Error) Decode(ReadOnlyMemory<byte> input, string? contentType, string? source, long maxBytes)
    {
        var warnings = new List<string>();
        var bytes = input.Span;
        if (bytes.Length >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B)
        {
            var (inflated, gzError) = Gunzip(input, maxBytes);
            if (gzError is not null) return (null, gzError);
            input = inflated;
            bytes = input.Span;
        }
        if (bytes.Length > maxBytes)
            return (null, $"page is {bytes.Length / 1048576.0:0.0} MB, over the {maxBytes / 1048576.0:0.#} MB limit");

        int bomLength;
        TextEncoding? encoding = FromBom(bytes, out bomLength);
        string? name = encoding?.WebName;
        if (encoding is null && IsBlank(bytes)) return (null, "empty file");
        if (encoding is null && LooksBinary(bytes)) return (null, "binary file: not text");

        if (encoding is null)
        {
            var declared = CharsetFromContentType(contentType) ?? CharsetFromMeta(bytes);
            if (declared is not null)
            {
                var enc = GetEncoding(declared);
                if (enc is null) warnings.Add($"unknown declared charset '{declared}', detected instead");
                else if (enc.CodePage != 65001 && IsSingleByteLatin(enc) && HasNonAscii(bytes) && IsValidUtf8(bytes))
                {
                    warnings.Add($"declared charset '{declared}' but the bytes are UTF-8");
                    encoding = new UTF8Encoding(false);
                }
                else encoding = enc;
            }
        }
        if (encoding is null)
        {
            if (!HasNonAscii(bytes) || IsValidUtf8(bytes)) encoding = new UTF8Encoding(false);
            else
            {
                var detected = CharsetDetector.DetectFromBytes(bytes.ToArray()).Detected;
                if (detected?.Encoding is null || detected.Confidence < 0.1f)
                    return (null, "unknown character encoding: not UTF-8 and not recognized");
                encoding = detected.Encoding;
                warnings.Add($"character encoding detected as {detected.EncodingName}");
            }
        }
        string text;
        try
        {
            text = encoding.GetString(bytes[bomLength..]);
        }
        catch (DecoderFallbackException)
        {
            return (null, $"bytes are not valid {encoding.WebName}");
        }
        if (text.AsSpan().IndexOf('\0') >= 0) return (null, "binary file: not text");
        if (string.IsNullOrWhiteSpace(text)) return (null, "empty file");
        bool isHtml = LooksLikeHtml(text);
        return (new DecodedPage(text, name ?? encoding.WebName, isHtml, warnings), null);
    }

    private static (ReadOnlyMemory<byte>, string?) Gunzip(ReadOnlyMemory<byte> input, long maxBytes)
    {
        try
        {
            using var source = new MemoryStream(input.ToArray(), writable: false);
            using var gzip = new GZipStream(source, CompressionMode.Decompress);
            using var output = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = gzip.Read(buffer, 0, buffer.Length)) > 0)
            {
                output.Write(buffer, 0, read);
                if (output.Length > maxBytes)
                    return (default, $"page is over the {maxBytes / 1048576.0:0.#} MB limit once decompressed");
            }
            return (output.ToArray(), null);
        }
        catch (InvalidDataException ex)
        {
            return (default, $"corrupt gzip data: {ex.Message}");
        }
    }

    private static TextEncoding? FromBom(ReadOnlySpan<byte> b, out int length)
    {
        length = 0;
        if (b.Length >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF) { length = 3; return new UTF8Encoding(false); }
        if (b.Length >= 4 && b[0] == 0xFF && b[1] == 0xFE && b[2] == 0 && b[3] == 0) { length = 4; return new UTF32Encoding(false, false); }
        if (b.Length >= 4 && b[0] == 0 && b[1] == 0 && b[2] == 0xFE && b[3] == 0xFF) { length = 4; return new UTF32Encoding(true, false); }
        if (b.Length >= 2 && b[0] == 0xFF && b[1] == 0xFE) { length = 2; return new UnicodeEncoding(false, false); }
        if (b.Length >= 2 && b[0] == 0xFE && b[1] == 0xFF) { length = 2; return new UnicodeEncoding(true, false); }
        return null;
    }

    private static bool IsBlank(ReadOnlySpan<byte> b)
    {
        foreach (var x in b) if (x is not (0x20 or 0x09 or 0x0A or 0x0D or 0x0C)) return false;
        return true;
    }

    /// <summary>NUL bytes or many control bytes in the first 8 KB: an image, archive or executable, not a page.</summary>
    private static bool LooksBinary(ReadOnlySpan<byte> b)
    {
        var head = b[..Math.Min(b.Length, 8192)];
        int control = 0;
        foreach (var x in head)
        {
            if (x == 0) return true;
            if (x < 0x20 && x is not (0x09 or 0x0A or 0x0D or 0x0C or 0x1B)) control++;
        }
        return control > head.Length / 50 + 2;
    }

    private static bool HasNonAscii(ReadOnlySpan<byte> b) => b.IndexOfAnyInRange((byte)0x80, (byte)0xFF) >= 0;

    private static bool IsValidUtf8(ReadOnlySpan<byte> b) => System.Text.Unicode.Utf8.IsValid(b);

    private static bool IsSingleByteLatin(TextEncoding e) => e.CodePage is 1252 or 28591 or 20127 or 28605;

    private static TextEncoding? GetEncoding(string name)
    {
        name = name.Trim().Trim('"', '\'').ToLowerInvariant();
        if (name is "utf8") name = "utf-8";
        if (name is "iso-8859-1" or "latin1" or "us-ascii" or "ascii") name = "windows-1252"; // what browsers do
        try
        {
            var e = TextEncoding.GetEncoding(name);
            return e.CodePage == 65001 ? new UTF8Encoding(false) : e;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static string? CharsetFromContentType(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType)) return null;
        var m = ContentTypeCharset().Match(contentType);
        return m.Success ? m.Groups[1].Value : null;
    }

    /// <summary>The charset a page declares in its first 4 KB (<c>meta charset</c> or <c>http-equiv</c>).</summary>
    private static string? CharsetFromMeta(ReadOnlySpan<byte> b)
    {
        var head = TextEncoding.Latin1.GetString(b[..Math.Min(b.Length, 4096)]);
        var m = MetaCharset().Match(head);
        if (m.Success) return m.Groups[1].Value;
        m = XmlEncoding().Match(head);
        return m.Success ? m.Groups[1].Value : null;
    }

    /// <summary>Whether text is HTML by its content: markup near the start, or common tags anywhere early.</summary>
    public static bool LooksLikeHtml(string text)
    {
        var head = text.AsSpan(0, Math.Min(text.Length, 2048)).TrimStart();
        if (head.StartsWith("<", StringComparison.Ordinal) && HtmlStart().IsMatch(head.ToString())) return true;
        return HtmlTags().Matches(text.Length > 65536 ? text[..65536] : text).Count >= 3;
    }

    [GeneratedRegex(@"charset\s*=\s*[""']?([\w:.\-]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ContentTypeCharset();

    [GeneratedRegex(@"<meta[^>]+charset\s*=\s*[""']?\s*([\w:.\-]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MetaCharset();

    [GeneratedRegex(@"<\?xml[^>]+encoding\s*=\s*[""']([\w:.\-]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex XmlEncoding();

    [GeneratedRegex(@"^<(!doctype\s+html|html|head|body|meta|title|!--|div|p|article|section|link|script|h1|\?xml)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HtmlStart();

    [GeneratedRegex(@"</?(html|head|body|p|div|br|article|span|a|h[1-6]|title)\b[^>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HtmlTags();
}
