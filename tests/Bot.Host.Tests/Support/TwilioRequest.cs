using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Posyandu.Bot.Host.Tests.Support;

/// <summary>A Twilio webhook request: its path, form fields and signature; read from a TestData <c>.http</c> sample or built fresh.</summary>
public sealed record TwilioRequest(string Path, IReadOnlyList<KeyValuePair<string, string>> Fields, string? Signature)
{
    /// <summary>The public URL the test host is configured with, as in the samples.</summary>
    public const string PublicBaseUrl = "https://bot.example.id";

    /// <summary>A sample exactly as Twilio sent it, with its own signature.</summary>
    public static TwilioRequest Sample(string file)
    {
        var text = File.ReadAllText(System.IO.Path.Combine(AppContext.BaseDirectory, "TestData", file)).ReplaceLineEndings("\n");
        var (head, body) = (text[..text.IndexOf("\n\n", StringComparison.Ordinal)], text[(text.IndexOf("\n\n", StringComparison.Ordinal) + 2)..].Trim());
        var lines = head.Split('\n');
        var path = lines[0].Split(' ')[1];
        var signature = lines.Select(l => l.Split(": ", 2)).First(p => p[0] == "X-Twilio-Signature")[1];
        var fields = QueryHelpers.ParseQuery(body).Select(f => KeyValuePair.Create(f.Key, f.Value.ToString())).ToList();
        return new TwilioRequest(path, fields, signature);
    }

    /// <summary>The sample's fields with some changed (a fresh MessageSid, another sender…), signed again.</summary>
    public TwilioRequest With(params (string Name, string Value)[] changes)
    {
        var fields = Fields.ToDictionary(f => f.Key, f => f.Value);
        foreach (var (name, value) in changes)
        {
            fields[name] = value;
        }

        return Signed(Path, fields);
    }

    public static TwilioRequest Signed(string path, IReadOnlyDictionary<string, string> fields) =>
        new(path, [.. fields], TwilioSigner.Sign(FakeTwilio.AuthToken, PublicBaseUrl + path, fields));

    public HttpRequestMessage ToHttp()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Path) { Content = new FormUrlEncodedContent(Fields) };
        if (Signature is not null)
        {
            request.Headers.Add("X-Twilio-Signature", Signature);
        }

        return request;
    }

    public string Field(string name) => Fields.First(f => f.Key == name).Value;
}
