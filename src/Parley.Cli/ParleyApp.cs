using Spectre.Console;
using Spectre.Console.Cli;

namespace Parley.Cli;

/// <summary>The `parley` command line: one verb per pipeline stage.</summary>
/// <remarks>Records go to stdout, everything else (progress, messages, summaries) to stderr.</remarks>
public static class ParleyApp
{
    /// <summary>Runs the command line with the given arguments and returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter? stdout = null, TextWriter? stderr = null)
    {
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("parley");
            config.Settings.Console = Terminal.Error(stderr);
            config.PropagateExceptions();
            // Verbs: one line each, in pipeline order.
            config.AddCommand<Parley.Cli.Commands.ExtractCommand>("extract");
            config.AddCommand<Commands.StatementsCommand>("statements");
            config.AddCommand<Commands.ClassifyCommand>("classify");
            config.AddCommand<Commands.TrainCommand>("train");
            config.AddCommand<Commands.EvaluateCommand>("evaluate");
            config.AddCommand<Commands.PredictCommand>("predict");
            config.AddCommand<Commands.PositionsCommand>("positions");
            config.AddCommand<Commands.ReportCommand>("report");
            config.AddBranch("bench", b =>
            {
                b.AddCommand<Parley.Cli.Commands.BenchExtractCommand>("extract");
                b.AddCommand<Commands.BenchStatementsCommand>("statements");
                b.AddCommand<Commands.BenchClassifyCommand>("classify");
                b.AddCommand<Commands.BenchPositionsCommand>("positions");
            });
            config.AddBranch("notebook", b => b.AddCommand<Commands.NotebookCommand>("run").WithDescription("Run notebooks headless; write the executed .ipynb and a self-contained .html."));
            config.AddBranch("kernel", b => { b.SetDescription("The Jupyter kernel \"C# (Parley)\"."); b.SetDefaultCommand<Commands.KernelCommand>(); b.AddCommand<Commands.KernelInstallCommand>("install").WithDescription("Register the kernelspec with Jupyter."); });
        });
        try
        {
            return await app.RunAsync(args);
        }
        catch (Exception ex) when (ex is CommandParseException or CommandRuntimeException)
        {
            (stderr ?? Console.Error).WriteLine($"parley: {ex.Message}");
            return 2;
        }
    }
}
