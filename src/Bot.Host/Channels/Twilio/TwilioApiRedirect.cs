namespace Posyandu.Bot.Host.Channels.Twilio;

/// <summary>
/// Sends what the Twilio library addresses to <c>https://api.twilio.com</c> (REST calls, media downloads) to
/// <c>Twilio:ApiBaseUrl</c> instead, so a local fake server can stand in for tests and trials.
/// </summary>
internal sealed class TwilioApiRedirect(Uri apiBaseUrl) : DelegatingHandler
{
    private static readonly Uri TwilioApi = new("https://api.twilio.com");

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { } uri && apiBaseUrl != TwilioApi && string.Equals(uri.Host, TwilioApi.Host, StringComparison.OrdinalIgnoreCase))
        {
            var basePath = apiBaseUrl.AbsolutePath.TrimEnd('/');
            request.RequestUri = new UriBuilder(apiBaseUrl) { Path = basePath + uri.AbsolutePath, Query = uri.Query.TrimStart('?') }.Uri;
        }

        return base.SendAsync(request, cancellationToken);
    }
}
