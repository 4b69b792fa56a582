using Parley.Testing;
using Microsoft.Data.Analysis;
using Parley.Articles;

namespace Parley.Tests.Articles;

public sealed class ArticleFrameTests
{
    private static Article Full() => new()
    {
        Id = "abc123",
        Source = "data/a.html",
        Url = "https://news.example/a",
        CanonicalUrl = "https://news.example/a",
        Site = "Example News",
        Title = "Talks resume",
        Subtitle = "A second round",
        Authors = ["Jane Doe", "John Roe"],
        Published = new ArticleDate(new DateTimeOffset(2025, 3, 4, 23, 30, 0, TimeSpan.FromHours(-5)), true, true),
        Modified = ArticleDate.FromDay(new DateOnly(2025, 3, 5)),
        Language = "en",
        Paragraphs = ["First paragraph.", "Second paragraph."],
        Text = "First paragraph.\n\nSecond paragraph.",
        SyndicatedFrom = "Example Wire",
        Copyright = "© 2025 Example Wire",
        WordCount = 4,
        Warnings = ["no author found", "title taken from <title>"],
    };

    [Fact]
    public void Frame_has_one_row_per_article_with_typed_columns()
    {
        var frame = ArticleFrame.ToDataFrame([Full(), Some.Article()]);
        Assert.Equal(2, frame.Rows.Count);
        Assert.IsType<PrimitiveDataFrameColumn<DateTime>>(frame.Columns["published"]);
        Assert.IsType<PrimitiveDataFrameColumn<int>>(frame.Columns["wordCount"]);
        // The day the page shows, not shifted to UTC (23:30 at UTC-5 is still the 4th there).
        Assert.Equal(new DateTime(2025, 3, 4, 23, 30, 0), frame.Columns["published"][0]);
        Assert.Equal("Jane Doe; John Roe", frame.Columns["authors"][0]);
        Assert.Null(frame.Columns["modified"][1]);
    }

    [Fact]
    public void Articles_survive_a_round_trip_through_a_frame()
    {
        var original = Full();
        var back = ArticleFrame.FromDataFrame(ArticleFrame.ToDataFrame([original])).Single();
        Assert.Equal(original.Id, back.Id);
        Assert.Equal(original.Title, back.Title);
        Assert.Equal(original.Authors, back.Authors);
        Assert.Equal(original.Published, back.Published);
        Assert.Equal(original.Modified, back.Modified);
        Assert.Equal(original.Paragraphs, back.Paragraphs);
        Assert.Equal(original.Text, back.Text);
        Assert.Equal(original.Warnings, back.Warnings);
        Assert.Equal(original.WordCount, back.WordCount);
        Assert.Equal(original.SyndicatedFrom, back.SyndicatedFrom);
    }

    [Fact]
    public void Empty_input_gives_an_empty_frame_with_the_columns()
    {
        var frame = ArticleFrame.ToDataFrame([]);
        Assert.Equal(0, frame.Rows.Count);
        Assert.Contains(frame.Columns, c => c.Name == "title");
    }
}
