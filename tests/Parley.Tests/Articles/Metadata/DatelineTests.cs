using System.Text;
using Parley.Articles;

namespace Parley.Tests.Articles.Metadata;

public class DatelineTests
{
    [Fact]
    public void A_dateline_opening_a_long_first_paragraph_gives_the_publication_day()
    {
        const string page = """
            <!doctype html><html><head><title>Envoys agree to meet again</title></head><body>
            <article><h1>Envoys agree to meet again</h1>
            <p>By Dana Reyes, staff correspondent</p>
            <p>GENEVA, Switzerland, March 3, 2025 — Envoys from Washington and Kyiv agreed on Monday to meet again within a week,
            after six hours of talks that officials on both sides described as businesslike but short of a breakthrough.</p>
            <p>The next round, a European diplomat said, would focus on a maritime ceasefire and on prisoner exchanges.</p>
            </article></body></html>
            """;
        var article = new ArticleExtractor().Extract(page).Article!;
        Assert.Equal("2025-03-03", article.Published.ToString());
        Assert.Contains("publication date taken from the visible dateline", article.Warnings);
    }

    [Fact]
    public void A_wire_file_whose_dateline_has_no_year_takes_the_day_from_its_file_name()
    {
        const string file = "Talks resume in Jeddah\n\nJEDDAH, March 11 (Example Wire) - Delegations met on Tuesday for a second day of talks on a ceasefire.\n\nThe talks will continue, officials said.\n";
        var article = new ArticleExtractor().ExtractBytes(Encoding.UTF8.GetBytes(file), "/corpus/2025-03-11-example-jeddah.txt").Article!;
        Assert.Equal("2025-03-11", article.Published.ToString());
        Assert.Contains("publication date taken from the file name", article.Warnings);
    }
}
