using System.ComponentModel;
using System.Globalization;
using System.Text;
using Parley.Actors;
using Parley.Articles;
using Parley.Serialization;
using Parley.Statements;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Parley.Cli.Commands;

/// <summary><c>parley statements</c>: who said what in each article, one record per statement on stdout.</summary>
internal sealed class StatementsCommand : AsyncCommand<StatementsCommand.Settings>
{
    /// <summary>Options of <c>parley statements</c>.</summary>
    public sealed class Settings : CommandSettings
    {
        /// <summary>Article files or folders.</summary>
        [CommandArgument(0, "<inputs>")]
        [Description("Article files (.html, .txt, .gz) or folders (searched recursively).")]
        public string[] Inputs { get; init; } = [];

        /// <summary>Output format.</summary>
        [CommandOption("--format <FORMAT>")]
        [Description("jsonl (default) or csv.")]
        public string Format { get; init; } = "jsonl";

        /// <summary>Another gazetteer file.</summary>
        [CommandOption("--gazetteer <FILE>")]
        [Description("Actor gazetteer (JSON, same shape as data/actors/actors.json); default the embedded one.")]
        public string? Gazetteer { get; init; }

        /// <summary>Units of statement.</summary>
        [CommandOption("--units <UNITS>")]
        [Description("analyst (default: one statement per quotation or claim, speakers only) or polnear (continued quotes joined, one statement per coordinated verb, attributions without a source kept).")]
        public string Units { get; init; } = "analyst";

        /// <inheritdoc />
        public override ValidationResult Validate() =>
            Inputs.Length == 0 ? ValidationResult.Error("Give at least one article file or folder.")
            : Format is not ("jsonl" or "csv") ? ValidationResult.Error("--format is jsonl or csv.")
            : Units is not ("analyst" or "polnear") ? ValidationResult.Error("--units is analyst or polnear.")
            : ValidationResult.Success();
    }

    internal static readonly string[] CsvColumns =
    [
        "id", "articleId", "source", "url", "date", "published", "kind", "text", "start", "end", "cue",
        "speakerMention", "speakerMentionStart", "speakerMentionEnd", "speaker", "actorId", "party", "anonymous", "confidence",
    ];

    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var err = Terminal.Error();
        Gazetteer gazetteer;
        try
        {
            gazetteer = settings.Gazetteer is { } path ? Gazetteer.Load(path) : Gazetteer.Default;
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            err.MarkupLineInterpolated($"[red]parley statements: cannot read gazetteer {settings.Gazetteer}: {ex.Message}[/]");
            return 2;
        }
        var extractor = new StatementExtractor(gazetteer, settings.Units == "polnear" ? StatementExtractorOptions.PolnearUnits : null);
        var articleExtractor = new ArticleExtractor();
        var stdout = Console.Out;
        bool csv = settings.Format == "csv";
        if (csv) await stdout.WriteLineAsync(string.Join(',', CsvColumns));
        int articles = 0, failed = 0, statements = 0;
        await foreach (var result in ArticleFiles.ReadAsync(ArticleFiles.Expand(settings.Inputs), articleExtractor, cancellationToken))
        {
            if (result.Article is not { } article)
            {
                failed++;
                err.MarkupLineInterpolated($"[yellow]{result.Source}: {result.Error}[/]");
                continue;
            }
            articles++;
            foreach (var statement in extractor.Extract(article))
            {
                statements++;
                await stdout.WriteLineAsync(csv ? ToCsv(statement) : ParleyJson.ToLine(statement));
            }
        }
        if (articles + failed == 0)
        {
            err.MarkupLine("[red]parley statements: no article files found in the inputs.[/]");
            return 1;
        }
        await stdout.FlushAsync(cancellationToken);
        err.MarkupLineInterpolated($"[grey]{statements} statements from {articles} articles ({failed} failed).[/]");
        return failed == 0 ? 0 : 1;
    }

    internal static string ToCsv(Statement s)
    {
        var fields = new string?[]
        {
            s.Id, s.ArticleId, s.Source, s.Url, s.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            s.Published?.ToString(), s.Kind.ToString().ToLowerInvariant(), s.Text, Num(s.Start), Num(s.End), s.Cue,
            s.SpeakerMention, Num(s.SpeakerMentionStart), Num(s.SpeakerMentionEnd), s.Speaker, s.ActorId, s.Party,
            s.Anonymous ? "true" : "false", s.Confidence.ToString("0.###", CultureInfo.InvariantCulture),
        };
        var sb = new StringBuilder();
        for (int i = 0; i < fields.Length; i++)
        {
            if (i > 0) sb.Append(',');
            var f = fields[i] ?? "";
            if (f.AsSpan().IndexOfAny(",\"\r\n") >= 0) sb.Append('"').Append(f.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            else sb.Append(f);
        }
        return sb.ToString();

        static string? Num(int? n) => n?.ToString(CultureInfo.InvariantCulture);
    }
}
