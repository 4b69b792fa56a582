using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Parley.Notebooks.Documents;

/// <summary>
/// Papermill-style parameters: the values given on the command line go into a new cell, tagged
/// <c>injected-parameters</c>, right after the cell tagged <c>parameters</c>.
/// </summary>
/// <remarks>
/// Each value is written as a C# literal of the type the parameters cell declares for that name
/// (<c>string</c>, <c>int</c>, <c>long</c>, <c>double</c>, <c>decimal</c>, <c>bool</c>, <c>DateOnly</c>, <c>DateTime</c>;
/// <c>var</c> takes its type from the initializer). A value that does not parse as the declared type is an error,
/// reported before any cell runs.
/// </remarks>
internal static partial class NotebookParameters
{
    /// <summary>Parses <c>name=value</c> pairs; the value may contain '='.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> ParsePairs(IEnumerable<string> pairs)
    {
        var result = new List<KeyValuePair<string, string>>();
        foreach (var pair in pairs)
        {
            var eq = pair.IndexOf('=');
            if (eq <= 0)
            {
                throw new ArgumentException($"parameter '{pair}' is not name=value");
            }
            var name = pair[..eq].Trim();
            if (!Identifier().IsMatch(name))
            {
                throw new ArgumentException($"parameter name '{name}' is not a C# identifier");
            }
            result.Add(new(name, pair[(eq + 1)..]));
        }
        return result;
    }

    /// <summary>Inserts the injected-parameters cell; returns the warnings (names the parameters cell does not declare).</summary>
    /// <exception cref="ArgumentException">A value does not fit the declared type.</exception>
    public static IReadOnlyList<string> Inject(NotebookDocument document, IReadOnlyList<KeyValuePair<string, string>> values)
    {
        if (values.Count == 0)
        {
            return [];
        }
        var warnings = new List<string>();
        var index = document.Cells.FindIndex(c => c.Kind == CellKind.Code && c.HasTag(NotebookReader.ParametersTag));
        var declared = index >= 0 ? Declarations(document.Cells[index].Source) : new Dictionary<string, string>();
        if (index < 0)
        {
            warnings.Add($"{document.Name}: no cell is tagged '{NotebookReader.ParametersTag}'; parameters go before the first code cell");
        }
        var code = new StringBuilder("// Parameters injected by `parley notebook run`\n");
        foreach (var (name, value) in values)
        {
            if (declared.TryGetValue(name, out var type))
            {
                code.Append(CultureInfo.InvariantCulture, $"{name} = {Literal(type, value, name)};\n");
            }
            else
            {
                warnings.Add($"{document.Name}: parameter '{name}' is not declared in the parameters cell; injected as a string");
                code.Append(CultureInfo.InvariantCulture, $"var {name} = {Literal("string", value, name)};\n");
            }
        }
        var cell = new NotebookCell(CellKind.Code, code.ToString().TrimEnd('\n'),
            new JsonObject { ["tags"] = new JsonArray(NotebookReader.InjectedParametersTag) });
        var at = index >= 0 ? index + 1 : Math.Max(0, document.Cells.FindIndex(c => c.Kind == CellKind.Code));
        document.Cells.Insert(at, cell);
        return warnings;
    }

    /// <summary>The variables a parameters cell declares, with their C# type (as written, or inferred for var).</summary>
    internal static Dictionary<string, string> Declarations(string source)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match m in Declaration().Matches(source))
        {
            var type = m.Groups["type"].Value;
            if (type == "var")
            {
                type = Infer(m.Groups["init"].Value.Trim());
            }
            result[m.Groups["name"].Value] = type.TrimEnd('?');
        }
        return result;
    }

    private static string Infer(string init) => init switch
    {
        _ when init.StartsWith('"') || init.StartsWith("@\"", StringComparison.Ordinal) || init.StartsWith("$\"", StringComparison.Ordinal) => "string",
        "true" or "false" => "bool",
        _ when init.StartsWith("DateOnly", StringComparison.Ordinal) || init.StartsWith("new DateOnly", StringComparison.Ordinal) => "DateOnly",
        _ when init.StartsWith("DateTime", StringComparison.Ordinal) || init.StartsWith("new DateTime", StringComparison.Ordinal) => "DateTime",
        _ when init.EndsWith('m') || init.EndsWith('M') => "decimal",
        _ when long.TryParse(init, NumberStyles.Integer, CultureInfo.InvariantCulture, out _) => "int",
        _ when double.TryParse(init.TrimEnd('d', 'D'), NumberStyles.Float, CultureInfo.InvariantCulture, out _) => "double",
        _ => "string",
    };

    internal static string Literal(string type, string value, string name)
    {
        static ArgumentException Bad(string name, string value, string type) =>
            new($"parameter '{name}': '{value}' is not a valid {type}");

        var inv = CultureInfo.InvariantCulture;
        switch (type)
        {
            case "string" or "String":
                return StringLiteral(value);
            case "bool" or "Boolean":
                return bool.TryParse(value, out var b) ? (b ? "true" : "false") : throw Bad(name, value, type);
            case "int" or "Int32":
                return int.TryParse(value, NumberStyles.Integer, inv, out var i) ? i.ToString(inv) : throw Bad(name, value, type);
            case "long" or "Int64":
                return long.TryParse(value, NumberStyles.Integer, inv, out var l) ? l.ToString(inv) + "L" : throw Bad(name, value, type);
            case "double" or "Double":
                return double.TryParse(value, NumberStyles.Float, inv, out var d) ? d.ToString("R", inv) + "d" : throw Bad(name, value, type);
            case "decimal" or "Decimal":
                return decimal.TryParse(value, NumberStyles.Float, inv, out var m) ? m.ToString(inv) + "m" : throw Bad(name, value, type);
            case "DateOnly":
                return DateOnly.TryParseExact(value, "yyyy-MM-dd", inv, DateTimeStyles.None, out var day)
                    ? $"new DateOnly({day.Year}, {day.Month}, {day.Day})"
                    : throw Bad(name, value, "DateOnly (yyyy-MM-dd)");
            case "DateTime":
                return DateTime.TryParse(value, inv, DateTimeStyles.RoundtripKind, out var time)
                    ? $"DateTime.Parse({StringLiteral(time.ToString("O", inv))}, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind)"
                    : throw Bad(name, value, type);
            default:
                return StringLiteral(value);
        }
    }

    internal static string StringLiteral(string value)
    {
        var builder = new StringBuilder("\"");
        foreach (var ch in value)
        {
            builder.Append(ch switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\0' => "\\0",
                _ when char.IsControl(ch) => $"\\u{(int)ch:x4}",
                _ => ch.ToString(),
            });
        }
        return builder.Append('"').ToString();
    }

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"^\s*(?:const\s+)?(?<type>[A-Za-z_][A-Za-z0-9_.]*\??)\s+(?<name>[A-Za-z_][A-Za-z0-9_]*)\s*=\s*(?<init>[^;\n]+);", RegexOptions.Multiline)]
    private static partial Regex Declaration();
}
