using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Parley.Notebooks.Kernel.Jupyter;

/// <summary>The connection file Jupyter writes for a kernel: address, the five ports and the signing key.</summary>
internal sealed record ConnectionInfo
{
    [JsonPropertyName("ip")]
    public string Ip { get; init; } = "127.0.0.1";

    [JsonPropertyName("transport")]
    public string Transport { get; init; } = "tcp";

    [JsonPropertyName("shell_port")]
    public int ShellPort { get; init; }

    [JsonPropertyName("iopub_port")]
    public int IopubPort { get; init; }

    [JsonPropertyName("stdin_port")]
    public int StdinPort { get; init; }

    [JsonPropertyName("control_port")]
    public int ControlPort { get; init; }

    [JsonPropertyName("hb_port")]
    public int HeartbeatPort { get; init; }

    [JsonPropertyName("key")]
    public string Key { get; init; } = "";

    [JsonPropertyName("signature_scheme")]
    public string SignatureScheme { get; init; } = "hmac-sha256";

    public static ConnectionInfo Parse(string json) =>
        JsonSerializer.Deserialize<ConnectionInfo>(json) ?? throw new JsonException("the connection file is empty");

    /// <summary>Checks what this kernel supports: tcp on a loopback address, HMAC-SHA256 (or no key).</summary>
    /// <returns>The problem, or null when the connection can be used.</returns>
    public string? Validate()
    {
        if (Transport != "tcp")
        {
            return $"transport '{Transport}' is not supported (only tcp)";
        }
        if (!(Ip == "localhost" || (IPAddress.TryParse(Ip, out var address) && IPAddress.IsLoopback(address))))
        {
            return $"ip '{Ip}' is not a loopback address; the Parley kernel only listens on this machine";
        }
        if (Key.Length > 0 && SignatureScheme != "hmac-sha256")
        {
            return $"signature scheme '{SignatureScheme}' is not supported (only hmac-sha256)";
        }
        int[] ports = [ShellPort, IopubPort, StdinPort, ControlPort, HeartbeatPort];
        return ports.Any(p => p is <= 0 or > 65535) ? "the connection file lacks a port" : null;
    }

    public string Endpoint(int port) => $"tcp://{Ip}:{port}";
}
