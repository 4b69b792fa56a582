using System.Text;
using Parley.Serialization;

namespace Parley.Articles;

/// <summary>Writes articles as JSON Lines (the <c>parley extract</c> format) or RFC 4180 CSV.</summary>
/// <remarks>JSONL uses <see cref="ParleyJson"/>: camelCase names, nulls written, dates in ISO 8601 with the precision known.
/// CSV has one row per article with the columns of <see cref="CsvHeader"/>; authors are joined by "; ", warnings by a newline.</remarks>
public static class ArticleExport
{
    /// <summary>The CSV columns, in order. The last, <c>error</c>, is set only on rows for documents that failed.</summary>
    public static IReadOnlyList<string> CsvHeader { get; } =
    [
        "id", "source", "url", "canonicalUrl", "site", "title", "subtitle", "authors", "published", "modified", "language",
        "text", "syndicatedFrom", "copyright", "wordCount", "warnings", "error",
    ];

    /// <summary>One article as a single JSON line (no trailing newline).</summary>
    public static string ToJsonLine(Article article) => ParleyJson.ToLine(article);

    /// <summary>The CSV cells of one result: the article's fields, or the source and error of a failed document.</summary>
    public static IReadOnlyList<string?> ToCsvCells(ExtractionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var a = result.Article;
        if (a is null) return [null, result.Source, null, null, null, null, null, null, null, null, null, null, null, null, null, null, result.Error];
        return
        [
            a.Id, a.Source, a.Url, a.CanonicalUrl, a.Site, a.Title, a.Subtitle, string.Join(ArticleFrame.AuthorSeparator, a.Authors),
            a.Published?.ToString(), a.Modified?.ToString(), a.Language, a.Text, a.SyndicatedFrom, a.Copyright,
            a.WordCount.ToString(System.Globalization.CultureInfo.InvariantCulture), string.Join("\n", a.Warnings), null,
        ];
    }

    /// <summary>Quotes one CSV row per RFC 4180 (no trailing newline).</summary>
    public static string ToCsvRow(IEnumerable<string?> cells)
    {
        var sb = new StringBuilder();
        bool first = true;
        foreach (var cell in cells)
        {
            if (!first) sb.Append(',');
            first = false;
            if (cell is null) continue;
            if (cell.AsSpan().IndexOfAny(",\"\r\n") >= 0) sb.Append('"').Append(cell.Replace("\"", "\"\"")).Append('"');
            else sb.Append(cell);
        }
        return sb.ToString();
    }

    /// <summary>Writes the articles as JSON Lines.</summary>
    public static async Task WriteJsonLinesAsync(IEnumerable<Article> articles, TextWriter writer, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(writer);
        foreach (var a in articles)
        {
            ct.ThrowIfCancellationRequested();
            await writer.WriteLineAsync(ToJsonLine(a)).ConfigureAwait(false);
        }
    }

    /// <summary>Writes the articles as CSV with a header row.</summary>
    public static async Task WriteCsvAsync(IEnumerable<Article> articles, TextWriter writer, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(writer);
        await writer.WriteLineAsync(ToCsvRow(CsvHeader)).ConfigureAwait(false);
        foreach (var a in articles)
        {
            ct.ThrowIfCancellationRequested();
            await writer.WriteLineAsync(ToCsvRow(ToCsvCells(new ExtractionResult(a.Source, a, null)))).ConfigureAwait(false);
        }
    }
}
