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
            config.AddCommand<Parley.Cli.Commands.FetchCommand>("fetch");
            config.AddBranch("bench", bench =>
            {
                bench.AddCommand<Parley.Cli.Commands.BenchExtractCommand>("extract");
                bench.AddCommand<Parley.Cli.Commands.BenchFetchCommand>("fetch");
            });
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
