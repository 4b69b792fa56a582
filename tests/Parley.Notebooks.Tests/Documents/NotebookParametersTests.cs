using Parley.Notebooks.Documents;

namespace Parley.Notebooks.Tests.Documents;

public sealed class NotebookParametersTests
{
    private static NotebookDocument Document(params NotebookCell[] cells) => new("/tmp/report.ipynb", cells);

    private static NotebookCell Parameters(string source) =>
        new(CellKind.Code, source, new System.Text.Json.Nodes.JsonObject { ["tags"] = new System.Text.Json.Nodes.JsonArray("parameters") });

    [Fact]
    public void Injected_cell_goes_right_after_the_parameters_cell_with_typed_literals()
    {
        var document = Document(
            new NotebookCell(CellKind.Markdown, "# Report"),
            Parameters("var corpus = \"../data/demo\";\nint folds = 5;\ndouble threshold = 0.5;\nvar from = new DateOnly(2025, 1, 1);\nbool verbose = false;"),
            new NotebookCell(CellKind.Code, "Console.WriteLine(corpus);"));

        var warnings = NotebookParameters.Inject(document, NotebookParameters.ParsePairs(
            ["corpus=/data/my \"corpus\"", "folds=10", "threshold=0.75", "from=2025-03-01", "verbose=true"]));

        Assert.Empty(warnings);
        Assert.Equal(4, document.Cells.Count);
        var injected = document.Cells[2];
        Assert.True(injected.HasTag("injected-parameters"));
        Assert.Equal(
            "// Parameters injected by `parley notebook run`\n" +
            "corpus = \"/data/my \\\"corpus\\\"\";\n" +
            "folds = 10;\n" +
            "threshold = 0.75d;\n" +
            "from = new DateOnly(2025, 3, 1);\n" +
            "verbose = true;",
            injected.Source);
        Assert.Equal("Console.WriteLine(corpus);", document.Cells[3].Source);
    }

    [Fact]
    public void Value_that_does_not_fit_the_declared_type_is_an_error()
    {
        var document = Document(Parameters("int folds = 5;"));

        var error = Assert.Throws<ArgumentException>(() => NotebookParameters.Inject(document, NotebookParameters.ParsePairs(["folds=many"])));

        Assert.Contains("folds", error.Message);
        Assert.Contains("many", error.Message);
    }

    [Fact]
    public void Undeclared_parameter_is_injected_as_a_string_with_a_warning()
    {
        var document = Document(Parameters("var issue = \"nato\";"), new NotebookCell(CellKind.Code, "issue"));

        var warnings = NotebookParameters.Inject(document, NotebookParameters.ParsePairs(["period=month"]));

        Assert.Single(warnings);
        Assert.Contains("period", warnings[0]);
        Assert.Equal("// Parameters injected by `parley notebook run`\nvar period = \"month\";", document.Cells[1].Source);
    }

    [Fact]
    public void Without_parameters_nothing_is_injected()
    {
        var document = Document(Parameters("var issue = \"nato\";"));

        NotebookParameters.Inject(document, []);

        Assert.Single(document.Cells);
    }

    [Theory]
    [InlineData("issue")]
    [InlineData("=nato")]
    [InlineData("2issue=nato")]
    public void Malformed_pair_is_rejected(string pair) =>
        Assert.Throws<ArgumentException>(() => NotebookParameters.ParsePairs([pair]));

    [Fact]
    public void Value_may_contain_equals_signs() =>
        Assert.Equal("a=b", NotebookParameters.ParsePairs(["query=a=b"])[0].Value);
}
