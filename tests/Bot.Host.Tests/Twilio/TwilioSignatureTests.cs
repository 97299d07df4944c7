using Microsoft.Extensions.Primitives;
using Posyandu.Bot.Host.Channels.Twilio;
using Posyandu.Bot.Host.Tests.Support;

namespace Posyandu.Bot.Host.Tests.Twilio;

/// <summary>The published test vector passes the host's validator and the test signer alike; any change to it fails.</summary>
public sealed class TwilioSignatureTests
{
    private const string Url = "https://example.ngrok.io/twilio/whatsapp?tenant=a";
    private const string Expected = "HxveZZmuVxqu3sAELeovoOkqvgc=";

    private static readonly Dictionary<string, string> Fields = new()
    {
        ["From"] = "whatsapp:+6281234567890",
        ["To"] = "whatsapp:+14155238886",
        ["Body"] = "Hello",
        ["NumMedia"] = "0",
        ["MessageSid"] = "SMxxx",
        ["AccountSid"] = "ACxxx",
        ["WaId"] = "6281234567890",
        ["ProfileName"] = "Budi",
    };

    private static IEnumerable<KeyValuePair<string, StringValues>> Form(Dictionary<string, string> fields) =>
        fields.Select(f => KeyValuePair.Create(f.Key, new StringValues(f.Value)));

    [Fact]
    public void The_vector_passes()
    {
        Assert.True(TwilioSignature.IsValid("12345", Url, Form(Fields), Expected));
        Assert.Equal(Expected, TwilioSigner.Sign("12345", Url, Fields));
    }

    [Fact]
    public void The_vector_passes_with_the_default_port_written_out_and_a_url_signed_with_it_passes_without()
    {
        const string WithPort = "https://example.ngrok.io:443/twilio/whatsapp?tenant=a";
        Assert.True(TwilioSignature.IsValid("12345", WithPort, Form(Fields), Expected));
        Assert.True(TwilioSignature.IsValid("12345", Url, Form(Fields), TwilioSigner.Sign("12345", WithPort, Fields)));
    }

    [Fact]
    public void A_changed_field_url_token_or_missing_signature_fails()
    {
        var changed = new Dictionary<string, string>(Fields) { ["Body"] = "Hello!" };
        Assert.False(TwilioSignature.IsValid("12345", Url, Form(changed), Expected));
        Assert.False(TwilioSignature.IsValid("12345", Url.Replace("tenant=a", "tenant=b", StringComparison.Ordinal), Form(Fields), Expected));
        Assert.False(TwilioSignature.IsValid("54321", Url, Form(Fields), Expected));
        Assert.False(TwilioSignature.IsValid("12345", Url, Form(Fields), null));
        Assert.False(TwilioSignature.IsValid("", Url, Form(Fields), Expected));
    }
}
