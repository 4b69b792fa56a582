using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Parley.Serialization;

namespace Parley.Fetching.Archive;

/// <summary>
/// A folder of WARC files holding every response Parley fetched, so a report can be reproduced later and raw
/// pages re-extracted with a better extractor. Standard WARC tools read the files.
/// </summary>
/// <remarks>
/// Each fetch session appends to a new file <c>parley-&lt;time&gt;-&lt;n&gt;.warc.gz</c>, one gzip member per record,
/// so a crash can at worst cut the last record of the last file. Records are flushed to the operating system after
/// each write (a killed process loses nothing written), not forced to disk (fsync), which would cap throughput at the
/// disk's sync rate. <c>index.jsonl</c> lists every complete response
/// (URL, validators, file and offset); a line is added only after its record is flushed, and it is what conditional
/// requests and resumption read. Bodies are stored decompressed (the original <c>Content-Encoding</c> is kept as
/// <c>X-Parley-Original-Content-Encoding</c>).
/// </remarks>
public sealed class WarcArchive : IDisposable
{
    private const string IndexName = "index.jsonl";
    private readonly object _lock = new();
    private readonly TimeProvider _time;
    private readonly Dictionary<string, ArchivedResponse> _latest = new(StringComparer.Ordinal);
    private FileStream? _file;
    private StreamWriter? _index;

    private WarcArchive(string directory, TimeProvider time)
    {
        Directory = directory;
        _time = time;
    }

    /// <summary>The archive folder.</summary>
    public string Directory { get; }

    /// <summary>The WARC file this session writes to (created on first write).</summary>
    public string? CurrentFile => _file?.Name;

    /// <summary>Opens (or creates) an archive folder and reads its index.</summary>
    public static WarcArchive Open(string directory, TimeProvider? time = null)
    {
        System.IO.Directory.CreateDirectory(directory);
        var archive = new WarcArchive(Path.GetFullPath(directory), time ?? TimeProvider.System);
        archive.LoadIndex();
        return archive;
    }

    /// <summary>The latest complete response archived for a URL, or null.</summary>
    public ArchivedResponse? Find(Uri url)
    {
        lock (_lock) return _latest.GetValueOrDefault(url.AbsoluteUri);
    }

    /// <summary>Number of URLs with an archived response.</summary>
    public int Count
    {
        get { lock (_lock) return _latest.Count; }
    }

    /// <summary>Reads an archived response's HTTP message back from its WARC file.</summary>
    public HttpMessage? ReadResponse(ArchivedResponse entry)
    {
        var path = Path.Combine(Directory, entry.File);
        if (!File.Exists(path)) return null;
        using var file = File.OpenRead(path);
        file.Position = entry.Offset;
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        var record = WarcReader.Enumerate(gzip).FirstOrDefault();
        return record?.ParseHttp();
    }

    /// <summary>Appends a request/response pair and indexes the response.</summary>
    /// <param name="url">The URL the response came from.</param>
    /// <param name="requestHead">The HTTP request line and headers as sent.</param>
    /// <param name="status">Response status code.</param>
    /// <param name="reason">Response reason phrase.</param>
    /// <param name="headers">Response headers (content and general).</param>
    /// <param name="body">The body, decompressed.</param>
    public ArchivedResponse AppendExchange(Uri url, string requestHead, int status, string? reason,
        IEnumerable<KeyValuePair<string, string>> headers, ReadOnlySpan<byte> body)
    {
        var now = _time.GetUtcNow();
        var requestId = NewId();
        var responseId = NewId();
        var head = new StringBuilder();
        head.Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {status} {reason}\r\n");
        string? etag = null, lastModified = null, contentType = null;
        foreach (var (name, value) in headers)
        {
            if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase) || name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
                continue;
            var stored = name.Equals("Content-Encoding", StringComparison.OrdinalIgnoreCase) ? "X-Parley-Original-Content-Encoding" : name;
            head.Append(stored).Append(": ").Append(value.Replace("\r", "").Replace("\n", " ")).Append("\r\n");
            if (name.Equals("ETag", StringComparison.OrdinalIgnoreCase)) etag = value;
            if (name.Equals("Last-Modified", StringComparison.OrdinalIgnoreCase)) lastModified = value;
            if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)) contentType = value;
        }
        head.Append(CultureInfo.InvariantCulture, $"Content-Length: {body.Length}\r\n\r\n");
        var payloadDigest = Sha1Base32(body);
        // Records are compressed before the lock is taken, so concurrent fetches only queue for the file write.
        using var request = Record(now, requestId, "request", url, "application/http;msgtype=request",
            Encoding.Latin1.GetBytes(requestHead), [], [new("WARC-Concurrent-To", responseId)]);
        using var response = Record(now, responseId, "response", url, "application/http;msgtype=response",
            Encoding.Latin1.GetBytes(head.ToString()), body, [new("WARC-Payload-Digest", "sha1:" + payloadDigest)]);

        lock (_lock)
        {
            var file = EnsureFile(now);
            request.WriteTo(file);
            long offset = file.Position;
            response.WriteTo(file);
            file.Flush();
            var entry = new ArchivedResponse(url.AbsoluteUri, status, contentType, etag, lastModified, now,
                Path.GetFileName(file.Name), offset, "sha1:" + payloadDigest);
            _latest[entry.Url] = entry;
            _index!.WriteLine(JsonSerializer.Serialize(entry, ParleyJson.Options));
            _index.Flush();
            return entry;
        }
    }

    /// <summary>Records that a revalidation answered 304 Not Modified (a WARC <c>revisit</c> record).</summary>
    public void AppendRevisit(Uri url, ArchivedResponse original)
    {
        var now = _time.GetUtcNow();
        using var record = Record(now, NewId(), "revisit", url, "application/http;msgtype=response",
            "HTTP/1.1 304 Not Modified\r\n\r\n"u8, [],
            [
                new("WARC-Profile", "http://netpreserve.org/warc/1.1/revisit/server-not-modified"),
                new("WARC-Refers-To-Target-URI", original.Url),
                new("WARC-Refers-To-Date", original.FetchedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)),
                new("WARC-Payload-Digest", original.PayloadDigest),
            ]);
        lock (_lock)
        {
            var file = EnsureFile(now);
            record.WriteTo(file);
            file.Flush();
        }
    }

    /// <summary>Closes the current WARC file and the index.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            _index?.Dispose();
            _file?.Dispose();
            _index = null;
            _file = null;
        }
    }

    private FileStream EnsureFile(DateTimeOffset now)
    {
        if (_file is not null) return _file;
        var stamp = now.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        string path;
        int n = 0;
        do path = Path.Combine(Directory, $"parley-{stamp}-{n++}.warc.gz");
        while (File.Exists(path));
        _file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read);
        _index = new StreamWriter(new FileStream(Path.Combine(Directory, IndexName), FileMode.Append, FileAccess.Write, FileShare.Read), new UTF8Encoding(false));
        var info = Encoding.UTF8.GetBytes("software: Parley\r\nformat: WARC File Format 1.1\r\nconformsTo: https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/\r\n");
        using var record = Record(now, NewId(), "warcinfo", null, "application/warc-fields", info, [], [new("WARC-Filename", Path.GetFileName(path))]);
        record.WriteTo(_file);
        return _file;
    }

    /// <summary>One WARC record as a gzip member; its block is <paramref name="blockHead"/> followed by <paramref name="blockBody"/>.</summary>
    private static MemoryStream Record(DateTimeOffset date, string id, string type, Uri? target, string contentType,
        ReadOnlySpan<byte> blockHead, ReadOnlySpan<byte> blockBody, IEnumerable<KeyValuePair<string, string>> extra)
    {
        Span<byte> digest = stackalloc byte[20];
        using (var sha1 = IncrementalHash.CreateHash(HashAlgorithmName.SHA1))
        {
            sha1.AppendData(blockHead);
            sha1.AppendData(blockBody);
            sha1.GetHashAndReset(digest);
        }
        var head = new StringBuilder("WARC/1.1\r\n");
        head.Append("WARC-Type: ").Append(type).Append("\r\n");
        head.Append("WARC-Record-ID: ").Append(id).Append("\r\n");
        head.Append("WARC-Date: ").Append(date.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)).Append("\r\n");
        if (target is not null) head.Append("WARC-Target-URI: ").Append(target.AbsoluteUri).Append("\r\n");
        foreach (var (name, value) in extra) head.Append(name).Append(": ").Append(value).Append("\r\n");
        head.Append("WARC-Block-Digest: sha1:").Append(Base32(digest)).Append("\r\n");
        head.Append("Content-Type: ").Append(contentType).Append("\r\n");
        head.Append(CultureInfo.InvariantCulture, $"Content-Length: {blockHead.Length + blockBody.Length}\r\n\r\n");
        var member = new MemoryStream(1024 + (blockHead.Length + blockBody.Length) / 3);
        using (var gzip = new GZipStream(member, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(head.ToString()));
            gzip.Write(blockHead);
            gzip.Write(blockBody);
            gzip.Write("\r\n\r\n"u8);
        }
        return member;
    }

    private void LoadIndex()
    {
        var path = Path.Combine(Directory, IndexName);
        if (!File.Exists(path)) return;
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            try
            {
                if (JsonSerializer.Deserialize<ArchivedResponse>(line, ParleyJson.Options) is { } entry) _latest[entry.Url] = entry;
            }
            catch (JsonException)
            {
                // A line cut short by a crash: that response is simply fetched again.
            }
        }
    }

    private static string NewId() => $"<urn:uuid:{Guid.NewGuid()}>";

    private static string Sha1Base32(ReadOnlySpan<byte> data)
    {
        Span<byte> hash = stackalloc byte[20];
        SHA1.HashData(data, hash);
        return Base32(hash);
    }

    private static string Base32(ReadOnlySpan<byte> hash)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var text = new StringBuilder(32);
        int buffer = 0, bits = 0;
        foreach (var b in hash)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                text.Append(alphabet[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        return text.ToString();
    }
}

/// <summary>An index entry: the latest complete response archived for a URL.</summary>
/// <param name="Url">The URL.</param>
/// <param name="Status">HTTP status.</param>
/// <param name="ContentType">Content-Type header.</param>
/// <param name="ETag">ETag validator, if the server sent one.</param>
/// <param name="LastModified">Last-Modified validator, if the server sent one.</param>
/// <param name="FetchedAt">When it was fetched.</param>
/// <param name="File">WARC file name inside the archive folder.</param>
/// <param name="Offset">Byte offset of the response record's gzip member.</param>
/// <param name="PayloadDigest">SHA-1 of the body, WARC style.</param>
public sealed record ArchivedResponse(string Url, int Status, string? ContentType, string? ETag, string? LastModified,
    DateTimeOffset FetchedAt, string File, long Offset, string PayloadDigest);
