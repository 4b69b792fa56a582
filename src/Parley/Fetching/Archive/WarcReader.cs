using System.IO.Compression;
using System.Text;

namespace Parley.Fetching.Archive;

/// <summary>Reads WARC files, gzipped per record (<c>.warc.gz</c>) or plain (<c>.warc</c>).</summary>
/// <remarks>A file cut short by a crash yields every complete record and then stops, reporting the truncation
/// through <see cref="WarcReadResult.Truncated"/> rather than throwing.</remarks>
public static class WarcReader
{
    /// <summary>Reads every record of a WARC file.</summary>
    public static WarcReadResult ReadFile(string path)
    {
        using var file = File.OpenRead(path);
        return Read(file);
    }

    /// <summary>Reads every record from a stream; gzip is recognized by its magic bytes.</summary>
    public static WarcReadResult Read(Stream stream)
    {
        var records = new List<WarcRecord>();
        string? truncated = null;
        try
        {
            foreach (var record in Enumerate(stream)) records.Add(record);
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException or IOException)
        {
            truncated = ex.Message;
        }
        return new WarcReadResult(records, truncated);
    }

    /// <summary>Streams records one at a time (throws <see cref="InvalidDataException"/> on a damaged file).</summary>
    public static IEnumerable<WarcRecord> Enumerate(Stream stream)
    {
        var input = new BufferedStream(IsGzip(stream) ? new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true) : stream, 1 << 16);
        while (ReadRecord(input) is { } record) yield return record;
    }

    private static WarcRecord? ReadRecord(Stream input)
    {
        string? version;
        do
        {
            version = ReadLine(input);
            if (version is null) return null;
        } while (version.Length == 0);
        if (!version.StartsWith("WARC/", StringComparison.Ordinal))
            throw new InvalidDataException($"expected a WARC record, found '{Truncate(version)}'");
        var headers = new List<KeyValuePair<string, string>>();
        while (true)
        {
            var line = ReadLine(input) ?? throw new EndOfStreamException("WARC header cut short");
            if (line.Length == 0) break;
            int colon = line.IndexOf(':');
            if (colon > 0) headers.Add(new(line[..colon].Trim(), line[(colon + 1)..].Trim()));
        }
        var lengthText = headers.FirstOrDefault(h => h.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)).Value;
        if (!long.TryParse(lengthText, out var length) || length < 0 || length > int.MaxValue)
            throw new InvalidDataException($"WARC record has no valid Content-Length ('{lengthText}')");
        var block = new byte[length];
        input.ReadExactly(block);
        // Two CRLFs end a record; tolerate their absence at the end of the file.
        Span<byte> tail = stackalloc byte[4];
        int read = input.ReadAtLeast(tail, 4, throwOnEndOfStream: false);
        if (read > 0 && read < 4) throw new EndOfStreamException("WARC record end cut short");
        return new WarcRecord(headers, block);
    }

    private static string? ReadLine(Stream input)
    {
        var bytes = new List<byte>(64);
        while (true)
        {
            int b = input.ReadByte();
            if (b < 0) return bytes.Count == 0 ? null : throw new EndOfStreamException("WARC line cut short");
            if (b == '\n') break;
            if (bytes.Count > 64 * 1024) throw new InvalidDataException("WARC header line longer than 64 KiB");
            bytes.Add((byte)b);
        }
        if (bytes.Count > 0 && bytes[^1] == '\r') bytes.RemoveAt(bytes.Count - 1);
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private static bool IsGzip(Stream stream)
    {
        if (!stream.CanSeek) return false;
        long start = stream.Position;
        int a = stream.ReadByte(), b = stream.ReadByte();
        stream.Position = start;
        return a == 0x1f && b == 0x8b;
    }

    private static string Truncate(string text) => text.Length > 40 ? text[..40] + "…" : text;
}

/// <summary>The records read from a WARC file, and whether it ended early.</summary>
/// <param name="Records">Every complete record, in file order.</param>
/// <param name="Truncated">Null for a whole file; otherwise what was wrong where reading stopped.</param>
public sealed record WarcReadResult(IReadOnlyList<WarcRecord> Records, string? Truncated);
