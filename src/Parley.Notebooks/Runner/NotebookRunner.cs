using System.Text;
using Parley.Notebooks.Documents;
using Parley.Notebooks.Kernel;

namespace Parley.Notebooks.Runner;

/// <summary>What to run and where to write: parameters, output folder, cell time limit.</summary>
internal sealed record NotebookRunOptions
{
    /// <summary>Where <c>&lt;name&gt;.ipynb</c> and <c>&lt;name&gt;.html</c> go.</summary>
    /// <value>The folder <c>out</c> under the current working directory.</value>
    public string OutputDirectory { get; init; } = Path.Combine(Environment.CurrentDirectory, "out");

    /// <summary>Values for the parameters cell, injected papermill-style.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Parameters { get; init; } = [];

    /// <summary>How long one cell may run before the notebook fails.</summary>
    /// <value>Null: no limit.</value>
    public TimeSpan? CellTimeout { get; init; }

    /// <summary>The clock for cell time limits and elapsed times.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>The kernel set-up.</summary>
    public ParleyKernelOptions Kernel { get; init; } = new();
}

/// <summary>The failing cell of a notebook: its position (1-based among all cells), source and error.</summary>
internal sealed record CellFailure(int CellNumber, string Source, CellOutcome Outcome);

/// <summary>One notebook's run: where its outputs went, how long it took, and the first failing cell if any.</summary>
internal sealed record NotebookRunResult(
    string Notebook,
    string? ExecutedNotebook,
    string? Html,
    TimeSpan Elapsed,
    int CellsRun,
    CellFailure? Failure,
    IReadOnlyList<string> Warnings,
    string? Error = null)
{
    public bool Succeeded => Failure is null && Error is null;
}

/// <summary>
/// Runs notebooks headless, in this process, on the shared <see cref="ParleyKernel"/> set-up: each notebook in a fresh
/// kernel with its own folder as the working directory; stops at the first failing cell; writes the executed notebook
/// (nbformat 4) and a self-contained HTML rendering, also when a cell failed.
/// </summary>
/// <remarks>
/// The .NET Interactive kernel swaps <see cref="Console.Out"/> while a cell runs; the runner restores the console
/// writers and the working directory after every notebook, and writes its own messages only to the writer it is given.
/// </remarks>
internal sealed class NotebookRunner(NotebookRunOptions options, TextWriter log)
{
    /// <summary>How long a timed-out cell gets to honour its cancellation before it is abandoned.</summary>
    private static readonly TimeSpan CancellationGrace = TimeSpan.FromSeconds(10);

    public async Task<NotebookRunResult> RunAsync(string notebookPath, CancellationToken ct = default)
    {
        var start = options.Time.GetTimestamp();
        var full = Path.GetFullPath(notebookPath);
        NotebookDocument document;
        IReadOnlyList<string> warnings;
        try
        {
            document = await NotebookReader.ReadAsync(full, ct);
            warnings = NotebookParameters.Inject(document, options.Parameters);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotebookFormatException or ArgumentException)
        {
            return new NotebookRunResult(full, null, null, options.Time.GetElapsedTime(start), 0, null, [], ex.Message);
        }
        foreach (var warning in warnings)
        {
            log.WriteLine($"warning: {warning}");
        }

        var originalOut = Console.Out;
        var originalError = Console.Error;
        var originalDirectory = Environment.CurrentDirectory;
        CellFailure? failure = null;
        var cellsRun = 0;
        try
        {
            Environment.CurrentDirectory = Path.GetDirectoryName(full)!;
            using var kernel = await ParleyKernel.CreateAsync(options.Kernel);
            var executionCount = 0;
            for (var i = 0; i < document.Cells.Count && failure is null; i++)
            {
                ct.ThrowIfCancellationRequested();
                var cell = document.Cells[i];
                if (cell.Kind != CellKind.Code || string.IsNullOrWhiteSpace(cell.Source))
                {
                    continue;
                }
                cell.Outputs.Clear();
                cell.ExecutionCount = ++executionCount;
                if (cell.Language != ParleyKernel.CSharp)
                {
                    var unsupported = new CellOutcome(false, "UnsupportedLanguage", $"cells in '{cell.Language}' cannot run here; only C# cells do", []);
                    cell.Outputs.Add(CellExecutor.ErrorOutput(unsupported));
                    failure = new CellFailure(i + 1, cell.Source, unsupported);
                    break;
                }
                var outcome = await RunCellAsync(kernel, cell, executionCount, ct);
                cellsRun++;
                if (!outcome.Succeeded)
                {
                    failure = new CellFailure(i + 1, cell.Source, outcome);
                }
            }
        }
        finally
        {
            Console.SetOut(originalOut);
            Console.SetError(originalError);
            Environment.CurrentDirectory = originalDirectory;
        }

        Directory.CreateDirectory(options.OutputDirectory);
        var ipynb = Path.Combine(options.OutputDirectory, document.Name + ".ipynb");
        var html = Path.Combine(options.OutputDirectory, document.Name + ".html");
        await File.WriteAllTextAsync(ipynb, NotebookWriter.ToIpynb(document), new UTF8Encoding(false), ct);
        await File.WriteAllTextAsync(html, NotebookHtml.Render(document), new UTF8Encoding(false), ct);
        return new NotebookRunResult(full, ipynb, html, options.Time.GetElapsedTime(start), cellsRun, failure, warnings);
    }

    private async Task<CellOutcome> RunCellAsync(Microsoft.DotNet.Interactive.CompositeKernel kernel, NotebookCell cell, int executionCount, CancellationToken ct)
    {
        var outputs = new List<System.Text.Json.Nodes.JsonObject>();
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var run = CellExecutor.ExecuteAsync(kernel, cell.Source, executionCount, o =>
        {
            lock (outputs)
            {
                outputs.Add(o);
            }
        }, ct);
        CellOutcome outcome;
        if (options.CellTimeout is { } timeout)
        {
            var delay = Task.Delay(timeout, options.Time, timer.Token);
            if (await Task.WhenAny(run, delay) == run)
            {
                outcome = await run;
            }
            else
            {
                // Cooperative: .NET Interactive's Cancel signals the cell's token (KernelInvocationContext.Current
                // .CancellationToken). The cell gets a grace period to stop, so nothing of it is left running to write
                // into a console that the next notebook's kernel owns; code that ignores the token is abandoned.
                await kernel.SendAsync(new Microsoft.DotNet.Interactive.Commands.Cancel())
                    .WaitAsync(CancellationGrace, options.Time)
                    .ContinueWith(_ => { }, TaskScheduler.Default);
                await run.WaitAsync(CancellationGrace, options.Time).ContinueWith(_ => { }, TaskScheduler.Default);
                outcome = new CellOutcome(false, "TimeoutException", $"The cell ran longer than {timeout.TotalSeconds:0.#} s (--cell-timeout).", []);
                lock (outputs)
                {
                    outputs.RemoveAll(o => o["output_type"]?.GetValue<string>() == "error");
                    outputs.Add(CellExecutor.ErrorOutput(outcome));
                }
            }
            await timer.CancelAsync();
        }
        else
        {
            outcome = await run;
        }
        lock (outputs)
        {
            cell.Outputs.AddRange(MergeStreams(outputs));
        }
        return outcome;
    }

    /// <summary>Joins consecutive stream outputs of the same name, as Jupyter front ends show them.</summary>
    internal static IEnumerable<System.Text.Json.Nodes.JsonObject> MergeStreams(IEnumerable<System.Text.Json.Nodes.JsonObject> outputs)
    {
        System.Text.Json.Nodes.JsonObject? pending = null;
        foreach (var output in outputs)
        {
            if (output["output_type"]?.GetValue<string>() == "stream" && pending is not null
                && pending["name"]?.GetValue<string>() == output["name"]?.GetValue<string>())
            {
                pending["text"] = pending["text"]!.GetValue<string>() + output["text"]!.GetValue<string>();
                continue;
            }
            if (pending is not null)
            {
                yield return pending;
                pending = null;
            }
            if (output["output_type"]?.GetValue<string>() == "stream")
            {
                pending = output;
            }
            else
            {
                yield return output;
            }
        }
        if (pending is not null)
        {
            yield return pending;
        }
    }

    /// <summary>The report for a failed notebook, source and error first so they land in the first lines of stderr.</summary>
    internal static string DescribeFailure(NotebookRunResult result)
    {
        var text = new StringBuilder();
        if (result.Error is not null)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"error: {result.Notebook}: {result.Error}\n");
            return text.ToString();
        }
        var failure = result.Failure!;
        text.Append(System.Globalization.CultureInfo.InvariantCulture, $"error: {result.Notebook}: cell {failure.CellNumber} failed: {failure.Outcome.ErrorName}\n");
        text.Append("--- cell source ---\n").Append(failure.Source.TrimEnd()).Append('\n');
        text.Append("--- error ---\n").Append(failure.Outcome.ErrorText.TrimEnd()).Append('\n');
        return text.ToString();
    }

}
