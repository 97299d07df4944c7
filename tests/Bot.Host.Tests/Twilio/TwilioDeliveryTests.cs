using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Posyandu.Bot.Host.Tests.Support;
using Posyandu.Referrals.Outbox;
using Posyandu.Referrals.Persistence;

namespace Posyandu.Bot.Host.Tests.Twilio;

/// <summary>
/// What Twilio answers to a send, and what the outbox makes of it: 429 retried, permanent codes kept on the row and not
/// retried, 21610 switches the person's reminders off, and WhatsApp's 24-hour window (template, else SMS, else wait).
/// </summary>
public sealed class TwilioDeliveryTests : IAsyncLifetime
{
    private const string SitiWhatsApp = "whatsapp:+6281251234501";
    private const string SitiNumber = "+6281251234501";
    private TwilioTestHost _host = null!;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_429_is_tried_again_later_and_then_delivered()
    {
        _host = await TwilioTestHost.StartAsync();
        _host.Twilio.FailNext(SitiWhatsApp, 429, 20429);

        var replies = await _host.SendAsync(SitiWhatsApp, "lapor");

        Assert.Contains("Siti Rahmah", Assert.Single(replies).Body, StringComparison.Ordinal);
        var row = Assert.Single(await RowsAsync(SitiNumber));
        Assert.Equal(OutboxStatus.Sent, row.Status);
        Assert.Equal(2, row.Attempts);
        Assert.Null(row.ErrorCode);
        Assert.Equal(2, _host.Twilio.Messages.Count(m => m.To == SitiWhatsApp));
    }

    [Theory]
    [InlineData(21211)]
    [InlineData(21408)]
    [InlineData(21612)]
    public async Task A_permanent_error_is_kept_with_its_code_and_not_retried(int code)
    {
        _host = await TwilioTestHost.StartAsync();
        await _host.SendAsync(SitiWhatsApp, "lapor");
        _host.Twilio.FailNext(SitiWhatsApp, 400, code);

        using (var response = await _host.PostAsync(TwilioTestHost.Message(SitiWhatsApp, "menu")))
        {
            Assert.True(response.IsSuccessStatusCode);
        }

        var failed = await Eventually.Get(() => RowsAsync(SitiNumber).Result.FirstOrDefault(r => r.Status == OutboxStatus.Failed), "the failed row");
        Assert.Equal(code, failed.ErrorCode);
        Assert.Equal(1, failed.Attempts);
        Assert.Contains(code.ToString(System.Globalization.CultureInfo.InvariantCulture), failed.LastError, StringComparison.Ordinal);
        Assert.Single(_host.Twilio.Messages, m => m.To == SitiWhatsApp && !m.Succeeded);
    }

    [Fact]
    public async Task Error_21610_marks_the_person_opted_out_of_reminders_and_the_chat_unreachable()
    {
        _host = await TwilioTestHost.StartAsync();
        await _host.SendAsync(SitiWhatsApp, "lapor");
        _host.Twilio.FailNext(SitiWhatsApp, 400, 21610);

        using (var response = await _host.PostAsync(TwilioTestHost.Message(SitiWhatsApp, "menu")))
        {
            Assert.True(response.IsSuccessStatusCode);
        }

        await Eventually.True(() => QueryAsync(db => db.People.AnyAsync(p => p.Phone == SitiNumber && p.RemindersOptOut)).Result, "the opt-out");
        var failed = Assert.Single(await RowsAsync(SitiNumber), r => r.Status == OutboxStatus.Failed);
        Assert.Equal(21610, failed.ErrorCode);
        await Eventually.True(() => QueryAsync(db => db.ChannelLinks.AnyAsync(l => l.Channel == "whatsapp" && l.Address == SitiNumber && l.Unreachable)).Result,
            "the chat marked unreachable");
    }

    [Fact]
    public async Task Outside_the_window_a_notice_goes_as_the_configured_template()
    {
        _host = await TwilioTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Twilio:Templates:Notice:ContentSid"] = "HX00000000000000000000000000000001",
            ["Twilio:Templates:Notice:Variables"] = """{"1":"{text}"}""",
        });
        await LinkOutsideWindowAsync();

        await DeliverNoticeAsync("Laporan *PR-2511-0042* diterima oleh Abdul Rahman.\nTerima kasih.");

        var template = Assert.Single(_host.Twilio.SentTo(SitiWhatsApp).Skip(1));
        Assert.Equal("HX00000000000000000000000000000001", template.ContentSid);
        Assert.Equal("Laporan PR-2511-0042 diterima oleh Abdul Rahman. | Terima kasih.",
            JsonDocument.Parse(template.Fields["ContentVariables"]).RootElement.GetProperty("1").GetString());
        Assert.Equal("", template.Body);
    }

    [Fact]
    public async Task Outside_the_window_without_a_template_a_notice_goes_by_SMS()
    {
        _host = await TwilioTestHost.StartAsync();
        await LinkOutsideWindowAsync();

        await DeliverNoticeAsync("Laporan *PR-2511-0042* diterima.");

        Assert.Single(_host.Twilio.SentTo(SitiWhatsApp));
        var sms = Assert.Single(_host.Twilio.SentTo(SitiNumber));
        Assert.Equal(TwilioTestHost.SmsFrom, sms.From);
        Assert.Equal("Laporan PR-2511-0042 diterima.", sms.Body);
    }

    [Fact]
    public async Task Outside_the_window_without_template_or_SMS_a_notice_waits_visibly_until_the_person_writes()
    {
        _host = await TwilioTestHost.StartAsync(new Dictionary<string, string?> { ["Twilio:SmsFrom"] = "" });
        await LinkOutsideWindowAsync();

        await DeliverNoticeAsync("Laporan PR-2511-0042 diterima.");

        var waiting = Assert.Single(await RowsAsync(SitiNumber), r => r.Kind == OutboxKind.Notice);
        Assert.Equal(OutboxStatus.WaitingForPerson, waiting.Status);
        Assert.Equal(63016, waiting.ErrorCode);
        Assert.Single(_host.Twilio.Messages, m => m.To == SitiWhatsApp);
        var visible = (await _host.Host.GetJsonAsync("/api/outbox?status=WAITING_FOR_PERSON")).AsArray();
        var shown = Assert.Single(visible);
        Assert.Equal(63016, (int?)shown!["errorCode"]);
        Assert.Equal("Siti Rahmah", (string?)shown["personName"]);
        using (var bad = await _host.Host.GetApiAsync("/api/outbox?status=nope"))
        {
            Assert.Equal(System.Net.HttpStatusCode.BadRequest, bad.StatusCode);
        }

        var replies = await _host.SendAsync(SitiWhatsApp, "menu");

        Assert.Contains("PR-2511-0042", replies[0].Body, StringComparison.Ordinal);
        Assert.Contains(replies, m => m.Body.Contains("Pilih bidang", StringComparison.Ordinal));
        Assert.All(await RowsAsync(SitiNumber), r => Assert.Equal(OutboxStatus.Sent, r.Status));
    }

    [Fact]
    public async Task A_63016_from_Twilio_within_the_window_falls_back_to_SMS()
    {
        _host = await TwilioTestHost.StartAsync();
        await _host.SendAsync(SitiWhatsApp, "lapor");
        _host.Twilio.FailNext(SitiWhatsApp, 400, 63016);

        await DeliverNoticeAsync("Laporan PR-2511-0042 diterima.");

        var sms = Assert.Single(_host.Twilio.SentTo(SitiNumber));
        Assert.Equal("Laporan PR-2511-0042 diterima.", sms.Body);
        Assert.Equal(OutboxStatus.Sent, Assert.Single(await RowsAsync(SitiNumber), r => r.Kind == OutboxKind.Notice).Status);
    }

    /// <summary>Siti writes once on WhatsApp (and is answered), then 25 hours pass without a word from her.</summary>
    private async Task LinkOutsideWindowAsync()
    {
        await _host.SendAsync(SitiWhatsApp, "lapor");
        await QueryAsync(db => db.ChannelLinks.Where(l => l.Channel == "whatsapp" && l.Address == SitiNumber)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.LastInboundAt, DateTimeOffset.UtcNow.AddHours(-25)).SetProperty(l => l.LinkedAt, DateTimeOffset.UtcNow.AddHours(-25))));
    }

    /// <summary>A notice about a referral to Siti's WhatsApp chat, delivered now by the outbox dispatcher.</summary>
    private async Task DeliverNoticeAsync(string text)
    {
        await QueryAsync(async db =>
        {
            var person = await db.People.SingleAsync(p => p.Phone == SitiNumber);
            db.Outbox.Add(new OutboxMessage
            {
                PersonId = person.Id,
                Channel = "whatsapp",
                Address = SitiNumber,
                Kind = OutboxKind.Notice,
                PayloadJson = JsonSerializer.Serialize(new { text, buttons = Array.Empty<object>(), request = "None" }),
                Status = OutboxStatus.Pending,
                NextAttemptAt = DateTimeOffset.UtcNow,
                CreatedAt = DateTimeOffset.UtcNow,
            });
            return await db.SaveChangesAsync();
        });
        await _host.Host.Services.GetRequiredService<OutboxDispatcher>().DeliverAsync("whatsapp", SitiNumber, CancellationToken.None);
    }

    private Task<List<OutboxMessage>> RowsAsync(string address) =>
        QueryAsync(db => db.Outbox.AsNoTracking().Where(o => o.Address == address).OrderBy(o => o.Id).ToListAsync());

    private async Task<T> QueryAsync<T>(Func<PosyanduDb, Task<T>> query)
    {
        await using var db = await _host.Host.Services.GetRequiredService<IDbContextFactory<PosyanduDb>>().CreateDbContextAsync();
        return await query(db);
    }
}
