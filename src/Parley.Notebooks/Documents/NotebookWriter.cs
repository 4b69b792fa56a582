using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Parley.Notebooks.Documents;

/// <summary>Writes a notebook as nbformat 4.5 JSON, with the outputs the runner collected.</summary>
internal static class NotebookWriter
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        IndentSize = 1,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string ToIpynb(NotebookDocument document)
    {
        var metadata = document.Metadata.DeepClone().AsObject();
        metadata["kernelspec"] ??= new JsonObject
        {
            ["display_name"] = JupyterKernelSpec.DisplayName,
            ["language"] = "csharp",
            ["name"] = JupyterKernelSpec.DefaultName,
        };
        metadata["language_info"] ??= new JsonObject
        {
            ["name"] = "csharp",
            ["file_extension"] = ".cs",
            ["mimetype"] = "text/x-csharp",
        };
        var cells = new JsonArray();
        var index = 0;
        foreach (var cell in document.Cells)
        {
            var json = new JsonObject
            {
                ["cell_type"] = cell.Kind switch { CellKind.Code => "code", CellKind.Markdown => "markdown", _ => "raw" },
                ["id"] = cell.Id ?? $"cell-{index:D3}",
                ["metadata"] = cell.Metadata.DeepClone(),
                ["source"] = NotebookReader.SplitSource(cell.Source),
            };
            if (cell.Kind == CellKind.Code)
            {
                json["execution_count"] = cell.ExecutionCount;
                json["outputs"] = new JsonArray(cell.Outputs.Select(o => (JsonNode)o.DeepClone()).ToArray());
            }
            cells.Add(json);
            index++;
        }
        var root = new JsonObject
        {
            ["cells"] = cells,
            ["metadata"] = metadata,
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        };
        return root.ToJsonString(Indented) + "\n";
    }
}
