using Microsoft.Data.Analysis;

namespace Parley.Statements;

/// <summary>Statements as a <see cref="DataFrame"/>, one row per statement, for notebooks.</summary>
public static class StatementFrame
{
    /// <summary>The column names, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "id", "articleId", "source", "url", "site", "date", "published", "kind", "text", "start", "end", "cue",
        "speakerMention", "speakerMentionStart", "speakerMentionEnd", "speaker", "actorId", "party", "anonymous",
        "confidence", "issue", "stance", "stanceScore",
    ];

    /// <summary>Builds a frame with the columns of <see cref="Columns"/>.</summary>
    /// <remarks>Dates are written as <c>yyyy-MM-dd</c> strings and <c>published</c> with the precision the page
    /// gave; missing values are nulls. Classification columns are null until the statements are classified.</remarks>
    public static DataFrame ToDataFrame(IEnumerable<Statement> statements)
    {
        ArgumentNullException.ThrowIfNull(statements);
        var rows = statements as IReadOnlyCollection<Statement> ?? statements.ToList();
        static StringDataFrameColumn Text(string name, IEnumerable<string?> values) => new(name, values);
        return new DataFrame(
            Text("id", rows.Select(s => s.Id)),
            Text("articleId", rows.Select(s => s.ArticleId)),
            Text("source", rows.Select(s => s.Source)),
            Text("url", rows.Select(s => s.Url)),
            Text("site", rows.Select(s => s.Site)),
            Text("date", rows.Select(s => s.Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))),
            Text("published", rows.Select(s => s.Published?.ToString())),
            Text("kind", rows.Select(s => s.Kind.ToString().ToLowerInvariant())),
            Text("text", rows.Select(s => s.Text)),
            new Int32DataFrameColumn("start", rows.Select(s => (int?)s.Start)),
            new Int32DataFrameColumn("end", rows.Select(s => (int?)s.End)),
            Text("cue", rows.Select(s => s.Cue)),
            Text("speakerMention", rows.Select(s => s.SpeakerMention)),
            new Int32DataFrameColumn("speakerMentionStart", rows.Select(s => s.SpeakerMentionStart)),
            new Int32DataFrameColumn("speakerMentionEnd", rows.Select(s => s.SpeakerMentionEnd)),
            Text("speaker", rows.Select(s => s.Speaker)),
            Text("actorId", rows.Select(s => s.ActorId)),
            Text("party", rows.Select(s => s.Party)),
            new BooleanDataFrameColumn("anonymous", rows.Select(s => (bool?)s.Anonymous)),
            new DoubleDataFrameColumn("confidence", rows.Select(s => (double?)s.Confidence)),
            Text("issue", rows.Select(s => s.Issue)),
            Text("stance", rows.Select(s => s.Stance)),
            new DoubleDataFrameColumn("stanceScore", rows.Select(s => s.StanceScore)));
    }
}
