using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Parley.Articles;

namespace Parley.Serialization;

/// <summary>The JSON conventions of every Parley record on disk and on stdout (JSONL).</summary>
/// <remarks>camelCase names, enums as camelCase strings, nulls written (so columns are stable),
/// dates as ISO 8601 with only the precision known (<see cref="ArticleDate"/>), non-ASCII text unescaped.</remarks>
public static class ParleyJson
{
    /// <summary>Options for indented or single-line output; single-line is what JSONL uses.</summary>
    public static JsonSerializerOptions Options { get; } = Create(indented: false);

    /// <summary>Indented options, for files meant to be read by people.</summary>
    public static JsonSerializerOptions Indented { get; } = Create(indented: true);

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = indented,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            AllowTrailingCommas = true,
            ReadCommentHandling = JsonCommentHandling.Skip,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.Converters.Add(new ArticleDateJsonConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>Serializes one record as a single JSON line (no trailing newline).</summary>
    public static string ToLine<T>(T value) => JsonSerializer.Serialize(value, Options);

    private sealed class ArticleDateJsonConverter : JsonConverter<ArticleDate>
    {
        public override ArticleDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.GetString();
            return ArticleDate.TryParse(text, out var date)
                ? date
                : throw new JsonException($"'{text}' is not an ISO 8601 date.");
        }

        public override void Write(Utf8JsonWriter writer, ArticleDate value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString());
    }
}
