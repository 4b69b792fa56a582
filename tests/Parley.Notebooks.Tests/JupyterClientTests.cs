using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Parley.Notebooks.Kernel.Jupyter;

namespace Parley.Notebooks.Tests;

/// <summary>
/// The kernel under a Jupyter client nobody here wrote (Debian's jupyter-client + nbclient via nbconvert), and the
/// `parley notebook run` program as a user runs it. Skipped loudly without jupyter, unless PARLEY_REQUIRE_JUPYTER=1.
/// </summary>
[Collection("processes")]
public sealed class JupyterClientTests
{
    private static string Cli => TestPaths.Metadata("ParleyCli");

    internal static string RequireJupyter()
    {
        var jupyter = ProcessRun.FindOnPath("jupyter");
        var required = Environment.GetEnvironmentVariable("PARLEY_REQUIRE_JUPYTER") == "1";
        if (jupyter is null)
        {
            Assert.True(!required, "PARLEY_REQUIRE_JUPYTER=1 but `jupyter` is not on PATH (apt-get install jupyter-client python3-nbclient jupyter-nbconvert)");
            Assert.Skip("SKIPPED: jupyter is not installed; the nbclient integration did not run (set PARLEY_REQUIRE_JUPYTER=1 to require it)");
        }
        Assert.True(File.Exists(Cli), $"the parley program is not built at {Cli}");
        return jupyter;
    }

    /// <summary>Installs a kernelspec for the built `parley` into a temporary prefix; returns the JUPYTER_PATH entry.</summary>
    private static async Task<string> InstallKernelAsync(string name)
    {
        var prefix = TestPaths.TempDirectory();
        var data = KernelSpecInstaller.PrefixDataDirectory(prefix);
        await KernelSpecInstaller.InstallAsync(data, [ProcessRun.Dotnet(), Cli], name, ct: TestContext.Current.CancellationToken);
        return data;
    }

    internal static async Task<(ProcessRun Run, JsonNode? Notebook)> ExecuteAsync(string jupyter, string notebook)
    {
        const string kernel = "parley-test";
        var jupyterPath = await InstallKernelAsync(kernel);
        var output = TestPaths.TempDirectory();
        var run = await ProcessRun.StartAsync(jupyter,
            ["nbconvert", "--to", "notebook", "--execute", $"--ExecutePreprocessor.kernel_name={kernel}", "--ExecutePreprocessor.timeout=600",
             "--output-dir", output, "--output", "executed", notebook],
            Path.GetDirectoryName(notebook)!,
            new Dictionary<string, string> { ["JUPYTER_PATH"] = jupyterPath, ["JUPYTER_DATA_DIR"] = Path.Combine(output, "data") },
            TestContext.Current.CancellationToken);
        var executed = Path.Combine(output, "executed.ipynb");
        return (run, File.Exists(executed) ? JsonNode.Parse(await File.ReadAllTextAsync(executed, TestContext.Current.CancellationToken)) : null);
    }

    private static string Joined(JsonNode? node) => node switch
    {
        JsonArray lines => string.Concat(lines.Select(l => l!.GetValue<string>())),
        null => "",
        var value => value.GetValue<string>(),
    };

    [Fact]
    public async Task Nbclient_executes_a_notebook_and_gets_tables_and_charts()
    {
        var jupyter = RequireJupyter();

        var (run, notebook) = await ExecuteAsync(jupyter, TestPaths.Fixture("good", "tables-and-charts.ipynb"));

        Assert.True(run.ExitCode == 0, run.Stderr);
        var cells = notebook!["cells"]!.AsArray();
        // Cells: 0 markdown, 1 parameters, 2 prints, 3 DataFrame, 4 chart, 5 Parley type.
        Assert.Equal("title: default title\nfolder: good\n", Joined(cells[2]!["outputs"]![0]!["text"]));
        var table = Joined(cells[3]!["outputs"]![0]!["data"]!["text/html"]);
        Assert.Equal(3, Regex.Count(table, "<tr><td>"));
        var chart = cells[4]!["outputs"]![0]!["data"]!["application/vnd.plotly.v1+json"]!;
        Assert.Equal(2, chart["data"]!.AsArray().Count);
        Assert.Equal("'Parley.Statements.Statement'".Trim('\''), Joined(cells[5]!["outputs"]![0]!["data"]!["text/plain"]));
        Assert.Equal([1, 2, 3, 4, 5], cells.Skip(1).Select(c => c!["execution_count"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Nbclient_sees_a_failing_cell_as_an_error_with_the_exception()
    {
        var jupyter = RequireJupyter();

        var (run, _) = await ExecuteAsync(jupyter, TestPaths.Fixture("failing-cell", "failing-cell.ipynb"));

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("InvalidOperationException", run.Stderr);
        Assert.Contains("the corpus folder is empty", run.Stderr);
    }

    [Fact]
    public async Task Cli_run_of_a_failing_notebook_exits_non_zero_with_source_and_error_first_on_stderr()
    {
        Assert.True(File.Exists(Cli), $"the parley program is not built at {Cli}");
        var output = TestPaths.TempDirectory();

        // Run from an unrelated folder: the notebook's own folder becomes the working directory.
        var run = await ProcessRun.StartAsync(ProcessRun.Dotnet(), [Cli, "notebook", "run", TestPaths.Fixture("failing-cell", "failing-cell.ipynb"), "--out", output],
            Path.GetTempPath(), ct: TestContext.Current.CancellationToken);

        Assert.Equal(1, run.ExitCode);
        var firstLines = run.Stderr.Split('\n').Take(6).ToList();
        Assert.Contains(firstLines, l => l.Contains("cell 2 failed"));
        Assert.Contains(firstLines, l => l == "throw new InvalidOperationException($\"the {folder} folder is empty\");");
        Assert.Contains(firstLines, l => l.Contains("System.InvalidOperationException: the corpus folder is empty"));
        Assert.True(File.Exists(Path.Combine(output, "failing-cell.ipynb")));
        Assert.True(File.Exists(Path.Combine(output, "failing-cell.html")));
    }
}
