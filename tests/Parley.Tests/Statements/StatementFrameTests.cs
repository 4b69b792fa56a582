using Parley.Statements;

namespace Parley.Tests.Statements;

public class StatementFrameTests
{
    [Fact]
    public void Frame_has_one_row_per_statement_and_the_documented_columns()
    {
        var statements = Extract.From("Putin said Russia was ready. “We are not,” Zelensky said.");
        var frame = StatementFrame.ToDataFrame(statements);
        Assert.Equal(2, frame.Rows.Count);
        Assert.Equal(StatementFrame.Columns, frame.Columns.Select(c => c.Name));
        Assert.Equal("Russia", frame["party"][0]);
        Assert.Equal("Ukraine", frame["party"][1]);
        Assert.Equal("quote", frame["kind"][1]);
        Assert.Equal("2025-03-04", frame["date"][0]);
    }

    [Fact]
    public void Empty_input_gives_an_empty_frame_with_the_columns()
    {
        var frame = StatementFrame.ToDataFrame([]);
        Assert.Equal(0, frame.Rows.Count);
        Assert.Equal(StatementFrame.Columns.Count, frame.Columns.Count);
    }
}
