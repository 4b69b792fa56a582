using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.DotNet.Interactive.Documents;

namespace Parley.Notebooks.Documents;

/// <summary>Reads Jupyter <c>.ipynb</c> (nbformat 4) and Polyglot <c>.dib</c> notebooks into one model.</summary>
internal static class NotebookReader
{
    /// <summary>The tag (papermill's convention) that marks the cell holding a notebook's parameters.</summary>
    public const string ParametersTag = "parameters";

    /// <summary>The tag of the cell the runner inserts after the parameters cell.</summary>
    public const string InjectedParametersTag = "injected-parameters";

    /// <summary>Reads a notebook; the format comes from the extension (<c>.dib</c>, else <c>.ipynb</c>).</summary>
    /// <exception cref="NotebookFormatException">The file is not a notebook this reader understands.</exception>
    public static async Task<NotebookDocument> ReadAsync(string path, CancellationToken ct = default)
    {
        var full = Path.GetFullPath(path);
        var text = await File.ReadAllTextAsync(full, ct);
        return Path.GetExtension(full).Equals(".dib", StringComparison.OrdinalIgnoreCase)
            ? ParseDib(full, text)
            : ParseIpynb(full, text);
    }

    /// <summary>Parses nbformat 4 JSON, keeping each cell's metadata and id.</summary>
    public static NotebookDocument ParseIpynb(string path, string json)
    {
        JsonObject root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true }) as JsonObject
                ?? throw new NotebookFormatException($"{path}: not a JSON object");
        }
        catch (JsonException ex)
        {
            throw new NotebookFormatException($"{path}: not valid notebook JSON: {ex.Message}");
        }
        var major = root["nbformat"]?.GetValue<int>() ?? 0;
        if (major != 4)
        {
            throw new NotebookFormatException($"{path}: nbformat {major} is not supported (only nbformat 4)");
        }
        var metadata = root["metadata"] as JsonObject ?? new JsonObject();
        var language = metadata["kernelspec"]?["language"]?.GetValue<string>()
            ?? metadata["language_info"]?["name"]?.GetValue<string>() ?? "csharp";
        var cells = new List<NotebookCell>();
        foreach (var node in root["cells"] as JsonArray ?? [])
        {
            if (node is not JsonObject cell)
            {
                continue;
            }
            var kind = cell["cell_type"]?.GetValue<string>() switch
            {
                "code" => CellKind.Code,
                "markdown" => CellKind.Markdown,
                _ => CellKind.Raw,
            };
            var cellMetadata = cell["metadata"]?.DeepClone() as JsonObject;
            // A Polyglot notebook records each cell's kernel in metadata.dotnet_interactive.language.
            var cellLanguage = cellMetadata?["dotnet_interactive"]?["language"]?.GetValue<string>()
                ?? cellMetadata?["polyglot_notebook"]?["kernelName"]?.GetValue<string>() ?? language;
            cells.Add(new NotebookCell(kind, JoinSource(cell["source"]), cellMetadata, cell["id"]?.GetValue<string>())
            {
                Language = NormalizeLanguage(cellLanguage),
            });
        }
        return new NotebookDocument(path, cells, metadata.DeepClone() as JsonObject);
    }

    /// <summary>Parses a <c>.dib</c> file with Microsoft.DotNet.Interactive.Documents.</summary>
    /// <remarks>
    /// A <c>.dib</c> cell has no metadata, so the parameters cell is the code cell whose first line is the comment
    /// <c>// parameters</c>.
    /// </remarks>
    public static NotebookDocument ParseDib(string path, string text)
    {
        var kernels = new KernelInfoCollection
        {
            new KernelInfo("csharp", "C#", ["c#", "C#", "cs"]),
            new KernelInfo("markdown", "Markdown", ["md"]),
        };
        kernels.DefaultKernelName = "csharp";
        var document = CodeSubmission.Parse(text, kernels);
        var cells = new List<NotebookCell>();
        foreach (var element in document.Elements)
        {
            var language = NormalizeLanguage(element.KernelName ?? "csharp");
            var kind = language == "markdown" ? CellKind.Markdown : CellKind.Code;
            var metadata = new JsonObject();
            if (kind == CellKind.Code && FirstLine(element.Contents).Equals("// parameters", StringComparison.OrdinalIgnoreCase))
            {
                metadata["tags"] = new JsonArray(ParametersTag);
            }
            cells.Add(new NotebookCell(kind, element.Contents, metadata) { Language = language });
        }
        return new NotebookDocument(path, cells);
    }

    private static string FirstLine(string text)
    {
        var end = text.IndexOf('\n');
        return (end < 0 ? text : text[..end]).Trim();
    }

    private static string NormalizeLanguage(string language) => language.ToLowerInvariant() switch
    {
        "c#" or "cs" or "csharp" => "csharp",
        "md" or "markdown" => "markdown",
        var other => other,
    };

    internal static string JoinSource(JsonNode? source) => source switch
    {
        JsonArray lines => string.Concat(lines.Select(l => l?.GetValue<string>() ?? "")),
        JsonValue value => value.GetValue<string>(),
        _ => "",
    };

    /// <summary>Splits text into nbformat's multiline-string form: lines that keep their newline.</summary>
    internal static JsonArray SplitSource(string text)
    {
        var array = new JsonArray();
        var builder = new StringBuilder();
        foreach (var ch in text)
        {
            builder.Append(ch);
            if (ch == '\n')
            {
                array.Add(builder.ToString());
                builder.Clear();
            }
        }
        if (builder.Length > 0)
        {
            array.Add(builder.ToString());
        }
        return array;
    }
}

/// <summary>A notebook file that cannot be read (not JSON, wrong nbformat, …).</summary>
internal sealed class NotebookFormatException(string message) : Exception(message);
