using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Posyandu.Bot.Host.Tests.Support;
using Posyandu.Referrals.Persistence;

namespace Posyandu.Bot.Host.Tests.Twilio;

/// <summary>
/// <c>POST /webhooks/twilio</c> with the real signed samples: who may write, what is refused before anything is stored,
/// and that every answer leaves through the REST API, never in the TwiML.
/// </summary>
public sealed class TwilioWebhookTests : IAsyncLifetime
{
    private const string Siti = "whatsapp:+6281251234501";
    private TwilioTestHost _host = null!;

    public async Task InitializeAsync() => _host = await TwilioTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_signed_WhatsApp_sample_is_recognised_by_its_number_and_answered_through_the_REST_API()
    {
        var replies = await _host.SendAsync(TwilioRequest.Sample("twilio-whatsapp-text.http"));

        var welcome = Assert.Single(replies);
        Assert.Equal(TwilioTestHost.WhatsAppFrom, welcome.From);
        Assert.Contains("Siti Rahmah", welcome.Body, StringComparison.Ordinal);
        Assert.Contains("1. ", welcome.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("tombol", welcome.Body, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(TwilioRequest.PublicBaseUrl + "/webhooks/twilio/status", welcome.Fields["StatusCallback"]);
        Assert.Equal(1, await CountAsync(db => db.ChannelLinks.CountAsync(l => l.Channel == "whatsapp" && l.Address == "+6281251234501")));
        _host.Host.Logs.AssertNeverLogged("81251234501");
        _host.Host.AssertNoErrors();
    }

    [Fact]
    public async Task The_signed_SMS_sample_links_the_roster_number_written_with_a_leading_zero()
    {
        // Rina Marlina is in the roster as 0812-5123-4503.
        var replies = await _host.SendAsync(TwilioRequest.Sample("twilio-sms-text.http"));

        var reply = Assert.Single(replies);
        Assert.Equal(TwilioTestHost.SmsFrom, reply.From);
        Assert.Equal("+6281251234503", reply.To);
        Assert.Contains("Rina Marlina", reply.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("*", reply.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_redelivered_message_is_handled_once()
    {
        var sample = TwilioRequest.Sample("twilio-whatsapp-text.http");
        await _host.SendAsync(sample);

        using var again = await _host.PostAsync(sample);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(1, await CountAsync(db => db.Inbound.CountAsync(i => i.Channel == "whatsapp")));
        Assert.Equal(1, await CountAsync(db => db.Outbox.CountAsync(o => o.Channel == "whatsapp")));
    }

    [Theory]
    [InlineData("HxveZZmuVxqu3sAELeovoOkqvgc=")]
    [InlineData(null)]
    public async Task A_bad_or_missing_signature_is_refused_and_nothing_is_stored(string? signature)
    {
        var sample = TwilioRequest.Sample("twilio-whatsapp-text.http");
        using var response = await _host.PostAsync(sample with { Signature = signature });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, await CountAsync(db => db.Inbound.CountAsync()));
        Assert.Equal(0, await CountAsync(db => db.ChannelLinks.CountAsync(l => l.Channel == "whatsapp")));
    }

    [Fact]
    public async Task A_signed_field_changed_on_the_way_is_refused()
    {
        var sample = TwilioRequest.Sample("twilio-whatsapp-text.http");
        var tampered = sample with { Fields = [.. sample.Fields.Select(f => f.Key == "Body" ? KeyValuePair.Create("Body", "batal") : f)] };

        using var response = await _host.PostAsync(tampered);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, await CountAsync(db => db.Inbound.CountAsync()));
    }

    [Fact]
    public async Task A_body_over_one_megabyte_is_refused_before_it_is_read()
    {
        var huge = TwilioTestHost.Message(Siti, new string('a', 1024 * 1024));

        using var response = await _host.PostAsync(huge);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, await CountAsync(db => db.Inbound.CountAsync()));
    }

    [Fact]
    public async Task A_signed_request_without_a_sender_or_MessageSid_is_a_bad_request()
    {
        var fields = new Dictionary<string, string> { ["AccountSid"] = FakeTwilio.AccountSid, ["Body"] = "halo" };

        using var response = await _host.PostAsync(TwilioRequest.Signed("/webhooks/twilio", fields));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await CountAsync(db => db.Inbound.CountAsync()));
    }

    [Fact]
    public async Task An_unknown_number_is_told_once_not_at_every_message()
    {
        const string stranger = "whatsapp:+6281299998888";
        var first = await _host.SendAsync(stranger, "halo");
        Assert.Contains("belum terdaftar", Assert.Single(first).Body, StringComparison.Ordinal);

        using (var second = await _host.PostAsync(TwilioTestHost.Message(stranger, "halo?")))
        using (var third = await _host.PostAsync(TwilioTestHost.Message(stranger, "menu")))
        {
            Assert.Equal(HttpStatusCode.OK, second.StatusCode);
            Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        }

        Assert.Equal(3, await CountAsync(db => db.Inbound.CountAsync(i => i.Channel == "whatsapp")));
        Assert.Equal(1, await CountAsync(db => db.Outbox.CountAsync(o => o.Address == "+6281299998888")));
        Assert.Single(_host.Twilio.Messages, m => m.To == stranger);
    }

    private async Task<int> CountAsync(Func<PosyanduDb, Task<int>> query)
    {
        await using var db = await _host.Host.Services.GetRequiredService<IDbContextFactory<PosyanduDb>>().CreateDbContextAsync();
        return await query(db);
    }
}

/// <summary>A host without Twilio credentials refuses both webhooks and every photo link.</summary>
public sealed class TwilioOffTests
{
    [Fact]
    public async Task Without_credentials_the_webhooks_refuse_every_call()
    {
        using var host = new TelegramTestHost();
        using var message = TwilioRequest.Sample("twilio-whatsapp-text.http").ToHttp();
        using var status = TwilioRequest.Sample("twilio-status-delivered.http").ToHttp();

        using var messageResponse = await host.Http.SendAsync(message);
        using var statusResponse = await host.Http.SendAsync(status);
        using var photo = await host.Http.GetAsync("/media/twilio/0123456789abcdef0123456789abcdef.jpg?expires=9999999999&sig=x");

        Assert.Equal(HttpStatusCode.Forbidden, messageResponse.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, statusResponse.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, photo.StatusCode);
    }
}
