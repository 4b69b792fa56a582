using System.Text;
using System.Text.Json;

namespace Parley.Cli.Tests.Commands;

[Collection("console")]
public sealed class StatementsCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("parley-statements-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }

    private static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        var originalOut = Console.Out;
        var originalErr = Console.Error;
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        Console.SetOut(stdout);
        Console.SetError(stderr);
        try
        {
            int code = await ParleyApp.RunAsync(args);
            return (code, stdout.ToString(), stderr.ToString());
        }
        finally
        {
            Console.SetOut(originalOut);
            Console.SetError(originalErr);
        }
    }

    private const string Wire = "Ceasefire talks\n\n\"We are ready to sign,\" Zelensky told reporters.\n\nPeskov said the Kremlin needed more time.\n";

    [Fact]
    public async Task Jsonl_records_carry_the_contract_fields_with_offsets_into_the_file()
    {
        var path = Write("wire.txt", Wire);
        var (code, stdout, stderr) = await Run("statements", path);

        Assert.Equal(0, code);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        var r = first.RootElement;
        Assert.Equal("quote", r.GetProperty("kind").GetString());
        Assert.Equal("We are ready to sign", r.GetProperty("text").GetString());
        int start = r.GetProperty("start").GetInt32(), end = r.GetProperty("end").GetInt32();
        Assert.Equal("We are ready to sign", Wire[start..end]);
        Assert.Equal("told", r.GetProperty("cue").GetString());
        Assert.Equal("Zelensky", r.GetProperty("speakerMention").GetString());
        Assert.Equal("Zelensky", Wire[r.GetProperty("speakerMentionStart").GetInt32()..r.GetProperty("speakerMentionEnd").GetInt32()]);
        Assert.Equal("Volodymyr Zelensky", r.GetProperty("speaker").GetString());
        Assert.Equal("volodymyr-zelensky", r.GetProperty("actorId").GetString());
        Assert.Equal("Ukraine", r.GetProperty("party").GetString());
        Assert.Equal(path, r.GetProperty("source").GetString());
        foreach (var field in new[] { "articleId", "url", "date", "published", "confidence" })
            Assert.True(r.TryGetProperty(field, out _), field);
        using var second = JsonDocument.Parse(lines[1]);
        Assert.Equal("dmitry-peskov", second.RootElement.GetProperty("actorId").GetString());
        Assert.Contains("2 statements from 1 articles (0 failed)", stderr);
    }

    [Fact]
    public async Task Csv_has_a_header_and_a_missing_file_fails_without_stopping_the_rest()
    {
        var path = Write("wire.txt", Wire);
        var (code, stdout, stderr) = await Run("statements", path, Path.Combine(_dir, "missing.html"), "--format", "csv");

        Assert.Equal(1, code);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("id,articleId,source,url,date,published,kind,text,start,end,cue,speakerMention", lines[0]);
        Assert.Contains(",quote,We are ready to sign,", lines[1]);
        Assert.Contains("missing.html", stderr);
        Assert.Contains("(1 failed)", stderr);
    }

    [Fact]
    public async Task Unreadable_gazetteer_is_a_clear_error()
    {
        var path = Write("wire.txt", Wire);
        var bad = Write("actors.json", "{ not json");
        var (code, stdout, stderr) = await Run("statements", path, "--gazetteer", bad);
        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Contains("cannot read gazetteer", stderr);
    }

    [Fact]
    public async Task Polnear_units_join_a_quotation_that_goes_on_after_its_attribution()
    {
        var path = Write("turn.txt", "Talks in Geneva\n\n\"We are ready to sign,\" Zelensky told reporters. \"The text is on the table and our delegation is waiting.\"\n");

        var (analystCode, analyst, _) = await Run("statements", path);
        var (polnearCode, polnear, _) = await Run("statements", path, "--units", "polnear");

        Assert.Equal(0, analystCode);
        Assert.Equal(0, polnearCode);
        Assert.Equal(2, analyst.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        var joined = Assert.Single(polnear.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        using var doc = JsonDocument.Parse(joined);
        var text = doc.RootElement.GetProperty("text").GetString()!;
        Assert.StartsWith("We are ready to sign", text);
        Assert.EndsWith("our delegation is waiting.", text);
        Assert.Equal("Volodymyr Zelensky", doc.RootElement.GetProperty("speaker").GetString());
    }

    [Fact]
    public async Task Unknown_units_are_refused()
    {
        var path = Write("wire.txt", Wire);
        var (code, stdout, stderr) = await Run("statements", path, "--units", "sentences");
        Assert.NotEqual(0, code);
        Assert.Empty(stdout);
        Assert.Contains("--units is analyst or polnear", stderr);
    }
}
