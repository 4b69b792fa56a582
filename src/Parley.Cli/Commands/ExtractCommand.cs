using System.ComponentModel;
using Parley.Articles;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Parley.Cli.Commands;

/// <summary><c>parley extract</c>: pages and wire files to article records (JSONL or CSV).</summary>
internal sealed class ExtractCommand : AsyncCommand<ExtractCommand.Settings>
{
    /// <summary>Options of <c>parley extract</c>.</summary>
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<inputs>")]
        [Description("Files, folders (read recursively) or globs: .html, .htm, .html.gz, .txt wire files.")]
        public string[] Inputs { get; init; } = [];

        [CommandOption("--format <FORMAT>")]
        [Description("jsonl (default) or csv.")]
        [DefaultValue("jsonl")]
        public string Format { get; init; } = "jsonl";

        [CommandOption("--out <FILE>")]
        [Description("Write records to FILE instead of stdout.")]
        public string? Out { get; init; }

        public override ValidationResult Validate() =>
            Inputs.Length == 0 ? ValidationResult.Error("give at least one file, folder or glob")
            : RecordWriter.ParseFormat(Format) is null ? ValidationResult.Error($"unknown --format '{Format}': use jsonl or csv")
            : ValidationResult.Success();
    }

    private const int ProgressThreshold = 5;

    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var console = Terminal.Error();
        var (files, problems) = ArticleFiles.ExpandWithProblems(settings.Inputs);
        foreach (var p in problems.Where(p => !p.EndsWith("file not found", StringComparison.Ordinal)))
            console.MarkupLineInterpolated($"[yellow]parley extract: {p}[/]");
        var format = RecordWriter.ParseFormat(settings.Format)!.Value;
        RecordWriter writer;
        try
        {
            writer = RecordWriter.Open(format, settings.Out, format == RecordFormat.Csv ? ArticleExport.CsvHeader : null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            console.MarkupLineInterpolated($"[red]parley extract: cannot write {settings.Out}: {ex.Message}[/]");
            return 2;
        }

        int read = 0, extracted = 0, failed = 0;
        var extractor = new ArticleExtractor();
        await using (writer)
        {
            async Task Run(ProgressTask? task)
            {
                await foreach (var result in ArticleFiles.ReadAsync(files, extractor, cancellationToken))
                {
                    read++;
                    if (result.Article is { } article)
                    {
                        extracted++;
                        if (format == RecordFormat.Csv) await writer.WriteCsvAsync(ArticleExport.ToCsvCells(result));
                        else await writer.WriteJsonAsync(article);
                    }
                    else
                    {
                        failed++;
                        console.MarkupLineInterpolated($"[red]parley extract: {result.Source}: {result.Error}[/]");
                        if (format == RecordFormat.Csv) await writer.WriteCsvAsync(ArticleExport.ToCsvCells(result));
                        else await writer.WriteJsonAsync(new ErrorRecord(result.Source, result.Error ?? "failed"));
                    }
                    task?.Increment(1);
                }
            }
            if (files.Count > ProgressThreshold)
                await console.Progress().AutoClear(true).StartAsync(ctx => Run(ctx.AddTask("extracting", maxValue: files.Count)));
            else
                await Run(null);
        }
        int unmatched = problems.Count(p => !p.EndsWith("file not found", StringComparison.Ordinal));
        var summary = $"read {read}, extracted {extracted}, failed {failed}" + (unmatched > 0 ? $"; {unmatched} input(s) matched no files" : "");
        console.WriteLine(summary);
        return failed > 0 || unmatched > 0 ? 1 : 0;
    }

    /// <summary>The record written for a document that could not be extracted.</summary>
    private sealed record ErrorRecord(string Source, string Error);
}
