using System.ComponentModel;
using Parley.Notebooks.Kernel.Jupyter;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Parley.Cli.Commands;

/// <summary><c>parley kernel -f FILE</c>: the Jupyter kernel process the kernelspec launches.</summary>
internal sealed class KernelCommand : AsyncCommand<KernelCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("-f|--connection-file <FILE>")]
        [Description("The connection file Jupyter writes ({connection_file} in kernel.json).")]
        public string? ConnectionFile { get; init; }

        public override ValidationResult Validate() =>
            string.IsNullOrEmpty(ConnectionFile)
                ? ValidationResult.Error("give the connection file: parley kernel -f FILE (Jupyter does this; to register the kernel run `parley kernel install`)")
                : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        // The kernel captures Console.Out while cells run: log to the real stderr, opened before it does.
        var log = new StreamWriter(Console.OpenStandardError()) { AutoFlush = true };
        return await JupyterKernelHost.RunAsync(settings.ConnectionFile!, log, cancellationToken);
    }
}

/// <summary><c>parley kernel install</c>: registers the "C# (Parley)" kernelspec with Jupyter.</summary>
internal sealed class KernelInstallCommand : AsyncCommand<KernelInstallCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--user")]
        [Description("Install for the current user (the default).")]
        public bool User { get; init; }

        [CommandOption("--prefix <DIR>")]
        [Description("Install under DIR/share/jupyter/kernels (e.g. a virtual environment).")]
        public string? Prefix { get; init; }

        [CommandOption("--name <NAME>")]
        [Description("Kernelspec name (default: parley-csharp).")]
        public string Name { get; init; } = Parley.Notebooks.JupyterKernelSpec.DefaultName;

        public override ValidationResult Validate()
        {
            if (User && Prefix is not null)
            {
                return ValidationResult.Error("--user and --prefix exclude each other");
            }
            return Name.Length > 0 && Name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_' or '.')
                ? ValidationResult.Success()
                : ValidationResult.Error("--name may hold only lowercase letters, digits, '-', '_' and '.'");
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var dataDirectory = settings.Prefix is { } prefix ? KernelSpecInstaller.PrefixDataDirectory(prefix) : KernelSpecInstaller.UserDataDirectory();
        var folder = await KernelSpecInstaller.InstallAsync(dataDirectory, KernelSpecInstaller.CurrentProgram(), settings.Name, ct: cancellationToken);
        await Console.Error.WriteLineAsync($"Installed kernelspec {settings.Name} (\"{Parley.Notebooks.JupyterKernelSpec.DisplayName}\") in {folder}");
        return 0;
    }
}
