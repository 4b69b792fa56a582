using System.IO.Compression;
using System.Text.Json;

namespace Parley.Benchmarks.Extraction;

/// <summary>One benchmark page and its ground truth.</summary>
internal sealed record BenchPage(string Id, string HtmlPath, string? Url, string Body, string? Title, string? Author, string? Date);

/// <summary>The dataset layouts the extraction benchmark reads.</summary>
internal enum BenchLayout { Aeb, Wcxb }

/// <summary>Loads the article-extraction-benchmark (<c>html/&lt;id&gt;.html.gz</c> + <c>ground-truth.json</c>) and
/// WCXB (<c>html/NNNN.html.gz</c> + <c>ground-truth/NNNN.json</c>) layouts. Pages are read one at a time.</summary>
internal static class BenchDataset
{
    public static BenchLayout Detect(string dir) =>
        File.Exists(Path.Combine(dir, "ground-truth.json")) ? BenchLayout.Aeb
        : Directory.Exists(Path.Combine(dir, "ground-truth")) ? BenchLayout.Wcxb
        : throw new DirectoryNotFoundException($"{dir} has neither ground-truth.json (aeb layout) nor ground-truth/ (wcxb layout)");

    public static List<BenchPage> Load(string dir, BenchLayout layout)
    {
        var pages = new List<BenchPage>();
        if (layout == BenchLayout.Aeb)
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "ground-truth.json")));
            foreach (var p in doc.RootElement.EnumerateObject())
            {
                var path = Path.Combine(dir, "html", p.Name + ".html.gz");
                if (!File.Exists(path)) continue;
                pages.Add(new BenchPage(p.Name, path, Str(p.Value, "url"), Str(p.Value, "articleBody") ?? "", null, null, null));
            }
        }
        else
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(dir, "ground-truth"), "*.json"))
            {
                var id = Path.GetFileNameWithoutExtension(file);
                var path = Path.Combine(dir, "html", id + ".html.gz");
                if (!File.Exists(path)) continue;
                using var doc = JsonDocument.Parse(File.ReadAllText(file));
                var root = doc.RootElement;
                var gt = root.TryGetProperty("ground_truth", out var g) ? g : root;
                pages.Add(new BenchPage(id, path, Str(root, "url"), Str(gt, "main_content") ?? "", Str(gt, "title"), Str(gt, "author"), Str(gt, "publish_date")));
            }
        }
        pages.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        return pages;
    }

    /// <summary>Reads an AEB-format prediction file (<c>{"id": {"articleBody": "..."}}</c>).</summary>
    public static Dictionary<string, string> LoadPredictions(string file)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(file));
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in doc.RootElement.EnumerateObject()) result[p.Name] = Str(p.Value, "articleBody") ?? "";
        return result;
    }

    public static byte[] ReadHtml(BenchPage page)
    {
        using var file = File.OpenRead(page.HtmlPath);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var ms = new MemoryStream();
        gzip.CopyTo(ms);
        return ms.ToArray();
    }

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
