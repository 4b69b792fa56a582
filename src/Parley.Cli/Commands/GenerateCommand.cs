using System.ComponentModel;
using System.Globalization;
using Parley.Benchmarks.Generation;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Parley.Cli.Commands;

/// <summary><c>parley generate --articles N --out DIR [--seed S]</c>: a reproducible synthetic corpus for scale tests.</summary>
internal sealed class GenerateCommand(IAnsiConsole console) : AsyncCommand<GenerateCommand.Settings>
{
    internal sealed class Settings : CommandSettings
    {
        [CommandOption("--articles <N>")]
        [Description("Number of pages to write.")]
        public int Articles { get; init; } = 1000;

        [CommandOption("--out <DIR>")]
        [Description("Folder to write the pages into (YYYY-MM/article-NNNNNN.html).")]
        public string Out { get; init; } = "corpus";

        [CommandOption("--seed <S>")]
        [Description("Seed: the same seed gives the same bytes.")]
        public int Seed { get; init; } = 1;

        public override ValidationResult Validate() =>
            Articles < 0 ? ValidationResult.Error("--articles must be zero or more.") : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var generator = new CorpusGenerator();
        GeneratedCorpus corpus = null!;
        await console.Progress().StartAsync(async ctx =>
        {
            var task = ctx.AddTask("Generate", maxValue: Math.Max(1, settings.Articles));
            corpus = await generator.WriteAsync(settings.Out, settings.Articles, settings.Seed,
                new Progress<int>(n => task.Value = n), cancellationToken);
            task.Value = task.MaxValue;
        });
        console.MarkupLineInterpolated(
            $"Wrote {corpus.Files.ToString("N0", CultureInfo.InvariantCulture)} pages ({(corpus.Bytes / (1024.0 * 1024)).ToString("N1", CultureInfo.InvariantCulture)} MB, {corpus.Statements.ToString("N0", CultureInfo.InvariantCulture)} statements placed) to {Path.GetFullPath(settings.Out)}");
        return 0;
    }
}
