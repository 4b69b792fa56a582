using System.Text;
using Parley.Actors;

namespace Parley.Tests.Actors;

public class GazetteerTests
{
    private static readonly Gazetteer G = Gazetteer.Default;

    [Theory]
    [InlineData("vladimir-putin"), InlineData("dmitry-peskov"), InlineData("sergei-lavrov"), InlineData("yuri-ushakov")]
    [InlineData("kirill-dmitriev"), InlineData("maria-zakharova"), InlineData("vladimir-medinsky"), InlineData("volodymyr-zelensky")]
    [InlineData("andriy-yermak"), InlineData("andrii-sybiha"), InlineData("rustem-umerov"), InlineData("dmytro-kuleba")]
    [InlineData("donald-trump"), InlineData("jd-vance"), InlineData("marco-rubio"), InlineData("steve-witkoff")]
    [InlineData("keith-kellogg"), InlineData("pete-hegseth"), InlineData("karoline-leavitt"), InlineData("emmanuel-macron")]
    [InlineData("keir-starmer"), InlineData("friedrich-merz"), InlineData("ursula-von-der-leyen"), InlineData("kaja-kallas")]
    [InlineData("mark-rutte"), InlineData("antonio-costa"), InlineData("giorgia-meloni"), InlineData("recep-tayyip-erdogan")]
    [InlineData("viktor-orban"), InlineData("kremlin"), InlineData("russian-foreign-ministry"), InlineData("white-house")]
    [InlineData("us-state-department"), InlineData("ukrainian-presidential-office"), InlineData("ukrainian-foreign-ministry")]
    [InlineData("european-commission"), InlineData("nato"), InlineData("government-of-russia"), InlineData("government-of-ukraine")]
    [InlineData("government-of-united-states")]
    public void Default_gazetteer_has_every_agreed_actor(string id) => Assert.Contains(id, G.ActorIds);

    [Theory]
    [InlineData("Zelensky"), InlineData("Zelenskyy"), InlineData("Zelenskiy"), InlineData("ZELENSKY"), InlineData("Volodymyr Zelenskyy")]
    [InlineData("Ukrainian President Volodymyr Zelensky"), InlineData("Mr. Zelensky"), InlineData("Zelensky’s")]
    public void Transliterations_titles_and_case_resolve_to_one_actor(string mention)
    {
        var match = G.Resolve(mention, new DateOnly(2025, 3, 1));
        Assert.NotNull(match);
        Assert.Equal("volodymyr-zelensky", match.ActorId);
        Assert.Equal("Volodymyr Zelensky", match.Name);
        Assert.Equal("Ukraine", match.Party);
        Assert.True(match.IsPerson);
    }

    [Fact]
    public void Role_nouns_follow_the_date_ranges()
    {
        Assert.Equal("olaf-scholz", G.Resolve("the German chancellor", new DateOnly(2025, 2, 1))!.ActorId);
        Assert.Equal("friedrich-merz", G.Resolve("the German chancellor", new DateOnly(2025, 8, 1))!.ActorId);
        Assert.Equal("dmytro-kuleba", G.Resolve("Ukraine's foreign minister", new DateOnly(2024, 6, 1))!.ActorId);
        Assert.Equal("andrii-sybiha", G.Resolve("Ukraine's foreign minister", new DateOnly(2025, 6, 1))!.ActorId);
        Assert.Equal("joe-biden", G.Resolve("the U.S. president", new DateOnly(2024, 6, 1))!.ActorId);
        Assert.Equal("donald-trump", G.Resolve("the U.S. president", new DateOnly(2025, 6, 1))!.ActorId);
    }

    [Fact]
    public void A_person_speaks_for_a_party_only_while_holding_a_role()
    {
        Assert.Equal("Ukraine", G.Resolve("Kuleba", new DateOnly(2024, 3, 1))!.Party);
        var later = G.Resolve("Kuleba", new DateOnly(2025, 3, 1))!;
        Assert.Equal("dmytro-kuleba", later.ActorId);
        Assert.Equal("Unknown", later.Party);
    }

    [Fact]
    public void Role_with_no_holder_on_the_day_resolves_to_nobody()
    {
        Assert.Null(G.Resolve("the Ukrainian foreign minister", new DateOnly(2019, 1, 1)));
    }

    [Theory]
    [InlineData("Kyiv", "government-of-ukraine", "Ukraine", false)]
    [InlineData("Kiev", "government-of-ukraine", "Ukraine", false)]
    [InlineData("the Kremlin", "kremlin", "Russia", false)]
    [InlineData("the White House", "white-house", "United States", false)]
    [InlineData("Washington", "government-of-united-states", "United States", false)]
    [InlineData("the Kremlin spokesman", "dmitry-peskov", "Russia", true)]
    public void Capitals_institutions_and_role_nouns(string mention, string id, string party, bool person)
    {
        var match = G.Resolve(mention, new DateOnly(2025, 5, 1))!;
        Assert.Equal(id, match.ActorId);
        Assert.Equal(party, match.Party);
        Assert.Equal(person, match.IsPerson);
    }

    [Theory]
    [InlineData(""), InlineData("   "), InlineData("a farmer in Sumy"), InlineData("Olena Kovalenko")]
    public void Unknown_mentions_resolve_to_nobody(string mention) => Assert.Null(G.Resolve(mention));

    [Fact]
    public void Affiliation_words_give_the_party_of_anonymous_sources()
    {
        Assert.Equal("Ukraine", G.AffiliationParty("a source close to the Ukrainian government"));
        Assert.Equal("Europe", G.AffiliationParty("a senior European official"));
        Assert.Equal("United States", G.AffiliationParty("two U.S. officials"));
        Assert.Null(G.AffiliationParty("a diplomat"));
    }

    [Fact]
    public void Another_gazetteer_file_can_be_loaded()
    {
        var json = """
            {"version": "test", "actors": [
              {"id": "ana-ruiz", "name": "Ana Ruiz", "type": "person", "gender": "female", "party": null,
               "aliases": ["Ruiz"], "roles": [{"title": "Mediator", "party": "Other", "from": "2025-01-01", "nouns": ["the mediator"]}]}],
             "affiliations": {"Other": ["Swiss"]}}
            """;
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, json);
            var g = Gazetteer.Load(path);
            Assert.Equal("test", g.Version);
            Assert.Equal("ana-ruiz", g.Resolve("the mediator", new DateOnly(2025, 2, 1))!.ActorId);
            Assert.Equal("Other", g.Resolve("Ruiz", new DateOnly(2025, 2, 1))!.Party);
            Assert.Equal("Unknown", g.Resolve("Ruiz", new DateOnly(2024, 2, 1))!.Party);
            Assert.Null(g.Resolve("Zelensky"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("{\"actors\": []}")]
    [InlineData("{\"actors\": [{\"id\": \"x\", \"name\": \"X\"}, {\"id\": \"x\", \"name\": \"Y\"}]}")]
    public void Invalid_gazetteer_is_a_clear_error(string json)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        Assert.Throws<InvalidDataException>(() => Gazetteer.Parse(stream, "test.json"));
    }
}
