using System.ComponentModel;
using System.Globalization;
using Parley.Articles;
using Parley.Benchmarks.Statements;
using Parley.Serialization;
using Parley.Statements;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Parley.Cli.Commands;

/// <summary><c>parley bench statements</c>: scores statement extraction on PolNeAR or on the demo gold.</summary>
internal sealed class BenchStatementsCommand : Command<BenchStatementsCommand.Settings>
{
    /// <summary>Options of <c>parley bench statements</c>.</summary>
    public sealed class Settings : CommandSettings
    {
        /// <summary>A corpus in the PolNeAR layout.</summary>
        [CommandOption("--dataset <DIR>")]
        [Description("PolNeAR folder (with train/ and dev/, or a split folder with text/ and attributions/).")]
        public string? Dataset { get; init; }

        /// <summary>Which split of the PolNeAR folder.</summary>
        [CommandOption("--split <SPLIT>")]
        [Description("dev (default) or train.")]
        public string Split { get; init; } = "dev";

        /// <summary>Score the README's calibration baseline instead of the extractor.</summary>
        [CommandOption("--baseline")]
        [Description("Score the calibration baseline (every “…” and \"…\" span as a quote, no speaker).")]
        public bool Baseline { get; init; }

        /// <summary>Which units of annotation the extractor uses on PolNeAR.</summary>
        [CommandOption("--units <UNITS>")]
        [Description("polnear (default: PolNeAR's units — continued quotes joined, one statement per coordinated verb, sourceless attributions) or analyst (parley statements' defaults).")]
        public string Units { get; init; } = "polnear";

        /// <summary>Write the predicted statements to this file (JSONL), for error analysis.</summary>
        [CommandOption("--predictions <FILE>")]
        [Description("Write every predicted statement to FILE as JSONL, for error analysis.")]
        public string? Predictions { get; init; }

        /// <summary>A demo folder with articles/ and gold/.</summary>
        [CommandOption("--demo <DIR>")]
        [Description("Demo corpus folder holding articles/ and gold/.")]
        public string? Demo { get; init; }

        /// <summary>Gold folder in the demo format.</summary>
        [CommandOption("--gold <DIR>")]
        [Description("Gold folder (<article>.json files in the demo gold format); use with --articles.")]
        public string? Gold { get; init; }

        /// <summary>Articles folder for <see cref="Gold"/>.</summary>
        [CommandOption("--articles <DIR>")]
        [Description("Articles folder (.html and .txt) for --gold.")]
        public string? Articles { get; init; }

        /// <inheritdoc />
        public override ValidationResult Validate()
        {
            int modes = (Dataset is null ? 0 : 1) + (Demo is null ? 0 : 1) + (Gold is null ? 0 : 1);
            if (modes != 1) return ValidationResult.Error("Give exactly one of --dataset, --demo or --gold.");
            if (Gold is not null && Articles is null) return ValidationResult.Error("--gold needs --articles.");
            if (Split is not ("dev" or "train")) return ValidationResult.Error("--split is dev or train.");
            if (Units is not ("polnear" or "analyst")) return ValidationResult.Error("--units is polnear or analyst.");
            return ValidationResult.Success();
        }
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var err = Terminal.Error();
        try
        {
            return settings.Dataset is { } dataset ? Polnear(err, dataset, settings) : Demo(err, settings, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            err.MarkupLineInterpolated($"[red]parley bench statements: {ex.Message}[/]");
            return 1;
        }
    }

    private static int Polnear(IAnsiConsole err, string dataset, Settings settings)
    {
        var split = Directory.Exists(Path.Combine(dataset, settings.Split)) ? settings.Split : null;
        err.MarkupLineInterpolated($"[grey]Scoring {(settings.Baseline ? "the quote-span baseline" : "statement extraction")} on {Path.Combine(dataset, split ?? "")}…[/]");
        using var predictions = settings.Predictions is { } file ? new StreamWriter(file) : null;
        Func<Article, IReadOnlyList<Statement>>? extract = settings.Baseline ? PolnearBenchmark.QuoteSpansBaseline
            : settings.Units == "analyst" ? new StatementExtractor().Extract
            : null;
        var score = PolnearBenchmark.Run(dataset, split, extract, predictions);
        err.WriteLine(string.Create(CultureInfo.InvariantCulture, $"articles        {score.Articles}"));
        err.WriteLine($"all             {score.All}");
        err.WriteLine($"direct quotes   {score.DirectQuotes}");
        err.WriteLine(string.Create(CultureInfo.InvariantCulture, $"speaker         {score.SpeakerAccuracy:0.000} ({score.SpeakerCorrect}/{score.SpeakerTotal} matched with a gold source)"));
        err.WriteLine(string.Create(CultureInfo.InvariantCulture, $"speed           {score.ArticlesPerSecond:N0} articles/s wall clock on one thread ({score.Seconds:0.000} s); {score.ArticlesPerCpuSecond:N0} articles per CPU second ({score.CpuSeconds:0.000} s)"));
        Console.Out.WriteLine(ParleyJson.ToLine(new
        {
            benchmark = "polnear",
            split = settings.Split,
            system = settings.Baseline ? "quote-span-baseline" : "parley",
            units = settings.Baseline ? null : settings.Units,
            score.Articles,
            all = Figures(score.All),
            directQuotes = Figures(score.DirectQuotes),
            speakerAccuracy = Math.Round(score.SpeakerAccuracy, 4),
            articlesPerSecond = Math.Round(score.ArticlesPerSecond, 1),
            articlesPerCpuSecond = Math.Round(score.ArticlesPerCpuSecond, 1),
        }));
        return 0;
    }

    private static object Figures(PrecisionRecall pr) => new
    {
        precision = Math.Round(pr.Precision, 4), recall = Math.Round(pr.Recall, 4), f1 = Math.Round(pr.F1, 4),
        pr.Matched, pr.Predicted, pr.Gold,
    };

    private static int Demo(IAnsiConsole err, Settings settings, CancellationToken ct)
    {
        var goldDir = settings.Gold ?? Path.Combine(settings.Demo!, "gold");
        var articlesDir = settings.Articles ?? Path.Combine(settings.Demo!, "articles");
        var score = DemoGoldBenchmark.Run(goldDir, articlesDir, StatementInputs.Load);
        foreach (var problem in score.Problems) err.MarkupLineInterpolated($"[yellow]{problem}[/]");
        err.WriteLine(string.Create(CultureInfo.InvariantCulture, $"articles        {score.Articles}"));
        err.WriteLine($"statements      {score.Statements}");
        err.WriteLine(string.Create(CultureInfo.InvariantCulture, $"party accuracy  {score.PartyAccuracy:0.000} ({score.PartyCorrect}/{score.Statements.Matched} matched)"));
        err.WriteLine(string.Create(CultureInfo.InvariantCulture, $"actor accuracy  {score.ActorAccuracy:0.000} ({score.ActorCorrect}/{score.Statements.Matched} matched)"));
        Console.Out.WriteLine(ParleyJson.ToLine(new
        {
            benchmark = "demo-gold",
            score.Articles,
            statements = Figures(score.Statements),
            partyAccuracy = Math.Round(score.PartyAccuracy, 4),
            actorAccuracy = Math.Round(score.ActorAccuracy, 4),
            problems = score.Problems.Count,
        }));
        return score.Problems.Count == 0 ? 0 : 1;
    }
}
