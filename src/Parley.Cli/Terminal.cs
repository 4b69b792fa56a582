using Spectre.Console;

namespace Parley.Cli;

/// <summary>Where output goes: records to stdout, everything people read to stderr.</summary>
internal static class Terminal
{
    /// <summary>A Spectre console on stderr (or on the given writer, for tests).</summary>
    public static IAnsiConsole Error(TextWriter? writer = null) =>
        AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer ?? Console.Error),
            Ansi = writer is null ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = writer is null ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        });
}
