using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Events;
using NetMQ;
using NetMQ.Sockets;

namespace Parley.Notebooks.Kernel.Jupyter;

/// <summary>
/// The Jupyter side of the Parley kernel: the five sockets of the messaging protocol (v5.3) over NetMQ, in front of a
/// <see cref="ParleyKernel"/>.
/// </summary>
/// <remarks>
/// One poller thread owns every socket (NetMQ sockets are not thread-safe): it answers heartbeats, hands requests to
/// two queues (shell, control) and sends what the handlers put on one outgoing queue, in order. Shell requests run
/// one at a time; control requests (interrupt, shutdown) run beside them. Every request is wrapped in iopub
/// <c>status: busy</c> … <c>status: idle</c>, and every output of a cell is queued before its idle, which is what
/// jupyter-client and nbclient wait for. Badly signed or malformed messages are dropped and logged.
/// </remarks>
internal sealed class JupyterKernelServer : IDisposable
{
    private readonly ConnectionInfo connection;
    private readonly CompositeKernel kernel;
    private readonly TextWriter log;
    private readonly TimeProvider time;
    private readonly MessageSigner signer;
    private readonly string session = Guid.NewGuid().ToString("N");
    private readonly Channel<JupyterMessage> shellRequests = Channel.CreateUnbounded<JupyterMessage>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Channel<JupyterMessage> controlRequests = Channel.CreateUnbounded<JupyterMessage>(new UnboundedChannelOptions { SingleReader = true });
    private readonly NetMQQueue<Outgoing> outgoing = new();
    private readonly TaskCompletionSource shutdown = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly RouterSocket shell = new();
    private readonly RouterSocket control = new();
    private readonly RouterSocket stdin = new();
    private readonly PublisherSocket iopub = new();
    private readonly ResponseSocket heartbeat = new();
    private readonly NetMQPoller poller;
    private readonly Lock executionGate = new();
    private CancellationTokenSource? currentExecution;
    private TaskCompletionSource? currentDone;
    private int executionCount;

    public JupyterKernelServer(ConnectionInfo connection, CompositeKernel kernel, TextWriter log, TimeProvider? time = null)
    {
        this.connection = connection;
        this.kernel = kernel;
        this.log = log;
        this.time = time ?? TimeProvider.System;
        signer = new MessageSigner(connection.Key);
        poller = new NetMQPoller { shell, control, stdin, iopub, heartbeat, outgoing };
        shell.ReceiveReady += (_, e) => Receive(e.Socket, shellRequests, "shell");
        control.ReceiveReady += (_, e) => Receive(e.Socket, controlRequests, "control");
        stdin.ReceiveReady += (_, e) => e.Socket.ReceiveMultipartBytes();
        heartbeat.ReceiveReady += (_, e) => e.Socket.SendMultipartBytes(e.Socket.ReceiveMultipartBytes());
        outgoing.ReceiveReady += (_, e) =>
        {
            while (e.Queue.TryDequeue(out var message, TimeSpan.Zero))
            {
                SocketFor(message.Socket).SendMultipartBytes(message.Frames);
            }
        };
    }

    /// <summary>Binds the sockets and serves until a shutdown request arrives or <paramref name="ct"/> is cancelled.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        shell.Bind(connection.Endpoint(connection.ShellPort));
        control.Bind(connection.Endpoint(connection.ControlPort));
        stdin.Bind(connection.Endpoint(connection.StdinPort));
        iopub.Bind(connection.Endpoint(connection.IopubPort));
        heartbeat.Bind(connection.Endpoint(connection.HeartbeatPort));
        poller.RunAsync("parley-kernel-sockets");
        log.WriteLine($"parley kernel: listening on {connection.Ip} (shell {connection.ShellPort}, iopub {connection.IopubPort}, control {connection.ControlPort}, hb {connection.HeartbeatPort})");
        var shellLoop = ServeAsync(shellRequests.Reader, ct);
        var controlLoop = ServeAsync(controlRequests.Reader, ct);
        using (ct.Register(() => shutdown.TrySetResult()))
        {
            await shutdown.Task;
        }
        shellRequests.Writer.TryComplete();
        controlRequests.Writer.TryComplete();
        await Task.WhenAny(Task.WhenAll(shellLoop, controlLoop), Task.Delay(TimeSpan.FromSeconds(2), time, CancellationToken.None));
        // Let the poller flush the last replies (shutdown_reply, idle) before the sockets close.
        await Task.Delay(TimeSpan.FromMilliseconds(200), time, CancellationToken.None);
        return 0;
    }

    private void Receive(NetMQSocket socket, Channel<JupyterMessage> queue, string channel)
    {
        var frames = socket.ReceiveMultipartBytes();
        var decoded = JupyterMessage.Decode(frames, signer);
        if (decoded.Message is null)
        {
            log.WriteLine($"parley kernel: dropped a message on {channel}: {decoded.Rejection}");
            return;
        }
        queue.Writer.TryWrite(decoded.Message);
    }

    private async Task ServeAsync(ChannelReader<JupyterMessage> requests, CancellationToken ct)
    {
        await foreach (var request in requests.ReadAllAsync(ct).ConfigureAwait(false))
        {
            var socket = requests == controlRequests.Reader ? Sock.Control : Sock.Shell;
            Publish(request, "status", new JsonObject { ["execution_state"] = "busy" });
            try
            {
                await HandleAsync(socket, request);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // A bug in a handler must not take the kernel down; the client gets an error reply.
                log.WriteLine($"parley kernel: {request.MessageType} failed: {ex}");
                Reply(socket, request, request.MessageType.Replace("_request", "_reply", StringComparison.Ordinal),
                    new JsonObject { ["status"] = "error", ["ename"] = ex.GetType().Name, ["evalue"] = ex.Message, ["traceback"] = new JsonArray() });
            }
            finally
            {
                Publish(request, "status", new JsonObject { ["execution_state"] = "idle" });
            }
        }
    }

    private async Task HandleAsync(Sock socket, JupyterMessage request)
    {
        switch (request.MessageType)
        {
            case "kernel_info_request":
                Reply(socket, request, "kernel_info_reply", KernelInfo());
                break;
            case "execute_request":
                await ExecuteAsync(socket, request);
                break;
            case "complete_request":
                Reply(socket, request, "complete_reply", await CompleteAsync(request.Content));
                break;
            case "is_complete_request":
                Reply(socket, request, "is_complete_reply", IsComplete(request.Content["code"]?.GetValue<string>() ?? ""));
                break;
            case "inspect_request":
                Reply(socket, request, "inspect_reply", new JsonObject { ["status"] = "ok", ["found"] = false, ["data"] = new JsonObject(), ["metadata"] = new JsonObject() });
                break;
            case "history_request":
                Reply(socket, request, "history_reply", new JsonObject { ["status"] = "ok", ["history"] = new JsonArray() });
                break;
            case "comm_info_request":
                Reply(socket, request, "comm_info_reply", new JsonObject { ["status"] = "ok", ["comms"] = new JsonObject() });
                break;
            case "interrupt_request":
                await InterruptAsync();
                Reply(socket, request, "interrupt_reply", new JsonObject { ["status"] = "ok" });
                break;
            case "shutdown_request":
                var restart = request.Content["restart"]?.GetValue<bool>() ?? false;
                Reply(socket, request, "shutdown_reply", new JsonObject { ["status"] = "ok", ["restart"] = restart });
                shutdown.TrySetResult();
                break;
            default:
                log.WriteLine($"parley kernel: unsupported message type '{request.MessageType}' ignored");
                break;
        }
    }

    internal static JsonObject KernelInfo() => new()
    {
        ["status"] = "ok",
        ["protocol_version"] = JupyterMessage.ProtocolVersion,
        ["implementation"] = "parley",
        ["implementation_version"] = typeof(JupyterKernelServer).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0",
        ["language_info"] = new JsonObject
        {
            ["name"] = "C#",
            ["version"] = "14.0",
            ["mimetype"] = "text/x-csharp",
            ["file_extension"] = ".cs",
            ["pygments_lexer"] = "csharp",
            ["codemirror_mode"] = "text/x-csharp",
        },
        ["banner"] = "Parley C# kernel (.NET Interactive, Roslyn): the Parley libraries are referenced; #r \"nuget: …\" adds packages.",
        ["help_links"] = new JsonArray(),
    };

    private async Task ExecuteAsync(Sock socket, JupyterMessage request)
    {
        var code = request.Content["code"]?.GetValue<string>() ?? "";
        var silent = request.Content["silent"]?.GetValue<bool>() ?? false;
        var count = silent ? executionCount : ++executionCount;
        if (!silent)
        {
            Publish(request, "execute_input", new JsonObject { ["code"] = code, ["execution_count"] = count });
        }
        using var cts = new CancellationTokenSource();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (executionGate)
        {
            currentExecution = cts;
            currentDone = done;
        }
        CellOutcome outcome;
        try
        {
            outcome = string.IsNullOrWhiteSpace(code)
                ? CellOutcome.Success
                : await CellExecutor.ExecuteAsync(kernel, code, count, output =>
                {
                    if (!silent)
                    {
                        var type = output["output_type"]!.GetValue<string>();
                        var content = output.DeepClone().AsObject();
                        content.Remove("output_type");
                        Publish(request, type, content);
                    }
                }, cts.Token);
        }
        finally
        {
            lock (executionGate)
            {
                currentExecution = null;
                currentDone = null;
            }
            done.TrySetResult();
        }
        var reply = outcome.Succeeded
            ? new JsonObject { ["status"] = "ok", ["execution_count"] = count, ["user_expressions"] = new JsonObject(), ["payload"] = new JsonArray() }
            : new JsonObject
            {
                ["status"] = "error",
                ["execution_count"] = count,
                ["ename"] = outcome.ErrorName,
                ["evalue"] = outcome.ErrorValue,
                ["traceback"] = new JsonArray((outcome.Traceback ?? []).Select(l => (JsonNode)JsonValue.Create(l)!).ToArray()),
            };
        Reply(socket, request, "execute_reply", reply);
    }

    /// <summary>Interrupts the running cell cooperatively: code that watches the invocation's cancellation token stops.</summary>
    /// <remarks>
    /// .NET Interactive's Cancel signals the cell's token (<c>KernelInvocationContext.Current.CancellationToken</c>);
    /// a cell that has not stopped within two seconds is given up on: its reply goes out as interrupted.
    /// </remarks>
    internal async Task InterruptAsync()
    {
        CancellationTokenSource? running;
        Task? done;
        lock (executionGate)
        {
            running = currentExecution;
            done = currentDone?.Task;
        }
        if (running is null || done is null)
        {
            return;
        }
        var grace = TimeSpan.FromSeconds(2);
        await kernel.SendAsync(new Cancel()).WaitAsync(grace, time).ContinueWith(_ => { }, TaskScheduler.Default);
        await done.WaitAsync(grace, time).ContinueWith(_ => { }, TaskScheduler.Default);
        if (!done.IsCompleted)
        {
            try
            {
                await running.CancelAsync();
            }
            catch (ObjectDisposedException)
            {
                // The cell finished in the meantime.
            }
        }
    }

    private async Task<JsonObject> CompleteAsync(JsonObject content)
    {
        var code = content["code"]?.GetValue<string>() ?? "";
        var cursor = Utf16Offset(code, content["cursor_pos"]?.GetValue<int>() ?? code.Length);
        var result = await kernel.SendAsync(new RequestCompletions(code, ToLinePosition(code, cursor), ParleyKernel.CSharp));
        var produced = result.Events.OfType<CompletionsProduced>().FirstOrDefault();
        var matches = new JsonArray();
        var start = cursor;
        var end = cursor;
        if (produced is not null)
        {
            if (produced.LinePositionSpan is { } span)
            {
                start = FromLinePosition(code, span.Start.Line, span.Start.Character);
                end = FromLinePosition(code, span.End.Line, span.End.Character);
            }
            else
            {
                start = cursor;
                while (start > 0 && (char.IsLetterOrDigit(code[start - 1]) || code[start - 1] == '_'))
                {
                    start--;
                }
            }
        }
        if (produced is not null)
        {
            // .NET Interactive offers every member in scope; Jupyter shows the matches as given, so keep those that
            // continue what was typed.
            var typed = code[Math.Min(start, cursor)..cursor];
            foreach (var item in produced.Completions.Select(c => WithoutSnippetPlaceholders(c.InsertText ?? c.DisplayText))
                .Where(t => t.StartsWith(typed, StringComparison.OrdinalIgnoreCase)).Distinct().Take(200))
            {
                matches.Add(item);
            }
        }
        return new JsonObject
        {
            ["status"] = "ok",
            ["matches"] = matches,
            ["cursor_start"] = CodePointOffset(code, start),
            ["cursor_end"] = CodePointOffset(code, end),
            ["metadata"] = new JsonObject(),
        };
    }

    /// <summary>Completions come as LSP snippets (<c>WriteLine($1)</c>); Jupyter inserts text as it is.</summary>
    internal static string WithoutSnippetPlaceholders(string insertText) =>
        System.Text.RegularExpressions.Regex.Replace(insertText, @"\$\{\d+:([^}]*)\}|\$\d+", "$1");

    /// <summary>Whether C# code is a complete submission (Roslyn's script parser decides).</summary>
    internal static JsonObject IsComplete(string code)
    {
        var tree = CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(kind: Microsoft.CodeAnalysis.SourceCodeKind.Script));
        return SyntaxFactory.IsCompleteSubmission(tree)
            ? new JsonObject { ["status"] = "complete" }
            : new JsonObject { ["status"] = "incomplete", ["indent"] = "    " };
    }

    /// <summary>Jupyter counts cursor positions in Unicode code points; .NET strings in UTF-16 units.</summary>
    internal static int Utf16Offset(string text, int codePoints)
    {
        var index = 0;
        for (var i = 0; i < codePoints && index < text.Length; i++)
        {
            index += char.IsHighSurrogate(text[index]) && index + 1 < text.Length ? 2 : 1;
        }
        return index;
    }

    internal static int CodePointOffset(string text, int utf16)
    {
        var count = 0;
        for (var i = 0; i < utf16 && i < text.Length; i++)
        {
            if (!char.IsLowSurrogate(text[i]))
            {
                count++;
            }
        }
        return count;
    }

    private static LinePosition ToLinePosition(string code, int offset)
    {
        var line = 0;
        var lineStart = 0;
        for (var i = 0; i < offset && i < code.Length; i++)
        {
            if (code[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }
        return new LinePosition(line, offset - lineStart);
    }

    private static int FromLinePosition(string code, int line, int character)
    {
        var index = 0;
        for (var l = 0; l < line && index < code.Length; index++)
        {
            if (code[index] == '\n')
            {
                l++;
            }
        }
        return Math.Min(code.Length, index + character);
    }

    private void Reply(Sock socket, JupyterMessage request, string type, JsonObject content)
    {
        var frames = JupyterMessage.Encode(request.Identities, JupyterMessage.NewHeader(type, session, time.GetUtcNow()), request.HeaderBytes, new JsonObject(), content, signer);
        outgoing.Enqueue(new Outgoing(socket, frames));
    }

    private void Publish(JupyterMessage parent, string type, JsonObject content)
    {
        byte[][] topic = [System.Text.Encoding.UTF8.GetBytes($"kernel.{session}.{type}")];
        var frames = JupyterMessage.Encode(topic, JupyterMessage.NewHeader(type, session, time.GetUtcNow()), parent.HeaderBytes, new JsonObject(), content, signer);
        outgoing.Enqueue(new Outgoing(Sock.Iopub, frames));
    }

    private NetMQSocket SocketFor(Sock socket) => socket switch
    {
        Sock.Shell => shell,
        Sock.Control => control,
        _ => iopub,
    };

    public void Dispose()
    {
        if (poller.IsRunning)
        {
            poller.Stop();
        }
        poller.Dispose();
        outgoing.Dispose();
        shell.Dispose();
        control.Dispose();
        stdin.Dispose();
        iopub.Dispose();
        heartbeat.Dispose();
    }

    private enum Sock
    {
        Shell,
        Control,
        Iopub,
    }

    private sealed record Outgoing(Sock Socket, List<byte[]> Frames);
}
