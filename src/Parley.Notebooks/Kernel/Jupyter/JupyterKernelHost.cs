using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Parley.Notebooks.Kernel.Jupyter;

/// <summary>
/// The process Jupyter launches (<c>parley kernel -f {connection_file}</c>): reads the connection file, starts the shared
/// kernel set-up behind the protocol server, and exits on shutdown, on SIGTERM, or when the launching process dies.
/// </summary>
internal static class JupyterKernelHost
{
    public static async Task<int> RunAsync(string connectionFile, TextWriter log, CancellationToken ct = default)
    {
        ConnectionInfo connection;
        try
        {
            connection = ConnectionInfo.Parse(await File.ReadAllTextAsync(connectionFile, ct));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            await log.WriteLineAsync($"parley kernel: cannot read connection file {connectionFile}: {ex.Message}");
            return 2;
        }
        if (connection.Validate() is { } problem)
        {
            await log.WriteLineAsync($"parley kernel: {problem}");
            return 2;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var kernel = await ParleyKernel.CreateAsync(new ParleyKernelOptions { Log = log });
        using var server = new JupyterKernelServer(connection, kernel, log);
        // Jupyter interrupts with a message (kernel.json says interrupt_mode: message); SIGINT from a terminal does the same.
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
        {
            context.Cancel = true;
            _ = server.InterruptAsync();
        });
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });
        var watcher = WatchParentAsync(log, stop);
        var exit = await server.RunAsync(stop.Token);
        await stop.CancelAsync();
        await watcher;
        return exit;
    }

    /// <summary>Stops the kernel when the process that launched it is gone, as ipykernel does, so no kernel is orphaned.</summary>
    private static async Task WatchParentAsync(TextWriter log, CancellationTokenSource stop)
    {
        var parent = ParentProcessId();
        if (parent is null or <= 1)
        {
            return;
        }
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await timer.WaitForNextTickAsync(stop.Token))
            {
                if (!IsAlive(parent.Value))
                {
                    await log.WriteLineAsync($"parley kernel: parent process {parent} is gone; shutting down");
                    await stop.CancelAsync();
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Normal shutdown.
        }
    }

    /// <summary>The launching process: <c>JPY_PARENT_PID</c> when jupyter-client sets it, else the OS parent.</summary>
    internal static int? ParentProcessId()
    {
        if (int.TryParse(Environment.GetEnvironmentVariable("JPY_PARENT_PID"), out var fromJupyter))
        {
            return fromJupyter;
        }
        try
        {
            // /proc/self/stat: "pid (comm) state ppid ..."; comm may contain spaces, so parse after the last ')'.
            var stat = File.ReadAllText("/proc/self/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
