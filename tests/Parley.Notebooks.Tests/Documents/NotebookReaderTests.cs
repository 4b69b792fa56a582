using Parley.Notebooks.Documents;

namespace Parley.Notebooks.Tests.Documents;

public sealed class NotebookReaderTests
{
    [Fact]
    public async Task Dib_cells_keep_their_language_and_the_parameters_comment_tags_the_cell()
    {
        var document = await NotebookReader.ReadAsync(TestPaths.Fixture("dib", "greeting.dib"), TestContext.Current.CancellationToken);

        Assert.Equal("greeting", document.Name);
        Assert.Equal(3, document.Cells.Count);
        Assert.Equal(CellKind.Markdown, document.Cells[0].Kind);
        Assert.Equal("# A .dib notebook", document.Cells[0].Source.Trim());
        Assert.Equal(CellKind.Code, document.Cells[1].Kind);
        Assert.Equal("csharp", document.Cells[1].Language);
        Assert.True(document.Cells[1].HasTag("parameters"));
        Assert.False(document.Cells[2].HasTag("parameters"));
        Assert.Contains("from a dib", document.Cells[2].Source);
    }

    [Fact]
    public void Ipynb_source_as_line_list_or_string_reads_the_same()
    {
        const string json = """
            {"nbformat": 4, "nbformat_minor": 5, "metadata": {"kernelspec": {"language": "C#", "name": "x"}},
             "cells": [
               {"cell_type": "code", "metadata": {"tags": ["parameters"]}, "source": ["var a = 1;\n", "var b = 2;"], "outputs": []},
               {"cell_type": "code", "metadata": {}, "source": "a + b", "outputs": []}]}
            """;

        var document = NotebookReader.ParseIpynb("/tmp/sum.ipynb", json);

        Assert.Equal("var a = 1;\nvar b = 2;", document.Cells[0].Source);
        Assert.Equal("a + b", document.Cells[1].Source);
        Assert.True(document.Cells[0].HasTag("parameters"));
        Assert.All(document.Cells, c => Assert.Equal("csharp", c.Language));
    }

    [Fact]
    public void Old_nbformat_is_rejected_with_its_version()
    {
        var error = Assert.Throws<NotebookFormatException>(() => NotebookReader.ParseIpynb("/tmp/old.ipynb", """{"nbformat": 3, "worksheets": []}"""));

        Assert.Contains("nbformat 3", error.Message);
    }

    [Fact]
    public void Written_notebook_keeps_tags_and_splits_source_into_lines()
    {
        var document = NotebookReader.ParseIpynb("/tmp/a.ipynb", """
            {"nbformat": 4, "nbformat_minor": 5, "metadata": {},
             "cells": [{"cell_type": "code", "id": "p", "metadata": {"tags": ["parameters"]}, "source": "var a = 1;\nvar b = 2;", "outputs": []}]}
            """);
        document.Cells[0].ExecutionCount = 1;

        var written = System.Text.Json.Nodes.JsonNode.Parse(NotebookWriter.ToIpynb(document))!;

        var cell = written["cells"]![0]!;
        Assert.Equal("p", cell["id"]!.GetValue<string>());
        Assert.Equal("parameters", cell["metadata"]!["tags"]![0]!.GetValue<string>());
        Assert.Equal(["var a = 1;\n", "var b = 2;"], cell["source"]!.AsArray().Select(l => l!.GetValue<string>()));
        Assert.Equal(1, cell["execution_count"]!.GetValue<int>());
        Assert.Equal(4, written["nbformat"]!.GetValue<int>());
        Assert.Equal("parley-csharp", written["metadata"]!["kernelspec"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public void Markdown_renders_headings_lists_and_escapes_html()
    {
        var html = NotebookHtml.Markdown("# Who said what\n\n- **Russia** <b>x</b>\n- `Ukraine`\n\nA [link](https://example.org).");

        Assert.Equal(
            "<h1>Who said what</h1>\n<ul>\n<li><strong>Russia</strong> &lt;b&gt;x&lt;/b&gt;</li>\n<li><code>Ukraine</code></li>\n</ul>\n<p>A <a href=\"https://example.org\">link</a>.</p>\n",
            html);
    }
}
