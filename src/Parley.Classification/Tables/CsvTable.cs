using System.Text;

namespace Parley.Classification.Tables;

/// <summary>A delimited text file read whole: a header and rows of fields, in file order.</summary>
/// <remarks>
/// RFC 4180: fields may be quoted with <c>"</c>; inside quotes a doubled quote is a literal quote and delimiters,
/// CR and LF are data (a quoted field may span lines). Records end at CRLF, LF or CR. The delimiter (comma, tab or
/// semicolon) is taken from the header line unless given. A BOM is dropped. Rows shorter than the header are
/// padded with empty fields so every row can be indexed by every column.
/// </remarks>
internal sealed class CsvTable
{
    public CsvTable(IReadOnlyList<string> header, IReadOnlyList<string[]> rows, char delimiter, string origin)
    {
        Header = header;
        Rows = rows;
        Delimiter = delimiter;
        Origin = origin;
    }

    /// <summary>The column names, as written in the first record.</summary>
    public IReadOnlyList<string> Header { get; }

    /// <summary>The data records; each has at least <see cref="Header"/>.Count fields.</summary>
    public IReadOnlyList<string[]> Rows { get; }

    /// <summary>The field delimiter the file uses.</summary>
    public char Delimiter { get; }

    /// <summary>Where the table came from (a path), for messages.</summary>
    public string Origin { get; }

    /// <summary>Reads a CSV or TSV file; the delimiter is detected from the header.</summary>
    /// <exception cref="DataFileException">The file is missing, empty or has no data rows.</exception>
    public static async Task<CsvTable> ReadAsync(string path, CancellationToken ct = default)
    {
        if (!File.Exists(path))
            throw new DataFileException($"{path}: file not found.");
        string text;
        using (var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true))
            text = await reader.ReadToEndAsync(ct);
        return Parse(text, path);
    }

    /// <summary>Parses delimited text. <paramref name="delimiter"/> null means detect from the header line.</summary>
    /// <exception cref="DataFileException">The text is empty or has no data rows.</exception>
    public static CsvTable Parse(string text, string origin = "input", char? delimiter = null)
    {
        if (text.Length > 0 && text[0] == '\uFEFF')
            text = text[1..];
        if (string.IsNullOrWhiteSpace(text))
            throw new DataFileException($"{origin}: the file is empty.");
        var sep = delimiter ?? DetectDelimiter(text);
        var records = ParseRecords(text, sep);
        if (records.Count == 0)
            throw new DataFileException($"{origin}: the file is empty.");
        var header = records[0];
        var rows = new List<string[]>(records.Count - 1);
        foreach (var record in records.Skip(1))
        {
            if (record.Length == 1 && record[0].Length == 0)
                continue; // a blank line, not a record
            rows.Add(record.Length >= header.Length ? record : [.. record, .. Enumerable.Repeat("", header.Length - record.Length)]);
        }
        if (rows.Count == 0)
            throw new DataFileException($"{origin}: the file has a header but no data rows.");
        return new CsvTable(header, rows, sep, origin);
    }

    /// <summary>The index of a column, matched exactly and then ignoring case.</summary>
    /// <exception cref="DataFileException">No such column; the message lists the columns there are.</exception>
    public int Column(string name)
    {
        for (var i = 0; i < Header.Count; i++)
            if (Header[i] == name)
                return i;
        for (var i = 0; i < Header.Count; i++)
            if (string.Equals(Header[i].Trim(), name.Trim(), StringComparison.OrdinalIgnoreCase))
                return i;
        throw new DataFileException(
            $"{Origin}: column '{name}' not found. Columns are: {string.Join(", ", Header.Select(h => $"'{h}'"))}.");
    }

    /// <summary>The values of one column, in row order.</summary>
    public IReadOnlyList<string> Values(string column)
    {
        var index = Column(column);
        return Rows.Select(r => r[index]).ToArray();
    }

    private static char DetectDelimiter(string text)
    {
        int tabs = 0, commas = 0, semicolons = 0;
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"')
                quoted = !quoted;
            else if (!quoted && (c == '\n' || c == '\r'))
                break;
            else if (!quoted && c == '\t')
                tabs++;
            else if (!quoted && c == ',')
                commas++;
            else if (!quoted && c == ';')
                semicolons++;
        }
        if (tabs > 0 && tabs >= commas)
            return '\t';
        return semicolons > commas ? ';' : ',';
    }

    private static List<string[]> ParseRecords(string text, char sep)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        var atFieldStart = true;
        while (i < text.Length)
        {
            var c = text[i];
            if (atFieldStart && c == '"')
            {
                // Quoted field: runs to the closing quote; "" is a literal quote.
                i++;
                while (i < text.Length)
                {
                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    field.Append(text[i++]);
                }
                atFieldStart = false;
                continue;
            }
            if (c == sep)
            {
                fields.Add(field.ToString());
                field.Clear();
                atFieldStart = true;
                i++;
            }
            else if (c == '\r' || c == '\n')
            {
                fields.Add(field.ToString());
                field.Clear();
                records.Add([.. fields]);
                fields.Clear();
                atFieldStart = true;
                i += c == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
            }
            else
            {
                field.Append(c);
                atFieldStart = false;
                i++;
            }
        }
        if (field.Length > 0 || fields.Count > 0 || !atFieldStart)
        {
            fields.Add(field.ToString());
            records.Add([.. fields]);
        }
        return records;
    }
}

/// <summary>Writes RFC 4180 records: fields quoted only when they hold the delimiter, a quote, CR or LF.</summary>
internal static class CsvWriter
{
    /// <summary>Writes one record followed by CRLF.</summary>
    public static void WriteRecord(TextWriter writer, IEnumerable<string> fields, char delimiter = ',')
    {
        var first = true;
        foreach (var field in fields)
        {
            if (!first)
                writer.Write(delimiter);
            first = false;
            writer.Write(Quote(field, delimiter));
        }
        writer.Write("\r\n");
    }

    /// <summary>The field as it must appear in the file.</summary>
    public static string Quote(string field, char delimiter = ',') =>
        field.AsSpan().IndexOfAny([delimiter, '"', '\r', '\n']) < 0
            ? field
            : "\"" + field.Replace("\"", "\"\"") + "\"";
}
