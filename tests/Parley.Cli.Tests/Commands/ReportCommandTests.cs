using Parley.Cli;
using Parley.Serialization;
using Parley.Testing;

namespace Parley.Cli.Tests.Commands;

/// <summary>Tests that swap Console.Out/Error run alone.</summary>
[CollectionDefinition("console", DisableParallelization = true)]
public sealed class ConsoleCollection;

[Collection("console")]
public class ReportCommandTests
{
    /// <summary>Runs parley with Console.Out/Error captured (commands write records to stdout, messages to stderr).</summary>
    private static async Task<(int Exit, string Out, string Err)> Run(params string[] args)
    {
        var (oldOut, oldErr) = (Console.Out, Console.Error);
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        Console.SetOut(stdout);
        Console.SetError(stderr);
        try
        {
            int exit = await ParleyApp.RunAsync(args, stdout, stderr);
            return (exit, stdout.ToString(), System.Text.RegularExpressions.Regex.Replace(stderr.ToString(), @"\s+", " "));
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldErr);
        }
    }

    private static string TempDir()
    {
        var path = Path.Combine(Path.GetTempPath(), "parley-cli-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    [Fact]
    public async Task Report_reads_classified_jsonl_and_writes_the_report_and_csvs()
    {
        var dir = TempDir();
        try
        {
            var input = Path.Combine(dir, "classified.jsonl");
            await File.WriteAllLinesAsync(input,
            [
                ParleyJson.ToLine(Some.Statement()),
                ParleyJson.ToLine(Some.Statement(articleId: "a2", stance: "support", date: new DateOnly(2025, 3, 11), text: "Why not.")),
            ], TestContext.Current.CancellationToken);
            var (exit, stdout, err) = await Run("report", "--statements", input, "--out", Path.Combine(dir, "out"));

            Assert.True(exit == 0, err);
            Assert.Contains(Path.Combine(dir, "out", "report.html"), stdout);
            Assert.Equal(["positions.csv", "report.html", "shifts.csv", "statements.csv"],
                Directory.GetFiles(Path.Combine(dir, "out")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
            Assert.Contains("2 statements read (0 bad lines) → 2 positions, 1 shifts, 4 charts", err);
            var positions = await File.ReadAllLinesAsync(Path.Combine(dir, "out", "positions.csv"), TestContext.Current.CancellationToken);
            Assert.Equal(3, positions.Length);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task Bad_line_is_reported_with_its_number_the_rest_goes_on_and_the_exit_code_says_so()
    {
        var dir = TempDir();
        try
        {
            var input = Path.Combine(dir, "classified.jsonl");
            await File.WriteAllLinesAsync(input, ["{broken", ParleyJson.ToLine(Some.Statement())], TestContext.Current.CancellationToken);
            var (exit, _, err) = await Run("report", "--statements", input, "--out", Path.Combine(dir, "out"));

            Assert.Equal(1, exit);
            Assert.Contains("line 1: not a statement", err);
            Assert.True(File.Exists(Path.Combine(dir, "out", "report.html")));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task Positions_default_to_one_json_record_per_line()
    {
        var dir = TempDir();
        try
        {
            var input = Path.Combine(dir, "classified.jsonl");
            await File.WriteAllLinesAsync(input, [ParleyJson.ToLine(Some.Statement())], TestContext.Current.CancellationToken);

            var (exit, stdout, _) = await Run("positions", "--statements", input);

            Assert.Equal(0, exit);
            var line = Assert.Single(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            var position = System.Text.Json.JsonSerializer.Deserialize<Parley.Positions.Position>(line, ParleyJson.Options)!;
            Assert.Equal(("Russia", "nato", -1.0, 1), (position.Party, position.Issue, position.Value, position.Count));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task Unknown_period_is_refused_with_a_clear_message()
    {
        var (exit, _, err) = await Run("positions", "--statements", "x.jsonl", "--period", "year");

        Assert.NotEqual(0, exit);
        Assert.Contains("--period must be day, week or month, not 'year'", err);
    }

    [Fact]
    public async Task Positions_prints_csv_records_on_stdout_only()
    {
        var dir = TempDir();
        try
        {
            var input = Path.Combine(dir, "classified.jsonl");
            await File.WriteAllLinesAsync(input, [ParleyJson.ToLine(Some.Statement())], TestContext.Current.CancellationToken);

            var (exit, stdout, err) = await Run("positions", "--statements", input, "--format", "csv");

            Assert.True(exit == 0, err);
            Assert.Equal(
                "party,issue,periodStart,periodEnd,position,low,high,count,effectiveCount,outlets\n" +
                "Russia,nato,2025-03-03,2025-03-09,-1,-1,1,1,1,Example News\n", stdout);
            Assert.Contains("1 statements (0 bad lines; 1 distinct counted) → 1 positions, 0 shifts", err);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
