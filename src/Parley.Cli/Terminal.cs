using Spectre.Console;

namespace Parley.Cli;

/// <summary>Where output goes: records to stdout, everything people read to stderr.</summary>
internal static class Terminal
{
    /// <summary>A Spectre console on stderr (or on the given writer, for tests).</summary>
    /// <remarks>Redirected stderr would default to 80 columns and wrap messages mid-line; a log file or a test
    /// reading it wants one line per message, so a redirected console is 200 columns wide.</remarks>
    public static IAnsiConsole Error(TextWriter? writer = null)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer ?? Console.Error),
            Ansi = writer is null ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = writer is null ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        });
        if (writer is not null || Console.IsErrorRedirected) console.Profile.Width = 200;
        return console;
    }
}
