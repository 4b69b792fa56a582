using System.Text.Json.Nodes;
using Parley.Classification.Statements;
using Parley.Statements;

namespace Parley.Classification.Tests.Statements;

public sealed class StatementLinesTests
{
    [Fact]
    public void A_record_with_only_text_and_a_mention_is_read()
    {
        var line = StatementLines.Parse("""{"text":"No truce until they withdraw.","speakerMention":"the Kremlin spokesman"}""", 1);

        Assert.Null(line.Error);
        Assert.Equal("No truce until they withdraw.", line.Statement!.Text);
        Assert.Equal("the Kremlin spokesman", line.Statement.SpeakerMention);
        Assert.Null(line.Statement.Speaker);
        Assert.Equal("Unknown", line.Statement.Party);
    }

    [Theory]
    [InlineData("{not json", "not valid JSON")]
    [InlineData("[1,2]", "not a JSON object")]
    [InlineData("""{"speaker":"Putin"}""", "no \"text\"")]
    public void A_bad_line_is_an_error_value_naming_the_line(string json, string expected)
    {
        var line = StatementLines.Parse(json, 7);

        Assert.Null(line.Statement);
        Assert.StartsWith("line 7:", line.Error);
        Assert.Contains(expected, line.Error);
    }

    [Fact]
    public void Classification_is_added_and_every_other_field_is_kept()
    {
        var record = (JsonObject)JsonNode.Parse("""{"id":"s1","text":"Hi.","site":"Example","speaker":null,"speakerMention":"the Kremlin spokesman","custom":42}""")!;
        var classified = new Statement
        {
            Id = "s1", ArticleId = "", Text = "Hi.", Speaker = "Dmitry Peskov", ActorId = "dmitry-peskov", Party = "Russia",
            PartySource = "gazetteer", Issue = "nato", Stance = "oppose", StanceScore = 0.8,
            Stances = [new IssueStance("nato", "oppose", 0.8, 0.7)],
        };

        var output = StatementLines.Apply(record, classified);

        Assert.Equal(42, (int)output["custom"]!);
        Assert.Equal("Example", (string)output["site"]!);
        Assert.Equal("Dmitry Peskov", (string)output["speaker"]!);
        Assert.Equal("nato", (string)output["issue"]!);
        Assert.Equal("oppose", (string)output["stance"]!);
        Assert.Equal(0.8, (double)output["stanceScore"]!);
        Assert.Equal("gazetteer", (string)output["partySource"]!);
        Assert.Equal("nato", (string)output["stances"]![0]!["issue"]!);
        Assert.Equal(0.7, (double)output["stances"]![0]!["issueScore"]!);
    }
}
