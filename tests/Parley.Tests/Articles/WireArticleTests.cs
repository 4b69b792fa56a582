using System.Text;
using Parley.Articles;

namespace Parley.Tests.Articles;

public sealed class WireArticleTests
{
    private static Article Read(string file)
    {
        var r = new ArticleExtractor().ExtractBytes(Encoding.UTF8.GetBytes(file), "story.txt");
        Assert.True(r.Succeeded, r.Error);
        return r.Article!;
    }

    [Fact]
    public void Text_is_the_whole_file_with_only_crlf_changed()
    {
        const string file = "Title line\r\n\r\nFirst  paragraph\u00A0with odd spacing.\r\n";
        Assert.Equal("Title line\n\nFirst  paragraph\u00A0with odd spacing.\n", Read(file).Text);
    }

    [Fact]
    public void Single_line_breaks_separate_paragraphs_when_the_file_has_no_blank_lines()
    {
        var a = Read("Title line\nA second line that ends with a period.\nThird line of text.\nFourth line.");
        Assert.Equal("Title line", a.Title);
        Assert.Null(a.Subtitle);
        Assert.Equal(["A second line that ends with a period.", "Third line of text.", "Fourth line."], a.Paragraphs);
    }

    [Fact]
    public void A_short_second_line_without_a_final_period_is_the_subtitle()
    {
        var a = Read("Title line\nA short dek\n\nBody paragraph one.\n\nBody paragraph two.");
        Assert.Equal("A short dek", a.Subtitle);
        Assert.Equal(["Body paragraph one.", "Body paragraph two."], a.Paragraphs);
    }

    [Fact]
    public void Trailing_copyright_lines_move_to_metadata()
    {
        var a = Read("Title\n\nThe only paragraph.\n\nCopyright 2025 Example Wire. Do not reproduce without permission.\n");
        Assert.Equal(["The only paragraph."], a.Paragraphs);
        Assert.Equal("Copyright 2025 Example Wire. Do not reproduce without permission.", a.Copyright);
        Assert.Null(a.SyndicatedFrom);
    }
}
