using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

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
        Assert.All(tables, t => Assert.True(Regex.Count(t, "<tr[^>]*><td>") > 0, "a table without rows"));
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
        // Through the built `parley`, as an analyst runs it: the kernel then sees every Parley library beside it.
        var cli = TestPaths.Metadata("ParleyCli");
        Assert.True(File.Exists(cli), $"the parley program is not built at {cli}");
        var output = TestPaths.TempDirectory();

        var run = await ProcessRun.StartAsync(ProcessRun.Dotnet(), [cli, "notebook", "run", Path.Combine(Folder, name), "--out", output],
            Path.GetTempPath(), ct: TestContext.Current.CancellationToken);

        Assert.True(run.ExitCode == 0, run.Stderr);
        var executed = Path.Combine(output, Path.ChangeExtension(name, ".ipynb"));
        AssertShowsResults(JsonNode.Parse(await File.ReadAllTextAsync(executed, TestContext.Current.CancellationToken))!, charts);
        Assert.True(File.Exists(Path.ChangeExtension(executed, ".html")));
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
