namespace Parley.Tests.Labels;

public class Rfc4180Tests
{
    [Fact]
    public void Quoted_fields_keep_commas_doubled_quotes_and_line_breaks()
    {
        var records = Rfc4180.Parse("a,b,c\r\n1,\"x, y\",\"he said \"\"no\"\"\"\r\n2,\"two\r\nlines\",\r\n");

        Assert.Equal(3, records.Count);
        Assert.Equal(["a", "b", "c"], records[0]);
        Assert.Equal(["1", "x, y", "he said \"no\""], records[1]);
        Assert.Equal(["2", "two\r\nlines", ""], records[2]);
    }

    [Fact]
    public void Last_record_without_a_line_break_is_kept()
    {
        var records = Rfc4180.Parse("a,b\nc,d");

        Assert.Equal([["a", "b"], ["c", "d"]], records);
    }

    [Fact]
    public void Unclosed_quote_is_an_error()
    {
        Assert.Throws<FormatException>(() => Rfc4180.Parse("a,\"b\r\nc,d\r\n"));
    }

    [Fact]
    public void Stray_quote_in_an_unquoted_field_is_an_error()
    {
        Assert.Throws<FormatException>(() => Rfc4180.Parse("a,b\"c\r\n"));
    }
}
