using System.Text;
using System.Text.Json.Nodes;
using Parley.Notebooks.Kernel.Jupyter;

namespace Parley.Notebooks.Tests.Kernel;

public sealed class MessageSigningTests
{
    private static byte[] B(string s) => Encoding.UTF8.GetBytes(s);

    [Fact]
    public void Signature_is_hex_hmac_sha256_over_the_four_frames_in_order()
    {
        // RFC 4231 test case 2 (key "Jefe", data "what do ya want for nothing?"), the data split over the four frames.
        var signer = new MessageSigner("Jefe");

        var signature = signer.Sign(B("what do ya"), B(" want "), B("for "), B("nothing?"));

        Assert.Equal("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", signature);
    }

    [Fact]
    public void Empty_key_means_unsigned()
    {
        var signer = new MessageSigner("");

        Assert.Equal("", signer.Sign(B("{}"), B("{}"), B("{}"), B("{}")));
        Assert.True(signer.Verify(B("anything"), B("{}"), B("{}"), B("{}"), B("{}")));
    }

    private static List<byte[]> Request(string key, string content = """{"code":"1 + 1"}""", string? signature = null)
    {
        byte[] header = B("""{"msg_id":"m1","session":"s","username":"u","date":"2025-03-04T10:00:00.000000Z","msg_type":"execute_request","version":"5.3"}""");
        byte[] parent = B("{}"), metadata = B("{}"), body = B(content);
        signature ??= new MessageSigner(key).Sign(header, parent, metadata, body);
        return [B("client-identity"), B("<IDS|MSG>"), B(signature), header, parent, metadata, body];
    }

    [Fact]
    public void Well_signed_request_decodes_with_its_identity_and_header()
    {
        var decoded = JupyterMessage.Decode(Request("secret"), new MessageSigner("secret"));

        Assert.Null(decoded.Rejection);
        var message = decoded.Message!;
        Assert.Equal("execute_request", message.MessageType);
        Assert.Equal("m1", message.MessageId);
        Assert.Equal("1 + 1", message.Content["code"]!.GetValue<string>());
        Assert.Equal("client-identity", Encoding.UTF8.GetString(Assert.Single(message.Identities)));
    }

    [Fact]
    public void Request_signed_with_another_key_is_rejected()
    {
        var decoded = JupyterMessage.Decode(Request("not-the-key"), new MessageSigner("secret"));

        Assert.Null(decoded.Message);
        Assert.Equal("bad signature", decoded.Rejection);
    }

    [Fact]
    public void Request_whose_content_was_changed_after_signing_is_rejected()
    {
        var frames = Request("secret");
        frames[^1] = B("""{"code":"System.IO.File.Delete(\"x\")"}""");

        Assert.Equal("bad signature", JupyterMessage.Decode(frames, new MessageSigner("secret")).Rejection);
    }

    [Theory]
    [InlineData("")]
    [InlineData("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")]
    public void Missing_or_foreign_signature_is_rejected(string signature) =>
        Assert.Equal("bad signature", JupyterMessage.Decode(Request("secret", signature: signature), new MessageSigner("secret")).Rejection);

    [Fact]
    public void Message_without_delimiter_is_rejected_not_thrown()
    {
        var decoded = JupyterMessage.Decode([B("identity"), B("{}")], new MessageSigner("secret"));

        Assert.Null(decoded.Message);
        Assert.StartsWith("malformed", decoded.Rejection);
    }

    [Fact]
    public void Encoded_reply_carries_the_request_header_as_parent_and_verifies()
    {
        var signer = new MessageSigner("secret");
        var request = JupyterMessage.Decode(Request("secret"), signer).Message!;
        var header = JupyterMessage.NewHeader("execute_reply", "kernel-session", new DateTimeOffset(2025, 3, 4, 10, 0, 1, 500, TimeSpan.Zero));

        var frames = JupyterMessage.Encode(request.Identities, header, request.HeaderBytes, new JsonObject(), new JsonObject { ["status"] = "ok" }, signer);
        var reply = JupyterMessage.Decode(frames, signer);

        Assert.Null(reply.Rejection);
        Assert.Equal(request.HeaderBytes, frames[4]);
        Assert.Equal("2025-03-04T10:00:01.500000Z", reply.Message!.Header["date"]!.GetValue<string>());
        Assert.Equal("5.3", reply.Message.Header["version"]!.GetValue<string>());
        Assert.Equal("execute_reply", reply.Message.MessageType);
    }
}
