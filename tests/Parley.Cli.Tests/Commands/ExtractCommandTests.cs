using System.Text;
using System.Text.Json;

namespace Parley.Cli.Tests.Commands;

[Collection("console")]
public sealed class ExtractCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("parley-extract-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private void Write(string name, string content) => File.WriteAllText(Path.Combine(_dir, name), content, new UTF8Encoding(false));

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

    [Fact]
    public async Task Every_input_gives_a_record_and_the_summary_adds_up()
    {
        Write("a-good.html", "<html><head><title>Good story</title></head><body><h1>Good story</h1><p>The body of a good story, long enough to count.</p></body></html>");
        Write("b-empty.html", "");
        Write("c-wire.txt", "Wire headline\n\nFirst paragraph of the wire story.\n");

        var (code, stdout, stderr) = await Run("extract", _dir);

        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        using var good = JsonDocument.Parse(lines[0]);
        Assert.Equal("Good story", good.RootElement.GetProperty("title").GetString());
        using var bad = JsonDocument.Parse(lines[1]);
        Assert.EndsWith("b-empty.html", bad.RootElement.GetProperty("source").GetString());
        Assert.Equal("empty file", bad.RootElement.GetProperty("error").GetString());
        using var wire = JsonDocument.Parse(lines[2]);
        Assert.Equal("Wire headline\n\nFirst paragraph of the wire story.\n", wire.RootElement.GetProperty("text").GetString());
        Assert.Contains("b-empty.html: empty file", stderr);
        Assert.Contains("read 3, extracted 2, failed 1", stderr);
        Assert.Equal(1, code);
    }

    [Fact]
    public async Task Csv_to_a_file_has_a_header_and_exit_code_zero_when_all_succeed()
    {
        Write("story.html", "<html><body><h1>Talks</h1><p>Negotiators met, and said little, on Tuesday.</p></body></html>");
        var output = Path.Combine(_dir, "out", "articles.csv");

        var (code, stdout, stderr) = await Run("extract", Path.Combine(_dir, "*.html"), "--format", "csv", "--out", output);

        Assert.Equal(0, code);
        Assert.Equal("", stdout);
        var csv = File.ReadAllText(output);
        Assert.StartsWith("id,source,url,canonicalUrl,site,title,subtitle,authors,published,modified,language,text,", csv);
        Assert.Contains("\"Negotiators met, and said little, on Tuesday.\"", csv);
        Assert.Contains("read 1, extracted 1, failed 0", stderr);
    }

    [Fact]
    public async Task A_glob_that_matches_nothing_is_reported_and_fails()
    {
        var (code, _, stderr) = await Run("extract", Path.Combine(_dir, "*.nothing"));
        Assert.Equal(1, code);
        Assert.Contains("no files match", stderr);
    }
}
