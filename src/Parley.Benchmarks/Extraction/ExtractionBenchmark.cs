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

    /// <summary>Runs every system over every page <paramref name="repeat"/> times; scores come from the first pass.</summary>
    /// <remarks>Systems take turns page by page, so a change in machine load during the run affects them alike and
    /// the speed ratio stays fair.</remarks>
    public static List<SystemReport> Run(IReadOnlyList<BenchPage> pages, IReadOnlyList<ExtractionSystem> systems, int repeat, Action<string, int, int>? progress = null)
    {
        var tallies = systems.Select(_ => new Tally()).ToArray();
        for (int pass = 0; pass < repeat; pass++)
        {
            foreach (var page in pages)
            {
                var bytes = BenchDataset.ReadHtml(page);
                for (int k = 0; k < systems.Count; k++)
                {
                    var t = tallies[k];
                    long start = Stopwatch.GetTimestamp();
                    var prediction = systems[k].Run(bytes, page);
                    t.Seconds += Stopwatch.GetElapsedTime(start).TotalSeconds;
                    t.Done++;
                    progress?.Invoke(systems[k].Name, t.Done, pages.Count * repeat);
                    if (pass > 0) continue;
                    var s = ShingleMetric.Score(page.Body, prediction.Body);
                    t.Scores.Add(s);
                    t.PerPage.Add((page.Id, F1(s)));
                    if (!string.IsNullOrWhiteSpace(page.Title)) { t.TitleN++; if (ShingleMetric.NormalizeTitle(page.Title) == ShingleMetric.NormalizeTitle(prediction.Title)) t.TitleOk++; }
                    if (!string.IsNullOrWhiteSpace(page.Author)) { t.AuthorN++; if (ShingleMetric.AuthorsMatch(page.Author, prediction.Author)) t.AuthorOk++; }
                    if (!string.IsNullOrWhiteSpace(page.Date)) { t.DateN++; if (ShingleMetric.DateMatches(page.Date, prediction.Published)) t.DateOk++; }
                }
            }
        }
        return systems.Select((system, k) =>
        {
            var t = tallies[k];
            return new SystemReport(system.Name, ShingleMetric.Aggregate(t.Scores),
                t.TitleN > 0 ? t.TitleOk / (double)t.TitleN : null, t.TitleN,
                t.AuthorN > 0 ? t.AuthorOk / (double)t.AuthorN : null, t.AuthorN,
                t.DateN > 0 ? t.DateOk / (double)t.DateN : null, t.DateN,
                t.Done, t.Seconds, t.PerPage.OrderBy(p => p.Item2).ToList());
        }).ToList();
    }

    private sealed class Tally
    {
        public readonly List<PageScore> Scores = [];
        public readonly List<(string, double)> PerPage = [];
        public int TitleOk, TitleN, AuthorOk, AuthorN, DateOk, DateN, Done;
        public double Seconds;
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
