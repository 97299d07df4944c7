using System.Security.Cryptography;
using System.Text;

namespace Posyandu.Bot.Host.Tests.Support;

/// <summary>
/// Signs a Twilio webhook the way Twilio does, written from the documented algorithm (not with the library under test):
/// Base64(HMAC-SHA1(auth token, URL + every parameter name and value, names in ordinal order)).
/// </summary>
public static class TwilioSigner
{
    public static string Sign(string authToken, string url, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var data = new StringBuilder(url);
        foreach (var (name, value) in parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            data.Append(name).Append(value);
        }

#pragma warning disable CA5350 // Twilio's algorithm is HMAC-SHA1; the test must reproduce it.
        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString())));
#pragma warning restore CA5350
    }
}
