using System.Security.Cryptography;
using System.Text;

namespace Parley.Store;

/// <summary>Content hashes used as keys, so the same content always gets the same key.</summary>
public static class ContentKey
{
    /// <summary>A 32-hex-digit SHA-256 prefix of the parts joined by a separator that cannot occur in text.</summary>
    public static string Of(params string?[] parts)
    {
        var text = string.Join('\u001f', parts.Select(p => p ?? "\u0000"));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
    }

    /// <summary>The ledger key of an input file: path, size and modification time, with the model that classified it.</summary>
    /// <remarks>A changed file or a different model gives a new key, so the input is processed again; an unchanged one is skipped.</remarks>
    public static string OfSource(string fullPath, long length, DateTime lastWriteUtc, string modelId) =>
        Of("source", fullPath, length.ToString(System.Globalization.CultureInfo.InvariantCulture),
            lastWriteUtc.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture), modelId);
}
