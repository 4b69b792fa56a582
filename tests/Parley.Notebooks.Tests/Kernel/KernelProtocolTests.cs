using Parley.Notebooks.Kernel.Jupyter;

namespace Parley.Notebooks.Tests.Kernel;

public sealed class KernelProtocolTests
{
    [Theory]
    [InlineData("var x = 1;", "complete")]
    [InlineData("Console.WriteLine(\"hi\")", "complete")]
    [InlineData("if (true)\n{", "incomplete")]
    [InlineData("var s = \"unterminated", "incomplete")]
    public void Is_complete_follows_the_csharp_script_parser(string code, string status) =>
        Assert.Equal(status, JupyterKernelServer.IsComplete(code)["status"]!.GetValue<string>());

    [Fact]
    public void Cursor_positions_count_code_points_not_utf16_units()
    {
        const string code = "var s = \"😀\"; s.";

        // The emoji is one code point but two UTF-16 units: code point 15 is UTF-16 offset 16.
        Assert.Equal(16, JupyterKernelServer.Utf16Offset(code, 15));
        Assert.Equal(15, JupyterKernelServer.CodePointOffset(code, 16));
    }

    [Theory]
    [InlineData("WriteLine($1)", "WriteLine()")]
    [InlineData("Select(${1:selector})", "Select(selector)")]
    [InlineData("Length", "Length")]
    public void Completion_snippets_lose_their_placeholders(string snippet, string inserted) =>
        Assert.Equal(inserted, JupyterKernelServer.WithoutSnippetPlaceholders(snippet));

    [Fact]
    public void Kernel_info_announces_protocol_5_3_and_csharp()
    {
        var info = JupyterKernelServer.KernelInfo();

        Assert.Equal("5.3", info["protocol_version"]!.GetValue<string>());
        Assert.Equal("C#", info["language_info"]!["name"]!.GetValue<string>());
        Assert.Equal(".cs", info["language_info"]!["file_extension"]!.GetValue<string>());
    }

    [Fact]
    public void Kernelspec_launches_the_given_program_with_the_connection_file_and_no_diagnostics_socket()
    {
        var json = KernelSpecInstaller.KernelJson(["/usr/bin/dotnet", "/opt/parley/parley.dll"]);

        Assert.Equal(["/usr/bin/dotnet", "/opt/parley/parley.dll", "kernel", "-f", "{connection_file}"],
            json["argv"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Equal("C# (Parley)", json["display_name"]!.GetValue<string>());
        Assert.Equal("0", json["env"]!["DOTNET_EnableDiagnostics"]!.GetValue<string>());
        Assert.Equal("message", json["interrupt_mode"]!.GetValue<string>());
    }

    [Fact]
    public async Task Install_writes_kernel_json_under_the_prefix_kernels_folder()
    {
        var prefix = TestPaths.TempDirectory();

        var folder = await KernelSpecInstaller.InstallAsync(KernelSpecInstaller.PrefixDataDirectory(prefix), ["/opt/parley/parley"], "parley-test",
            ct: TestContext.Current.CancellationToken);

        Assert.Equal(Path.Combine(prefix, "share", "jupyter", "kernels", "parley-test"), folder);
        var json = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "kernel.json"), TestContext.Current.CancellationToken))!;
        Assert.Equal("/opt/parley/parley", json["argv"]![0]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"ip": "0.0.0.0", "transport": "tcp", "shell_port": 1, "iopub_port": 2, "stdin_port": 3, "control_port": 4, "hb_port": 5, "key": "k"}""", "loopback")]
    [InlineData("""{"ip": "127.0.0.1", "transport": "ipc", "shell_port": 1, "iopub_port": 2, "stdin_port": 3, "control_port": 4, "hb_port": 5, "key": "k"}""", "ipc")]
    [InlineData("""{"ip": "127.0.0.1", "transport": "tcp", "shell_port": 1, "iopub_port": 2, "stdin_port": 3, "control_port": 4, "hb_port": 5, "key": "k", "signature_scheme": "hmac-md5"}""", "hmac-md5")]
    [InlineData("""{"ip": "127.0.0.1", "transport": "tcp", "shell_port": 1, "key": "k"}""", "port")]
    public void Connection_that_is_not_local_tcp_with_hmac_sha256_is_refused(string json, string problem) =>
        Assert.Contains(problem, ConnectionInfo.Parse(json).Validate());

    [Fact]
    public void Loopback_connection_is_accepted() =>
        Assert.Null(ConnectionInfo.Parse("""{"ip": "127.0.0.1", "transport": "tcp", "shell_port": 1, "iopub_port": 2, "stdin_port": 3, "control_port": 4, "hb_port": 5, "key": "k", "signature_scheme": "hmac-sha256"}""").Validate());
}
