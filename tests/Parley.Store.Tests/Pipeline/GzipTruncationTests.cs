using System.IO.Compression;
using System.Text;
using Parley.Store.Pipeline;

namespace Parley.Store.Tests.Pipeline;

public sealed class GzipTruncationTests
{
    private static byte[] Gzip(string text)
    {
        var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true)) gzip.Write(Encoding.UTF8.GetBytes(text));
        return output.ToArray();
    }

    private static readonly string Page = "<html><body>" + string.Concat(Enumerable.Range(0, 2000).Select(i => $"<p>Paragraph {i} of the page.</p>")) + "</body></html>";

    [Fact]
    public void A_whole_gzip_file_passes() => Assert.Null(RunPipeline.GzipTruncation(Gzip(Page)));

    [Fact]
    public void A_gzip_file_cut_in_half_is_reported_as_truncated()
    {
        var whole = Gzip(Page);

        var problem = RunPipeline.GzipTruncation(whole[..(whole.Length / 2)]);

        Assert.StartsWith("truncated gzip", problem);
    }

    [Fact]
    public void Bytes_that_are_not_gzip_are_left_to_the_extractor() =>
        Assert.Null(RunPipeline.GzipTruncation(Encoding.UTF8.GetBytes(Page)));
}
