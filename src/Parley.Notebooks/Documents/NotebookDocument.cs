using System.Text.Json.Nodes;

namespace Parley.Notebooks.Documents;

/// <summary>What a notebook cell holds.</summary>
internal enum CellKind
{
    Code,
    Markdown,
    Raw,
}

/// <summary>One cell: its source, tags and, once run, its outputs as nbformat 4 output objects.</summary>
/// <remarks>
/// <see cref="Metadata"/> is the cell's nbformat metadata, kept as read so that an executed notebook written back
/// loses nothing (tags, ids, editor state). Outputs follow nbformat 4: <c>stream</c>, <c>display_data</c>,
/// <c>execute_result</c> and <c>error</c> objects.
/// </remarks>
internal sealed class NotebookCell
{
    public NotebookCell(CellKind kind, string source, JsonObject? metadata = null, string? id = null)
    {
        Kind = kind;
        Source = source;
        Metadata = metadata ?? new JsonObject();
        Id = id;
    }

    public CellKind Kind { get; }

    public string Source { get; }

    public string? Id { get; }

    public JsonObject Metadata { get; }

    /// <summary>The kernel language of a code cell ("csharp" unless the document says otherwise).</summary>
    public string Language { get; init; } = "csharp";

    public List<JsonObject> Outputs { get; } = [];

    public int? ExecutionCount { get; set; }

    /// <summary>The cell's tags (<c>metadata.tags</c>).</summary>
    public IReadOnlyList<string> Tags =>
        Metadata["tags"] is JsonArray tags
            ? tags.Select(t => t?.GetValue<string>() ?? "").Where(t => t.Length > 0).ToList()
            : [];

    public bool HasTag(string tag) => Tags.Contains(tag, StringComparer.Ordinal);
}

/// <summary>A notebook read from <c>.ipynb</c> or <c>.dib</c>: cells in order plus the document metadata.</summary>
internal sealed class NotebookDocument
{
    public NotebookDocument(string path, IEnumerable<NotebookCell> cells, JsonObject? metadata = null)
    {
        Path = path;
        Cells = cells.ToList();
        Metadata = metadata ?? new JsonObject();
    }

    /// <summary>Where the notebook was read from (full path).</summary>
    public string Path { get; }

    public List<NotebookCell> Cells { get; }

    public JsonObject Metadata { get; }

    /// <summary>The notebook's name without folder and extension (the stem of the output files).</summary>
    public string Name => System.IO.Path.GetFileNameWithoutExtension(Path);
}
