using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Posyandu.Bot.Host.Tests.Support;
using Posyandu.Referrals.Persistence;

namespace Posyandu.Bot.Host.Tests.Twilio;

/// <summary>
/// <c>POST /webhooks/twilio/status</c> with the signed samples: the delivery state lands on the outbox row, and an alert
/// that failed on WhatsApp goes out again on the official's Telegram, with a line in the referral's timeline.
/// </summary>
public sealed class TwilioStatusTests : IAsyncLifetime
{
    private TwilioTestHost _host = null!;

    public async Task InitializeAsync() => _host = await TwilioTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_delivered_report_is_kept_on_the_row_and_a_late_sent_does_not_undo_it()
    {
        var sample = TwilioRequest.Sample("twilio-status-delivered.http");
        await _host.SendAsync("whatsapp:+6281351110001", "halo");
        var row = await QueryAsync(db => db.Outbox.SingleAsync(o => o.Address == "+6281351110001"));
        await QueryAsync(db => db.Outbox.Where(o => o.Id == row.Id).ExecuteUpdateAsync(s => s.SetProperty(o => o.PlatformMessageId, sample.Field("MessageSid"))));

        using (var response = await _host.PostAsync(sample))
        {
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        }

        using (var late = await _host.PostAsync(sample.With(("MessageStatus", "sent"), ("SmsStatus", "sent"))))
        {
            Assert.Equal(HttpStatusCode.NoContent, late.StatusCode);
        }

        var updated = await QueryAsync(db => db.Outbox.SingleAsync(o => o.Id == row.Id));
        Assert.Equal("delivered", updated.DeliveryStatus);
        Assert.Null(updated.ErrorCode);
    }

    [Fact]
    public async Task A_status_report_with_a_bad_signature_changes_nothing()
    {
        var sample = TwilioRequest.Sample("twilio-status-delivered.http");

        using var response = await _host.PostAsync(sample with { Signature = "P19Eq66IWRFF1FJbbZ31ld+zOZM=" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task An_alert_that_failed_on_WhatsApp_is_sent_again_on_Telegram_and_the_timeline_says_so()
    {
        // Yuliani (Kasi Kesra) has Telegram, but wrote last on WhatsApp: the alert goes there first.
        await _host.Host.LinkAsync(TelegramUser.Yuliani);
        await _host.SendAsync("whatsapp:+6281351110002", "halo");
        var telegramBefore = _host.Host.BotApi.SentTo(TelegramUser.Yuliani.ChatId).Count;

        var number = await TwilioRtlh.ReportAsync(_host, "whatsapp:+6281251234501");
        var alert = await Eventually.Get(() => _host.Twilio.SentTo("whatsapp:+6281351110002").FirstOrDefault(m => m.Body.Contains(number, StringComparison.Ordinal)), "the WhatsApp alert");

        var failed = TwilioRequest.Sample("twilio-status-failed-63016.http").With(("MessageSid", alert.Sid!));
        using (var response = await _host.PostAsync(failed))
        {
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        }

        var resent = await _host.Host.RepliesAfterAsync(TelegramUser.Yuliani, telegramBefore);
        Assert.Contains(resent, m => m.Text.Contains(number, StringComparison.Ordinal) && m.InlineButtons.Any(b => b.Label.Contains("Terima", StringComparison.Ordinal)));
        var row = await QueryAsync(db => db.Outbox.SingleAsync(o => o.PlatformMessageId == alert.Sid));
        Assert.Equal("failed", row.DeliveryStatus);
        Assert.Equal(63016, row.ErrorCode);

        var report = await _host.Host.GetJsonAsync($"/api/reports/{number}");
        Assert.Contains("dikirim ulang lewat Telegram", report["referral"]!["timeline"]!.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }), StringComparison.Ordinal);

        // The same report again is not a second re-send.
        using (var again = await _host.PostAsync(failed))
        {
            Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
        }

        Assert.Equal(1, await QueryAsync(db => db.Outbox.CountAsync(o => o.Channel == "telegram" && o.Kind == OutboxKind.Alert)));
        _host.Host.AssertNoErrors();
    }

    private async Task<T> QueryAsync<T>(Func<PosyanduDb, Task<T>> query)
    {
        await using var db = await _host.Host.Services.GetRequiredService<IDbContextFactory<PosyanduDb>>().CreateDbContextAsync();
        return await query(db);
    }
}
