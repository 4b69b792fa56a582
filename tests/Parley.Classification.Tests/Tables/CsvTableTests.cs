using Parley.Classification;
using Parley.Classification.Tables;

namespace Parley.Classification.Tests.Tables;

public sealed class CsvTableTests
{
    [Fact]
    public void Quoted_fields_keep_delimiters_quotes_and_newlines()
    {
        var table = CsvTable.Parse("id,text\r\n1,\"He said \"\"no\"\", then left,\r\nangry\"\r\n2,plain\n");

        Assert.Equal(["id", "text"], table.Header);
        Assert.Equal(2, table.Rows.Count);
        Assert.Equal("He said \"no\", then left,\r\nangry", table.Rows[0][1]);
        Assert.Equal("plain", table.Rows[1][1]);
    }

    [Fact]
    public void Tabs_in_the_header_make_it_a_tsv()
    {
        var table = CsvTable.Parse("Tweet\tStance\nA, B and C\tFAVOR\n");

        Assert.Equal('\t', table.Delimiter);
        Assert.Equal("A, B and C", table.Rows[0][0]);
        Assert.Equal("FAVOR", table.Values("Stance")[0]);
    }

    [Fact]
    public void A_missing_column_is_named_with_the_columns_there_are()
    {
        var table = CsvTable.Parse("id,text\n1,hello\n", "data.csv");

        var error = Assert.Throws<DataFileException>(() => table.Column("label"));

        Assert.Equal("data.csv: column 'label' not found. Columns are: 'id', 'text'.", error.Message);
    }

    [Fact]
    public void Column_names_match_ignoring_case_when_nothing_matches_exactly()
    {
        Assert.Equal(1, CsvTable.Parse("id,Text\n1,x\n").Column("text"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("\r\n\r\n")]
    public void An_empty_file_is_reported(string text)
    {
        var error = Assert.Throws<DataFileException>(() => CsvTable.Parse(text, "empty.csv"));
        Assert.Equal("empty.csv: the file is empty.", error.Message);
    }

    [Fact]
    public void A_header_without_rows_is_reported()
    {
        var error = Assert.Throws<DataFileException>(() => CsvTable.Parse("text,label\n", "header.csv"));
        Assert.Contains("no data rows", error.Message);
    }

    [Fact]
    public void Short_rows_are_padded_to_the_header()
    {
        var table = CsvTable.Parse("a,b,c\n1,2\n");
        Assert.Equal(["1", "2", ""], table.Rows[0]);
    }

    [Fact]
    public void Written_records_quote_only_what_needs_it()
    {
        var writer = new StringWriter();
        CsvWriter.WriteRecord(writer, ["plain", "a,b", "say \"hi\"", "two\nlines"]);
        Assert.Equal("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n", writer.ToString());
    }

    [Fact]
    public void Written_records_read_back_unchanged()
    {
        string[][] records = [["id", "text"], ["1", "x,\"y\"\r\nz"], ["2", ""]];
        var writer = new StringWriter();
        foreach (var r in records)
            CsvWriter.WriteRecord(writer, r);

        var table = CsvTable.Parse(writer.ToString());

        Assert.Equal(records[1], table.Rows[0]);
        Assert.Equal(records[2], table.Rows[1]);
    }
}
