using Microsoft.Extensions.Options;
using Posyandu.Bot.Host.Configuration;
using Twilio.Clients;
using Twilio.Http;

namespace Posyandu.Bot.Host.Channels.Twilio;

/// <summary>
/// Makes REST clients over the host's <c>twilio</c> HttpClient (resilience, the redirect to <c>Twilio:ApiBaseUrl</c>), a new
/// one per use so no holder pins a connection pool; and hands out that HttpClient for media downloads.
/// </summary>
internal sealed class TwilioClients(IHttpClientFactory httpClients, IOptions<TwilioOptions> options)
{
    public ITwilioRestClient Create()
    {
        var twilio = options.Value;
        return new TwilioRestClient(twilio.AccountSid, twilio.AuthToken, twilio.AccountSid,
            httpClient: new SystemNetHttpClient(httpClients.CreateClient(TwilioChannel.HttpClientName)));
    }

    public System.Net.Http.HttpClient Http() => httpClients.CreateClient(TwilioChannel.HttpClientName);
}
