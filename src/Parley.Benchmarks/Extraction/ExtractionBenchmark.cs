using System.Diagnostics;
using System.Text;
using Parley.Articles;

namespace Parley.Benchmarks.Extraction;

/// <summary>What one system predicted for one page.</summary>
internal sealed record Prediction(string Body, string? Title, string? Author, string? Published);

/// <summary>A system under test: bytes of the page in, prediction out.</summary>
internal sealed record ExtractionSystem(string Name, Func<byte[], BenchPage, Prediction> Run);

/// <summary>The figures of one system on one dataset.</summary>
internal sealed record SystemReport(string Name, BodyScore Body, double? TitleAccuracy, int TitlePages, double? AuthorAccuracy, int AuthorPages,
    double? DateAccuracy, int DatePages, int Pages, double Seconds, IReadOnlyList<(string Id, double F1)> Worst)
{
    public double PagesPerSecond => Seconds <= 0 ? 0 : Pages / Seconds;
}

/// <summary>Runs extraction systems over a benchmark dataset, one page and one thread at a time, and scores them.</summary>
internal static class ExtractionBenchmark
{
    public static ExtractionSystem Parley(ArticleExtractor extractor) => new("Parley", (bytes, page) =>
    {
        var r = extractor.ExtractBytes(bytes, page.HtmlPath, page.Url);
        var a = r.Article;
        return a is null ? new Prediction("", null, null, null)
            : new Prediction(string.Join("\n", a.Paragraphs), a.Title, string.Join(", ", a.Authors), a.Published?.ToString());
    });

    public static ExtractionSystem SmartReader() => new("SmartReader", (bytes, page) =>
    {
        var html = Encoding.UTF8.GetString(bytes);
        try
        {
            var reader = new SmartReader.Reader(page.Url ?? "https://example.invalid/", html) { Debug = false };
            var a = reader.GetArticle();
            return new Prediction(a.TextContent ?? "", a.Title, a.Author ?? a.Byline, a.PublicationDate?.ToString("yyyy-MM-dd"));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return new Prediction("", null, null, null);
        }
    });

    /// <summary>Runs each system over every page <paramref name="repeat"/> times; scores come from the first pass.</summary>
    public static List<SystemReport> Run(IReadOnlyList<BenchPage> pages, IReadOnlyList<ExtractionSystem> systems, int repeat, Action<string, int, int>? progress = null)
    {
        var reports = new List<SystemReport>();
        foreach (var system in systems)
        {
            var scores = new List<PageScore>();
            var perPage = new List<(string, double)>();
            int titleOk = 0, titleN = 0, authorOk = 0, authorN = 0, dateOk = 0, dateN = 0, done = 0;
            double seconds = 0;
            for (int pass = 0; pass < repeat; pass++)
            {
                foreach (var page in pages)
                {
                    var bytes = BenchDataset.ReadHtml(page);
                    long start = Stopwatch.GetTimestamp();
                    var prediction = system.Run(bytes, page);
                    seconds += Stopwatch.GetElapsedTime(start).TotalSeconds;
                    done++;
                    progress?.Invoke(system.Name, done, pages.Count * repeat);
                    if (pass > 0) continue;
                    var s = ShingleMetric.Score(page.Body, prediction.Body);
                    scores.Add(s);
                    perPage.Add((page.Id, F1(s)));
                    if (!string.IsNullOrWhiteSpace(page.Title)) { titleN++; if (ShingleMetric.NormalizeTitle(page.Title) == ShingleMetric.NormalizeTitle(prediction.Title)) titleOk++; }
                    if (!string.IsNullOrWhiteSpace(page.Author)) { authorN++; if (ShingleMetric.AuthorsMatch(page.Author, prediction.Author)) authorOk++; }
                    if (!string.IsNullOrWhiteSpace(page.Date)) { dateN++; if (ShingleMetric.DateMatches(page.Date, prediction.Published)) dateOk++; }
                }
            }
            reports.Add(new SystemReport(system.Name, ShingleMetric.Aggregate(scores),
                titleN > 0 ? titleOk / (double)titleN : null, titleN,
                authorN > 0 ? authorOk / (double)authorN : null, authorN,
                dateN > 0 ? dateOk / (double)dateN : null, dateN,
                done, seconds, perPage.OrderBy(p => p.Item2).ToList()));
        }
        return reports;
    }

    /// <summary>Scores a saved prediction file (AEB format) against the dataset, to check the metric against published outputs.</summary>
    public static BodyScore ScorePredictions(IReadOnlyList<BenchPage> pages, IReadOnlyDictionary<string, string> predictions) =>
        ShingleMetric.Aggregate(pages.Select(p => ShingleMetric.Score(p.Body, predictions.GetValueOrDefault(p.Id, ""))).ToList());

    private static double F1(PageScore s)
    {
        double p = s.TruePositive + s.FalsePositive == 0 ? 0 : s.TruePositive / (s.TruePositive + s.FalsePositive);
        double r = s.TruePositive + s.FalseNegative == 0 ? 0 : s.TruePositive / (s.TruePositive + s.FalseNegative);
        if (s.FalsePositive == 0 && s.FalseNegative == 0) return 1;
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /// <summary>Peak resident set size in bytes: VmHWM from /proc/self/status where available, else the peak working set.</summary>
    public static long PeakRss()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    return long.Parse(line[6..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        using var p = Process.GetCurrentProcess();
        return p.PeakWorkingSet64;
    }
}
