using Parley.Store.Pipeline;
using Spectre.Console;

namespace Parley.Cli.Pipeline;

/// <summary>One Spectre progress bar per pipeline stage, on stderr.</summary>
internal sealed class SpectreRunProgress(ProgressContext context, IAnsiConsole console) : IRunProgress
{
    private readonly Dictionary<string, ProgressTask> _tasks = [];

    public void Start(string stage, int total) => _tasks[stage] = context.AddTask(stage, maxValue: Math.Max(1, total));

    public void Advance(string stage, int steps)
    {
        if (_tasks.TryGetValue(stage, out var task)) task.Increment(steps);
    }

    public void Message(string text) => console.MarkupLineInterpolated($"[grey]{text}[/]");
}
