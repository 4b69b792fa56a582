using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Parley.Notebooks.Runner;

namespace Parley.Notebooks.Tests.Runner;

[Collection("processes")]
public sealed class NotebookRunnerTests
{
    private static async Task<(NotebookRunResult Result, JsonNode Executed, string Html, string Log)> RunAsync(string notebook, params string[] parameters)
    {
        var output = TestPaths.TempDirectory();
        var log = new StringWriter();
        var runner = new NotebookRunner(new NotebookRunOptions
        {
            OutputDirectory = output,
            Parameters = Notebooks.Documents.NotebookParameters.ParsePairs(parameters),
        }, log);
        var result = await runner.RunAsync(notebook, TestContext.Current.CancellationToken);
        var executed = JsonNode.Parse(await File.ReadAllTextAsync(result.ExecutedNotebook!, TestContext.Current.CancellationToken))!;
        var html = await File.ReadAllTextAsync(result.Html!, TestContext.Current.CancellationToken);
        return (result, executed, html, log.ToString());
    }

    private static List<JsonNode> Outputs(JsonNode notebook, int cell) => notebook["cells"]![cell]!["outputs"]!.AsArray().Select(o => o!).ToList();

    private static string Text(JsonNode output) => output["text"] switch
    {
        JsonArray lines => string.Concat(lines.Select(l => l!.GetValue<string>())),
        var value => value!.GetValue<string>(),
    };

    [Fact]
    public async Task Good_notebook_produces_text_a_table_with_rows_and_a_chart_with_traces()
    {
        var (result, executed, html, _) = await RunAsync(TestPaths.Fixture("good", "tables-and-charts.ipynb"), "rows=4", "title=Peace talks");

        Assert.True(result.Succeeded, result.Failure?.Outcome.ErrorText);
        Assert.Equal(6, result.CellsRun); // five cells of the notebook plus the injected parameters
        // Cells: 0 markdown, 1 parameters, 2 injected, 3 prints, 4 DataFrame, 5 chart, 6 Parley type.
        Assert.Equal("title: Peace talks\nfolder: good\n", Text(Assert.Single(Outputs(executed, 3))));

        var table = Assert.Single(Outputs(executed, 4));
        Assert.Equal("execute_result", table["output_type"]!.GetValue<string>());
        Assert.Equal(4, Regex.Count(table["data"]!["text/html"]!.GetValue<string>(), "<tr><td>"));

        var chart = Assert.Single(Outputs(executed, 5))["data"]!["application/vnd.plotly.v1+json"]!;
        Assert.Equal(["Russia", "Ukraine"], chart["data"]!.AsArray().Select(t => t!["name"]!.GetValue<string>()));

        Assert.Equal("Parley.Statements.Statement", Assert.Single(Outputs(executed, 6))["data"]!["text/plain"]!.GetValue<string>());

        // Offline: plotly.js inlined once, the chart drawn from its JSON, nothing fetched from a CDN.
        Assert.Equal(1, Regex.Count(html, "Plotly.newPlot\\('plot-"));
        Assert.DoesNotMatch("<script[^>]*\\ssrc=", html);
        Assert.Contains("<h1>Tables and charts</h1>", html);
    }

    [Fact]
    public async Task Failing_cell_stops_the_run_and_reports_its_source_and_exception()
    {
        var (result, executed, _, _) = await RunAsync(TestPaths.Fixture("failing-cell", "failing-cell.ipynb"));

        Assert.False(result.Succeeded);
        var failure = result.Failure!;
        Assert.Equal(2, failure.CellNumber);
        Assert.Equal("System.InvalidOperationException", failure.Outcome.ErrorName);
        Assert.Equal("the corpus folder is empty", failure.Outcome.ErrorValue);
        Assert.Equal("before the failure\n", Text(Assert.Single(Outputs(executed, 0))));
        Assert.Equal("error", Assert.Single(Outputs(executed, 1))["output_type"]!.GetValue<string>());
        Assert.Empty(Outputs(executed, 2));
        Assert.Null(executed["cells"]![2]!["execution_count"]);

        var report = NotebookRunner.DescribeFailure(result).Split('\n');
        Assert.StartsWith("error: ", report[0]);
        Assert.Contains("cell 2 failed", report[0]);
        Assert.Equal("var folder = \"corpus\";", report[2]);
        Assert.Contains(report.Take(8), l => l.Contains("System.InvalidOperationException: the corpus folder is empty"));
    }

    [Fact]
    public async Task Compile_error_reports_the_compiler_diagnostic()
    {
        var (result, _, _, _) = await RunAsync(TestPaths.Fixture("compile-error", "compile-error.ipynb"));

        Assert.Equal(2, result.Failure!.CellNumber);
        Assert.Equal("CompilationError", result.Failure.Outcome.ErrorName);
        Assert.Contains("CS0029", result.Failure.Outcome.ErrorValue);
        Assert.Contains("(1,13)", result.Failure.Outcome.ErrorValue);
    }

    [Fact]
    public async Task Failure_inside_an_imported_setup_fails_the_importing_cell()
    {
        var (result, executed, _, _) = await RunAsync(TestPaths.Fixture("import-failure", "import-failure.ipynb"));

        Assert.Equal(1, result.Failure!.CellNumber);
        Assert.Contains("CS0029", result.Failure.Outcome.ErrorValue);
        Assert.Empty(Outputs(executed, 1));
    }

    [Fact]
    public async Task Cell_running_past_the_cell_timeout_fails_the_notebook_and_is_cancelled()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var marker = Path.Combine(TestPaths.TempDirectory(), "started");
        var runner = new NotebookRunner(new NotebookRunOptions
        {
            OutputDirectory = TestPaths.TempDirectory(),
            CellTimeout = TimeSpan.FromSeconds(30),
            Time = time,
            Parameters = [new("marker", marker)],
        }, TextWriter.Null);

        var run = runner.RunAsync(TestPaths.Fixture("slow-cell", "slow-cell.ipynb"), TestContext.Current.CancellationToken);
        // The cell waits for its cancellation token forever; once it is running, the (fake) clock passes the limit.
        while (!File.Exists(marker) && !run.IsCompleted)
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
        time.Advance(TimeSpan.FromSeconds(31));
        var result = await run;

        // Cells: 0 parameters, 1 injected, 2 slow, 3 never.
        Assert.Equal(3, result.Failure!.CellNumber);
        Assert.Equal("TimeoutException", result.Failure.Outcome.ErrorName);
        Assert.Contains("30 s", result.Failure.Outcome.ErrorValue);
        Assert.Equal(3, result.CellsRun);
    }

    [Fact]
    public async Task Dib_notebook_runs_with_injected_parameters()
    {
        var (result, executed, _, _) = await RunAsync(TestPaths.Fixture("dib", "greeting.dib"), "greeting=hi", "repeat=2");

        Assert.True(result.Succeeded, result.Failure?.Outcome.ErrorText);
        // Cells: 0 markdown, 1 parameters, 2 injected, 3 loop.
        Assert.Equal("hi from a dib\nhi from a dib\n", Text(Assert.Single(Outputs(executed, 3))));
    }

    [Fact]
    public async Task Host_console_and_working_directory_are_restored_after_a_run()
    {
        var outBefore = Console.Out;
        var errorBefore = Console.Error;
        var directoryBefore = Environment.CurrentDirectory;

        await RunAsync(TestPaths.Fixture("failing-cell", "failing-cell.ipynb"));

        Assert.Same(outBefore, Console.Out);
        Assert.Same(errorBefore, Console.Error);
        Assert.Equal(directoryBefore, Environment.CurrentDirectory);
    }

    [Fact]
    public async Task Missing_notebook_is_an_error_value_not_an_exception()
    {
        var runner = new NotebookRunner(new NotebookRunOptions { OutputDirectory = TestPaths.TempDirectory() }, TextWriter.Null);

        var result = await runner.RunAsync(Path.Combine(TestPaths.TempDirectory(), "absent.ipynb"), TestContext.Current.CancellationToken);

        Assert.False(result.Succeeded);
        Assert.Contains("absent.ipynb", result.Error);
    }
}
