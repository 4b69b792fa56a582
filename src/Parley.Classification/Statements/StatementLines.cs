using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Parley.Serialization;
using Parley.Statements;

namespace Parley.Classification.Statements;

/// <summary>One JSONL line read for classification: the record as written, and the statement read from it, or why not.</summary>
internal sealed record StatementLine(int LineNumber, JsonObject? Record, Statement? Statement, string? Error);

/// <summary>Reads statements as <c>parley statements</c> writes them, tolerating missing fields, and writes them back
/// with the classification added and every other field untouched.</summary>
internal static class StatementLines
{
    /// <summary>Reads every non-blank line; a line that is not a JSON object with a <c>text</c> comes back with an error.</summary>
    public static async IAsyncEnumerable<StatementLine> ReadAsync(TextReader reader, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        var number = 0;
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
                continue;
            yield return Parse(line, number);
        }
    }

    public static StatementLine Parse(string line, int number)
    {
        JsonObject record;
        try
        {
            if (JsonNode.Parse(line) is not JsonObject obj)
                return new(number, null, null, $"line {number}: not a JSON object");
            record = obj;
        }
        catch (JsonException ex)
        {
            return new(number, null, null, $"line {number}: not valid JSON ({ex.Message.ReplaceLineEndings(" ")})");
        }
        var text = String(record, "text");
        if (text is null)
            return new(number, record, null, $"line {number}: no \"text\" field");
        var date = String(record, "date") is { } d && DateOnly.TryParse(d, CultureInfo.InvariantCulture, out var day) ? day : (DateOnly?)null;
        var statement = new Statement
        {
            Id = String(record, "id") ?? $"line-{number}",
            ArticleId = String(record, "articleId") ?? "",
            Date = date,
            Text = text,
            SpeakerMention = String(record, "speakerMention"),
            Speaker = String(record, "speaker"),
            ActorId = String(record, "actorId"),
            Party = String(record, "party") ?? Taxonomy.UnknownParty,
            Anonymous = record["anonymous"] is JsonValue a && a.TryGetValue<bool>(out var anonymous) && anonymous,
        };
        return new(number, record, statement, null);
    }

    /// <summary>The record with issue, stance, stanceScore, stances, party and partySource set (and speaker/actorId
    /// when the classifier resolved a mention); other fields keep their place and value.</summary>
    public static JsonObject Apply(JsonObject record, Statement classified)
    {
        if (String(record, "speaker") is null && classified.Speaker is not null)
        {
            record["speaker"] = classified.Speaker;
            record["actorId"] = classified.ActorId;
        }
        record["party"] = classified.Party;
        record["partySource"] = classified.PartySource;
        record["issue"] = classified.Issue;
        record["stance"] = classified.Stance;
        record["stanceScore"] = classified.StanceScore;
        record["stances"] = JsonSerializer.SerializeToNode(classified.Stances, ParleyJson.Options);
        return record;
    }

    private static string? String(JsonObject record, string name) =>
        record[name] is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s) ? s : null;
}
