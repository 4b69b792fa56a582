using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Parley.Notebooks.Runner;

namespace Parley.Notebooks.Tests;

/// <summary>The analyst notebooks in <c>notebooks/</c>: each runs with no failing cell, headless and under nbclient, and shows its results.</summary>
[Collection("processes")]
public sealed class ProjectNotebooksTests
{
    private static string Folder => TestPaths.Metadata("NotebooksFolder");

    /// <summary>Notebooks and what each must show: tables with rows, and for the positions notebook charts with traces.</summary>
    public static TheoryData<string, bool> Notebooks() => new()
    {
        { "1-scrape-and-normalize.ipynb", false },
        { "2-statements.ipynb", false },
        { "3-classify.ipynb", false },
        { "4-positions-over-time.ipynb", true },
    };

    [Fact]
    public void Every_notebook_in_the_folder_is_covered()
    {
        var present = Directory.EnumerateFiles(Folder, "*.ipynb").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(Notebooks().Select(row => row.Data.Item1).Order(StringComparer.Ordinal), present);
    }

    private static IEnumerable<JsonNode> Outputs(JsonNode notebook) =>
        notebook["cells"]!.AsArray().SelectMany(c => c!["outputs"]?.AsArray() ?? []).Select(o => o!);

    private static string Joined(JsonNode? node) => node switch
    {
        JsonArray lines => string.Concat(lines.Select(l => l!.GetValue<string>())),
        null => "",
        var value => value.GetValue<string>(),
    };

    internal static void AssertShowsResults(JsonNode notebook, bool charts)
    {
        var outputs = Outputs(notebook).ToList();
        Assert.DoesNotContain(outputs, o => o["output_type"]!.GetValue<string>() == "error");
        var tables = outputs.Select(o => Joined(o["data"]?["text/html"])).Where(h => h.Contains("<table", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(tables);
        Assert.All(tables, t => Assert.True(Regex.Count(t, "<tr><td>") > 0, "a table without rows"));
        if (charts)
        {
            var figures = outputs.Select(o => o["data"]?["application/vnd.plotly.v1+json"]).Where(f => f is not null).ToList();
            Assert.NotEmpty(figures);
            Assert.All(figures, f => Assert.NotEmpty(f!["data"]!.AsArray()));
        }
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task Notebook_runs_headless_with_no_failing_cell(string name, bool charts)
    {
        var output = TestPaths.TempDirectory();
        var runner = new NotebookRunner(new NotebookRunOptions { OutputDirectory = output }, TextWriter.Null);

        var result = await runner.RunAsync(Path.Combine(Folder, name), TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded, result.Succeeded ? "" : NotebookRunner.DescribeFailure(result));
        AssertShowsResults(JsonNode.Parse(await File.ReadAllTextAsync(result.ExecutedNotebook!, TestContext.Current.CancellationToken))!, charts);
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task Notebook_runs_under_nbclient_with_no_failing_cell(string name, bool charts)
    {
        var jupyter = JupyterClientTests.RequireJupyter();

        var (run, notebook) = await JupyterClientTests.ExecuteAsync(jupyter, Path.Combine(Folder, name));

        Assert.True(run.ExitCode == 0, run.Stderr);
        AssertShowsResults(notebook!, charts);
    }
}
