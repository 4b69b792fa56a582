using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace Parley.Classification.Embeddings;

/// <summary>Sentence embeddings keyed by a hash of the text, in memory and optionally in a file on disk.</summary>
/// <remarks>
/// The file is append-only: each record is a 16-byte key (the first half of the SHA-256 of the UTF-8 text)
/// followed by <see cref="SentenceEmbedder.Dimensions"/> little-endian floats. A torn last record (a process killed
/// mid-write) is ignored on load. Thread-safe.
/// </remarks>
internal sealed class EmbeddingCache
{
    private const int KeyBytes = 16;
    private readonly Dictionary<UInt128, float[]> _vectors = [];
    private readonly string? _path;
    private readonly Lock _gate = new();

    /// <summary>A cache in memory only.</summary>
    public EmbeddingCache() { }

    /// <summary>A cache backed by <c>embeddings-minilm-l6-v2.bin</c> in <paramref name="directory"/>.</summary>
    public EmbeddingCache(string directory)
    {
        Directory.CreateDirectory(directory);
        _path = Path.Combine(directory, "embeddings-minilm-l6-v2.bin");
        Load();
    }

    /// <summary>How many texts have a stored embedding.</summary>
    public int Count
    {
        get { lock (_gate) return _vectors.Count; }
    }

    public static UInt128 Key(string text)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return MemoryMarshal.Read<UInt128>(hash[..KeyBytes]);
    }

    public bool TryGet(UInt128 key, out float[] vector)
    {
        lock (_gate)
            return _vectors.TryGetValue(key, out vector!);
    }

    /// <summary>Stores new embeddings (and appends them to the file when there is one).</summary>
    public void AddRange(IReadOnlyList<(UInt128 Key, float[] Vector)> items)
    {
        if (items.Count == 0)
            return;
        lock (_gate)
        {
            var fresh = items.Where(i => _vectors.TryAdd(i.Key, i.Vector)).ToArray();
            if (_path is null || fresh.Length == 0)
                return;
            var record = KeyBytes + SentenceEmbedder.Dimensions * sizeof(float);
            var buffer = new byte[record * fresh.Length];
            for (var n = 0; n < fresh.Length; n++)
            {
                var span = buffer.AsSpan(n * record, record);
                var key = fresh[n].Key;
                MemoryMarshal.Write(span, in key);
                MemoryMarshal.AsBytes(fresh[n].Vector.AsSpan()).CopyTo(span[KeyBytes..]);
            }
            using var stream = new FileStream(_path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
            stream.Write(buffer);
        }
    }

    private void Load()
    {
        if (_path is null || !File.Exists(_path))
            return;
        byte[] bytes;
        using (var stream = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        {
            bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
        }
        var record = KeyBytes + SentenceEmbedder.Dimensions * sizeof(float);
        for (var offset = 0; offset + record <= bytes.Length; offset += record)
        {
            var span = bytes.AsSpan(offset, record);
            var key = MemoryMarshal.Read<UInt128>(span);
            _vectors[key] = MemoryMarshal.Cast<byte, float>(span[KeyBytes..]).ToArray();
        }
    }
}
