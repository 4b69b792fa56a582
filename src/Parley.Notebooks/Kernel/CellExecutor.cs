using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;

namespace Parley.Notebooks.Kernel;

/// <summary>How a cell's run ended: the error as Jupyter reports it (ename, evalue, traceback), or none.</summary>
internal sealed record CellOutcome(bool Succeeded, string? ErrorName = null, string? ErrorValue = null, IReadOnlyList<string>? Traceback = null)
{
    public static readonly CellOutcome Success = new(true);

    /// <summary>The error as one block of text: name, message and the traceback lines.</summary>
    public string ErrorText => Succeeded
        ? ""
        : string.Join('\n', new[] { $"{ErrorName}: {ErrorValue}" }.Concat((Traceback ?? [])
            .Where(l => l != $"{ErrorName}: {ErrorValue}" && !(ErrorValue ?? "").Contains(l, StringComparison.Ordinal))));
}

/// <summary>
/// Runs one cell's code on a <see cref="ParleyKernel"/> and turns what the kernel publishes into nbformat 4 output
/// objects (<c>stream</c>, <c>display_data</c>, <c>update_display_data</c>, <c>execute_result</c>, <c>error</c>),
/// handed to <c>onOutput</c> as they happen. Shared by the runner and the Jupyter kernel.
/// </summary>
internal static class CellExecutor
{
    public static async Task<CellOutcome> ExecuteAsync(Microsoft.DotNet.Interactive.Kernel kernel, string code, int executionCount,
        Action<JsonObject> onOutput, CancellationToken ct = default)
    {
        var command = new SubmitCode(code);
        CellOutcome? failure = null;
        // Errors that do not fail the command itself, e.g. a failing cell of a notebook brought in with #!import.
        var producedErrors = new List<string>();
        using var subscription = kernel.KernelEvents.Subscribe(new Observer(ev =>
        {
            switch (ev)
            {
                case CommandFailed failed when failure is null:
                    failure = ToOutcome(failed);
                    break;
                case ErrorProduced error when !string.IsNullOrEmpty(error.Message):
                    lock (producedErrors)
                    {
                        producedErrors.Add(error.Message.TrimEnd());
                    }
                    break;
                case KernelEvent other when ToOutput(other, executionCount) is { } output:
                    onOutput(output);
                    break;
            }
        }));
        KernelCommandResult result;
        try
        {
            result = await kernel.SendAsync(command, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            failure = new CellOutcome(false, "OperationCanceledException", "The cell was interrupted.", []);
            onOutput(ErrorOutput(failure));
            return failure;
        }
        failure ??= result.Events.OfType<CommandFailed>().Select(ToOutcome).FirstOrDefault();
        lock (producedErrors)
        {
            if (failure is null && producedErrors.Count > 0)
            {
                var message = string.Join('\n', producedErrors);
                failure = new CellOutcome(false, message.Contains("error CS", StringComparison.Ordinal) ? "CompilationError" : "Error", message,
                    message.Split('\n').ToList());
            }
        }
        if (failure is not null)
        {
            onOutput(ErrorOutput(failure));
            return failure;
        }
        return CellOutcome.Success;
    }

    internal static CellOutcome ToOutcome(CommandFailed failed)
    {
        if (failed.Exception is { } ex and not CodeSubmissionCompilationErrorException)
        {
            var inner = ex is System.Reflection.TargetInvocationException { InnerException: { } i } ? i : ex;
            var lines = inner.ToString().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
            return new CellOutcome(false, inner.GetType().FullName ?? inner.GetType().Name, inner.Message, lines);
        }
        var message = failed.Message ?? failed.Exception?.Message ?? "The cell failed.";
        var isCompile = failed.Exception is CodeSubmissionCompilationErrorException || message.Contains("error CS", StringComparison.Ordinal);
        return new CellOutcome(false, isCompile ? "CompilationError" : "Error", message,
            message.Split('\n').Select(l => l.TrimEnd('\r')).ToList());
    }

    internal static JsonObject ErrorOutput(CellOutcome outcome) => new()
    {
        ["output_type"] = "error",
        ["ename"] = outcome.ErrorName ?? "Error",
        ["evalue"] = outcome.ErrorValue ?? "",
        ["traceback"] = new JsonArray((outcome.Traceback ?? []).Select(l => (JsonNode)JsonValue.Create(l)!).ToArray()),
    };

    internal static JsonObject? ToOutput(KernelEvent ev, int executionCount)
    {
        switch (ev)
        {
            case StandardOutputValueProduced stdout:
                return Stream("stdout", Text(stdout));
            case StandardErrorValueProduced stderr:
                return Stream("stderr", Text(stderr));
            case ReturnValueProduced value when Bundle(value) is { } data:
                return new JsonObject
                {
                    ["output_type"] = "execute_result",
                    ["execution_count"] = executionCount,
                    ["data"] = data,
                    ["metadata"] = new JsonObject(),
                };
            case DisplayedValueUpdated updated when Bundle(updated) is { } data:
                return new JsonObject
                {
                    ["output_type"] = "update_display_data",
                    ["data"] = data,
                    ["metadata"] = new JsonObject(),
                    ["transient"] = new JsonObject { ["display_id"] = updated.ValueId },
                };
            case DisplayedValueProduced displayed when Bundle(displayed) is { } data:
                var output = new JsonObject
                {
                    ["output_type"] = "display_data",
                    ["data"] = data,
                    ["metadata"] = new JsonObject(),
                };
                if (displayed.ValueId is { } id)
                {
                    output["transient"] = new JsonObject { ["display_id"] = id };
                }
                return output;
            default:
                return null;
        }
    }

    private static JsonObject Stream(string name, string text) => new()
    {
        ["output_type"] = "stream",
        ["name"] = name,
        ["text"] = text,
    };

    private static string Text(DisplayEvent ev) =>
        ev.FormattedValues.FirstOrDefault(v => v.MimeType == PlainTextFormatter.MimeType)?.Value
        ?? ev.FormattedValues.FirstOrDefault()?.Value ?? "";

    /// <summary>The MIME bundle of a display: JSON types as JSON, the rest as text, and always a text/plain.</summary>
    private static JsonObject? Bundle(DisplayEvent ev)
    {
        var data = new JsonObject();
        foreach (var value in ev.FormattedValues.Where(v => !v.SuppressDisplay))
        {
            data[value.MimeType] = IsJson(value.MimeType) ? ParseJson(value.Value) : JsonValue.Create(value.Value);
        }
        if (data.Count == 0 && ev.Value is null)
        {
            return null;
        }
        if (!data.ContainsKey(PlainTextFormatter.MimeType))
        {
            data[PlainTextFormatter.MimeType] = ev.Value is null ? "" : Formatter.ToDisplayString(ev.Value, PlainTextFormatter.MimeType);
        }
        return data;
    }

    private static bool IsJson(string mimeType) => mimeType == "application/json" || mimeType.EndsWith("+json", StringComparison.Ordinal);

    private static JsonNode? ParseJson(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return JsonValue.Create(text);
        }
    }

    private sealed class Observer(Action<KernelEvent> onNext) : IObserver<KernelEvent>
    {
        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void OnNext(KernelEvent value) => onNext(value);
    }
}
