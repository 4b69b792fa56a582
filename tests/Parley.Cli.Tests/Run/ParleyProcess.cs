using System.Diagnostics;
using System.Text;

namespace Parley.Cli.Tests.Run;

[CollectionDefinition("processes", DisableParallelization = true)]
public sealed class ProcessCollection;

/// <summary>Runs the built <c>parley</c> program as a child process, as a user would.</summary>
internal sealed class ParleyProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly object _gate = new();

    private ParleyProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_gate) _stdout.AppendLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_gate) _stderr.AppendLine(e.Data); };
    }

    public string Stdout { get { lock (_gate) return _stdout.ToString(); } }

    public string Stderr { get { lock (_gate) return _stderr.ToString(); } }

    public int ExitCode => _process.ExitCode;

    public static ParleyProcess Start(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "parley.dll"));
        foreach (var arg in args) info.ArgumentList.Add(arg);
        info.Environment["NO_COLOR"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) info.Environment[key] = value;
        var process = new ParleyProcess(Process.Start(info)!);
        process._process.BeginOutputReadLine();
        process._process.BeginErrorReadLine();
        return process;
    }

    public static async Task<ParleyProcess> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var process = Start(workingDirectory, environment, args);
        await process.WaitAsync();
        return process;
    }

    public async Task WaitAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await _process.WaitForExitAsync(timeout.Token);
        _process.WaitForExit(); // drains the redirected streams
    }

    /// <summary>Waits until stderr contains <paramref name="text"/> or the process ends.</summary>
    public async Task<bool> WaitForStderrAsync(string text)
    {
        for (int i = 0; i < 6000 && !_process.HasExited; i++)
        {
            if (Stderr.Contains(text, StringComparison.Ordinal)) return true;
            await Task.Delay(100);
        }
        return Stderr.Contains(text, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}
