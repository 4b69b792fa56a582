using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Parley.Notebooks.Kernel.Jupyter;

/// <summary>A message of the Jupyter messaging protocol (v5.3) as it travels on a socket.</summary>
/// <remarks>
/// Wire form: <c>[identities…] "&lt;IDS|MSG&gt;" signature header parent_header metadata content [buffers…]</c>.
/// The header is kept as the bytes received so replies can carry it, unchanged, as their parent header.
/// </remarks>
internal sealed class JupyterMessage
{
    public const string Delimiter = "<IDS|MSG>";
    public const string ProtocolVersion = "5.3";

    private static readonly byte[] DelimiterBytes = Encoding.ASCII.GetBytes(Delimiter);

    public required IReadOnlyList<byte[]> Identities { get; init; }

    public required byte[] HeaderBytes { get; init; }

    public required JsonObject Header { get; init; }

    public required JsonObject Content { get; init; }

    public JsonObject Metadata { get; init; } = new();

    public string MessageType => Header["msg_type"]?.GetValue<string>() ?? "";

    public string MessageId => Header["msg_id"]?.GetValue<string>() ?? "";

    /// <summary>Decodes a received multipart message; a message that is malformed or badly signed is a rejection, not an exception.</summary>
    public static DecodeResult Decode(IReadOnlyList<byte[]> frames, MessageSigner signer)
    {
        var delimiter = -1;
        for (var i = 0; i < frames.Count; i++)
        {
            if (frames[i].AsSpan().SequenceEqual(DelimiterBytes))
            {
                delimiter = i;
                break;
            }
        }
        if (delimiter < 0 || frames.Count < delimiter + 6)
        {
            return DecodeResult.Reject("malformed message: no delimiter or too few frames");
        }
        var signature = frames[delimiter + 1];
        var header = frames[delimiter + 2];
        var parent = frames[delimiter + 3];
        var metadata = frames[delimiter + 4];
        var content = frames[delimiter + 5];
        if (!signer.Verify(signature, header, parent, metadata, content))
        {
            return DecodeResult.Reject("bad signature");
        }
        try
        {
            var headerJson = JsonNode.Parse(header) as JsonObject;
            var contentJson = JsonNode.Parse(content) as JsonObject;
            if (headerJson is null || contentJson is null || headerJson["msg_type"] is null)
            {
                return DecodeResult.Reject("malformed message: header or content is not a JSON object");
            }
            return new DecodeResult(new JupyterMessage
            {
                Identities = frames.Take(delimiter).ToList(),
                HeaderBytes = header,
                Header = headerJson,
                Metadata = JsonNode.Parse(metadata) as JsonObject ?? new JsonObject(),
                Content = contentJson,
            }, null);
        }
        catch (JsonException ex)
        {
            return DecodeResult.Reject($"malformed message: {ex.Message}");
        }
    }

    /// <summary>Encodes a message for the wire: identities (or the iopub topic), delimiter, signature, the four JSON frames.</summary>
    public static List<byte[]> Encode(IReadOnlyList<byte[]> identities, JsonObject header, byte[] parentHeader, JsonObject metadata, JsonObject content, MessageSigner signer)
    {
        var headerBytes = Encoding.UTF8.GetBytes(header.ToJsonString());
        var metadataBytes = Encoding.UTF8.GetBytes(metadata.ToJsonString());
        var contentBytes = Encoding.UTF8.GetBytes(content.ToJsonString());
        var frames = new List<byte[]>(identities.Count + 6);
        frames.AddRange(identities);
        frames.Add(DelimiterBytes);
        frames.Add(Encoding.ASCII.GetBytes(signer.Sign(headerBytes, parentHeader, metadataBytes, contentBytes)));
        frames.Add(headerBytes);
        frames.Add(parentHeader);
        frames.Add(metadataBytes);
        frames.Add(contentBytes);
        return frames;
    }

    /// <summary>A new header: fresh id, this kernel's session, the time in UTC with microseconds.</summary>
    public static JsonObject NewHeader(string messageType, string session, DateTimeOffset now) => new()
    {
        ["msg_id"] = Guid.NewGuid().ToString("N"),
        ["session"] = session,
        ["username"] = "parley",
        ["date"] = now.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture),
        ["msg_type"] = messageType,
        ["version"] = ProtocolVersion,
    };
}

/// <summary>A decoded message, or why it was dropped.</summary>
internal sealed record DecodeResult(JupyterMessage? Message, string? Rejection)
{
    public static DecodeResult Reject(string reason) => new(null, reason);
}
