using Microsoft.Data.Analysis;

namespace Parley.Articles;

/// <summary>Articles as a <see cref="DataFrame"/> (one row per article) and back.</summary>
/// <remarks>
/// Columns: <c>id, source, url, canonicalUrl, site, title, subtitle, authors, published, publishedIso, modified,
/// modifiedIso, language, text, paragraphs, syndicatedFrom, copyright, wordCount, warnings</c>.
/// <c>published</c> and <c>modified</c> are <see cref="DateTime"/> on the source's own clock (the day the page shows);
/// <c>publishedIso</c>/<c>modifiedIso</c> keep the exact precision and offset (see <see cref="ArticleDate"/>) so a round trip
/// loses nothing. <c>authors</c> are joined by "; ", <c>paragraphs</c> by a blank line and <c>warnings</c> by a newline.
/// </remarks>
public static class ArticleFrame
{
    /// <summary>Separator of author names in the <c>authors</c> column.</summary>
    public const string AuthorSeparator = "; ";

    /// <summary>One row per article, typed columns.</summary>
    public static DataFrame ToDataFrame(IEnumerable<Article> articles)
    {
        ArgumentNullException.ThrowIfNull(articles);
        var list = articles as IReadOnlyCollection<Article> ?? articles.ToList();
        StringDataFrameColumn S(string name, Func<Article, string?> f)
        {
            var c = new StringDataFrameColumn(name, list.Count);
            long i = 0;
            foreach (var a in list) c[i++] = f(a);
            return c;
        }
        PrimitiveDataFrameColumn<DateTime> D(string name, Func<Article, ArticleDate?> f)
        {
            var c = new PrimitiveDataFrameColumn<DateTime>(name, list.Count);
            long i = 0;
            foreach (var a in list) { var d = f(a); c[i++] = d?.Value.DateTime; }
            return c;
        }
        var words = new PrimitiveDataFrameColumn<int>("wordCount", list.Select(a => a.WordCount));
        return new DataFrame(
            S("id", a => a.Id), S("source", a => a.Source), S("url", a => a.Url), S("canonicalUrl", a => a.CanonicalUrl),
            S("site", a => a.Site), S("title", a => a.Title), S("subtitle", a => a.Subtitle),
            S("authors", a => string.Join(AuthorSeparator, a.Authors)),
            D("published", a => a.Published), S("publishedIso", a => a.Published?.ToString()),
            D("modified", a => a.Modified), S("modifiedIso", a => a.Modified?.ToString()),
            S("language", a => a.Language), S("text", a => a.Text), S("paragraphs", a => string.Join("\n\n", a.Paragraphs)),
            S("syndicatedFrom", a => a.SyndicatedFrom), S("copyright", a => a.Copyright), words,
            S("warnings", a => string.Join("\n", a.Warnings)));
    }

    /// <summary>Reads articles back from a frame made by <see cref="ToDataFrame"/> (extra columns are ignored,
    /// missing optional ones are left empty; <c>id</c> and <c>source</c> are required).</summary>
    public static IReadOnlyList<Article> FromDataFrame(DataFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var names = frame.Columns.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        string? Get(string column, long row) => names.Contains(column) ? frame.Columns[column][row]?.ToString() : null;
        ArticleDate? Date(string iso, string dt, long row)
        {
            if (Get(iso, row) is { } s && ArticleDate.TryParse(s, out var d)) return d;
            if (names.Contains(dt) && frame.Columns[dt][row] is DateTime t)
                return t.TimeOfDay == TimeSpan.Zero ? ArticleDate.FromDay(DateOnly.FromDateTime(t)) : new ArticleDate(new DateTimeOffset(t, TimeSpan.Zero), true, false);
            return null;
        }
        static IReadOnlyList<string> Split(string? s, string sep) =>
            string.IsNullOrEmpty(s) ? [] : s.Split(sep, StringSplitOptions.RemoveEmptyEntries);
        var result = new List<Article>((int)frame.Rows.Count);
        for (long r = 0; r < frame.Rows.Count; r++)
        {
            var text = Get("text", r) ?? "";
            result.Add(new Article
            {
                Id = Get("id", r) ?? throw new ArgumentException($"row {r} has no id"),
                Source = Get("source", r) ?? throw new ArgumentException($"row {r} has no source"),
                Url = Get("url", r),
                CanonicalUrl = Get("canonicalUrl", r),
                Site = Get("site", r),
                Title = Get("title", r),
                Subtitle = Get("subtitle", r),
                Authors = Split(Get("authors", r), AuthorSeparator),
                Published = Date("publishedIso", "published", r),
                Modified = Date("modifiedIso", "modified", r),
                Language = Get("language", r),
                Text = text,
                Paragraphs = names.Contains("paragraphs") ? Split(Get("paragraphs", r), "\n\n") : Split(text, "\n\n"),
                SyndicatedFrom = Get("syndicatedFrom", r),
                Copyright = Get("copyright", r),
                WordCount = names.Contains("wordCount") && frame.Columns["wordCount"][r] is int w ? w : 0,
                Warnings = Split(Get("warnings", r), "\n"),
            });
        }
        return result;
    }
}
