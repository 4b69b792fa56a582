using System.Diagnostics;
using Parley.Positions;
using Parley.Statements;

namespace Parley.Benchmarks.Positions;

/// <summary>What one run of the positions benchmark measured.</summary>
internal sealed record PositionsBenchmarkResult(
    int Statements,
    int DistinctStatements,
    int Positions,
    int Shifts,
    double Seconds,
    double CpuSeconds,
    double StatementsPerSecond,
    long AllocatedBytes);

/// <summary>
/// Aggregates synthetic classified statements (four parties, eight issues, a year of days, three in ten statements
/// re-reported by other outlets) into weekly positions with bands, on the calling thread, and times it.
/// </summary>
/// <remarks>
/// Reports wall-clock seconds and the process's CPU seconds over the timed section: on a shared machine the wall clock
/// includes time spent waiting for a core, and the CPU figure is what one core actually spent.
/// </remarks>
internal static class PositionsBenchmark
{
    private static readonly string[] Parties = ["United States", "Russia", "Ukraine", "Europe"];
    private static readonly string[] Issues = ["territory", "nato", "sanctions", "ceasefire", "security-guarantees", "us-proposal", "direct-talks", "other"];
    private static readonly string[] Stances = ["support", "neutral", "oppose"];
    private static readonly string[] Outlets = ["Outlet A", "Outlet B", "Outlet C", "Outlet D", "Outlet E", "Outlet F"];

    /// <summary>Deterministic synthetic statements (seeded), generated outside the timed section.</summary>
    public static List<Statement> Generate(int count, int seed = 42)
    {
        var random = new Random(seed);
        var start = new DateOnly(2025, 1, 1);
        var list = new List<Statement>(count);
        for (int i = 0; i < count; i++)
        {
            if (i > 0 && random.NextDouble() < 0.3)
            {
                // Another outlet re-reports a recent statement, with different punctuation and case.
                var original = list[Math.Max(0, i - 1 - random.Next(Math.Min(i, 50)))];
                list.Add(original with
                {
                    Id = $"s{i}",
                    ArticleId = $"article{i}",
                    Site = Outlets[random.Next(Outlets.Length)],
                    Date = original.Date!.Value.AddDays(random.Next(3)),
                    Text = "“" + original.Text.ToUpperInvariant().TrimEnd('.') + "”",
                });
                continue;
            }
            int party = random.Next(Parties.Length);
            list.Add(new Statement
            {
                Id = $"s{i}",
                ArticleId = $"article{i}",
                Site = Outlets[random.Next(Outlets.Length)],
                Url = $"https://news.example/{i}",
                Date = start.AddDays(random.Next(365)),
                Kind = StatementKind.Quote,
                Text = $"Statement {i}: we are ready to discuss the proposal, but only on terms that respect our interests.",
                Speaker = $"Speaker {party}-{random.Next(10)}",
                Party = Parties[party],
                Issue = Issues[random.Next(Issues.Length)],
                Stance = Stances[random.Next(Stances.Length)],
                StanceScore = 0.4 + 0.6 * random.NextDouble(),
                Confidence = 0.9,
            });
        }
        return list;
    }

    /// <summary>Runs the aggregation once to warm up on a small input, then times it on <paramref name="statements"/>.</summary>
    public static PositionsBenchmarkResult Run(IReadOnlyList<Statement> statements, PositionOptions? options = null)
    {
        options ??= new PositionOptions { Period = PositionPeriod.Week };
        PositionSeries.Analyze(statements.Take(Math.Min(statements.Count, 20_000)), options);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        long allocated = GC.GetAllocatedBytesForCurrentThread();
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var analysis = PositionSeries.Analyze(statements, options);
        clock.Stop();
        process.Refresh();
        double cpuSeconds = (process.TotalProcessorTime - cpu).TotalSeconds;
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        double seconds = clock.Elapsed.TotalSeconds;
        return new PositionsBenchmarkResult(statements.Count, analysis.Quotes.Count, analysis.Positions.Count,
            analysis.Shifts.Count, seconds, cpuSeconds, statements.Count / Math.Max(seconds, 1e-9), allocated);
    }
}
