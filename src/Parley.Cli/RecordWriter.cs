using System.Text;
using Parley.Articles;
using Parley.Serialization;

namespace Parley.Cli;

/// <summary>The output formats record-emitting verbs support.</summary>
internal enum RecordFormat { Jsonl, Csv }

/// <summary>
/// Writes records (one JSON object per line, or CSV rows under a header) to stdout or to the <c>--out</c> file.
/// Shared by every verb that emits records: only records go to this writer, never messages.
/// </summary>
internal sealed class RecordWriter : IAsyncDisposable
{
    private readonly TextWriter _writer;
    private readonly bool _ownsWriter;
    private readonly IReadOnlyList<string>? _csvHeader;
    private bool _headerWritten;

    private RecordWriter(TextWriter writer, bool ownsWriter, RecordFormat format, IReadOnlyList<string>? csvHeader)
    {
        _writer = writer;
        _ownsWriter = ownsWriter;
        Format = format;
        _csvHeader = csvHeader;
    }

    /// <summary>The format being written.</summary>
    public RecordFormat Format { get; }

    /// <summary>Parses a <c>--format</c> value; null when it is not one of ours.</summary>
    public static RecordFormat? ParseFormat(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "jsonl" or "json" or "ndjson" => RecordFormat.Jsonl,
        "csv" => RecordFormat.Csv,
        _ => null,
    };

    /// <summary>Opens stdout (when <paramref name="outPath"/> is null or "-") or the file (created or replaced, UTF-8 without BOM).</summary>
    /// <exception cref="IOException">The output file cannot be created; callers report it before doing any work.</exception>
    public static RecordWriter Open(RecordFormat format, string? outPath, IReadOnlyList<string>? csvHeader = null, TextWriter? stdout = null)
    {
        if (string.IsNullOrEmpty(outPath) || outPath == "-")
            return new RecordWriter(stdout ?? Console.Out, false, format, csvHeader);
        var dir = Path.GetDirectoryName(Path.GetFullPath(outPath));
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        var stream = new FileStream(outPath, FileMode.Create, FileAccess.Write, FileShare.Read, 65536, useAsync: true);
        return new RecordWriter(new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\n" }, true, format, csvHeader);
    }

    /// <summary>Writes a record serialized with <see cref="ParleyJson"/> as one line (JSONL format only).</summary>
    public Task WriteJsonAsync<T>(T record) => _writer.WriteLineAsync(ParleyJson.ToLine(record));

    /// <summary>Writes one CSV row (the header goes first, once).</summary>
    public async Task WriteCsvAsync(IEnumerable<string?> cells)
    {
        if (!_headerWritten && _csvHeader is not null)
        {
            await _writer.WriteLineAsync(ArticleExport.ToCsvRow(_csvHeader)).ConfigureAwait(false);
            _headerWritten = true;
        }
        await _writer.WriteLineAsync(ArticleExport.ToCsvRow(cells)).ConfigureAwait(false);
    }

    /// <summary>Flushes, and closes the file when one was opened.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_headerWritten && _csvHeader is not null && Format == RecordFormat.Csv)
            await _writer.WriteLineAsync(ArticleExport.ToCsvRow(_csvHeader)).ConfigureAwait(false);
        await _writer.FlushAsync().ConfigureAwait(false);
        if (_ownsWriter) await _writer.DisposeAsync().ConfigureAwait(false);
    }
}
