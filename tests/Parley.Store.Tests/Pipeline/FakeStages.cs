using System.Text;
using Parley.Articles;
using Parley.Store.Pipeline;
using Parley.Positions;
using Parley.Statements;
using Parley.Store;

namespace Parley.Store.Tests.Pipeline;

/// <summary>
/// Small, transparent stages for testing the pipeline's plumbing: a file's text is its article; every line that starts
/// with "Name: " is a statement by Name; a line starting "BROKEN" makes extraction fail.
/// </summary>
internal static class FakeStages
{
    public static PipelineStages Create(Action<IReadOnlyList<Statement>>? onClassify = null) => new(
        new Listing(),
        () => new Articles(),
        () => new Statements(),
        _ => Task.FromResult<IClassifierStage>(new Classifier(onClassify)),
        new Report());

    private sealed class Listing : ICorpusListing
    {
        public IReadOnlyList<string> Expand(string corpus) =>
            [.. Directory.EnumerateFiles(corpus, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];
    }

    private sealed class Articles : IArticleStage
    {
        public ExtractedItem Extract(ReadOnlyMemory<byte> bytes, string source)
        {
            var text = Encoding.UTF8.GetString(bytes.Span).Replace("\r\n", "\n");
            if (text.StartsWith("BROKEN", StringComparison.Ordinal)) return new ExtractedItem(source, null, "no article found");
            return new ExtractedItem(source, new Article
            {
                Id = ContentKey.Of(text),
                Source = source,
                Text = text,
                Paragraphs = text.Split('\n'),
                Published = ArticleDate.FromDay(new DateOnly(2025, 3, 1)),
            }, null);
        }
    }

    private sealed class Statements : IStatementStage
    {
        public IReadOnlyList<Statement> Extract(Article article)
        {
            var found = new List<Statement>();
            int offset = 0;
            foreach (var line in article.Text.Split('\n'))
            {
                int colon = line.IndexOf(": ", StringComparison.Ordinal);
                if (colon > 0)
                    found.Add(new Statement
                    {
                        Id = ContentKey.Of(article.Id, offset.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                        ArticleId = article.Id,
                        Text = line[(colon + 2)..],
                        Start = offset + colon + 2,
                        End = offset + line.Length,
                        Speaker = line[..colon],
                        Party = line[..colon] == "Lavrov" ? "Russia" : "Ukraine",
                        Date = new DateOnly(2025, 3, 1),
                    });
                offset += line.Length + 1;
            }
            return found;
        }
    }

    private sealed class Classifier(Action<IReadOnlyList<Statement>>? onClassify) : IClassifierStage
    {
        public string ModelId => "fake-model";

        public IReadOnlyList<Statement> Classify(IReadOnlyList<Statement> batch)
        {
            onClassify?.Invoke(batch);
            return [.. batch.Select(s => s with { Issue = "nato", Stance = s.Text.Contains("never") ? "oppose" : "support", StanceScore = 1 })];
        }
    }

    private sealed class Report : IReportStage
    {
        public IReadOnlyList<Position> Positions(IEnumerable<Statement> classified) =>
            [.. classified.GroupBy(s => s.Party).Select(g => new Position(g.Key, "nato", new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 31),
                g.Average(s => s.Stance == "support" ? 1.0 : -1.0), -1, 1, g.Count(), g.Count(), [], [.. g.Select(s => s.Id)]))];

        public async Task<string> WriteAsync(IReadOnlyList<Statement> classified, IReadOnlyList<Position> positions, string outDir, CancellationToken ct)
        {
            var path = Path.Combine(outDir, "report.html");
            await File.WriteAllTextAsync(path, $"<p>{classified.Count} statements</p>", ct);
            return path;
        }
    }
}
