using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Posyandu.Bot.Host.Tests.Support;
using Posyandu.Referrals.Persistence;

namespace Posyandu.Bot.Host.Tests.Telegram;

/// <summary>
/// The journey end to end on Telegram: a kader reports a rumah tidak layak huni, the Kepala Desa gets the alert
/// with a Terima button, acknowledges it, the kader is told; the report is visible in the API with everything she sent.
/// </summary>
public sealed class RtlhJourneyTests : IDisposable
{
    private readonly TelegramTestHost _host = new();

    [Fact]
    public async Task A_kader_reports_an_RTLH_the_Kepala_Desa_accepts_it_by_button_and_the_API_shows_it_all()
    {
        await _host.LinkAsync(TelegramUser.AbdulRahman);
        var kadesBefore = _host.BotApi.SentTo(TelegramUser.AbdulRahman.ChatId).Count;

        var number = await RtlhJourney.ReportAsync(_host, TelegramUser.Siti);

        // The alert: to the Kepala Desa's chat, with the house's photo and a Terima button carrying the report number.
        var alerts = await _host.RepliesAfterAsync(TelegramUser.AbdulRahman, kadesBefore);
        // One message: the house's photo with the alert as its caption and the Terima button (the answers come with INFO).
        var alert = Assert.Single(alerts, m => m.Text.Contains(number, StringComparison.Ordinal));
        Assert.Equal("sendPhoto", alert.Method);
        Assert.Contains("(file)", alert.Fields.Values);
        Assert.Contains("INFO", alert.Text, StringComparison.Ordinal);
        Assert.Contains("Siti Rahmah", alert.Text, StringComparison.Ordinal);
        Assert.Contains(alert.InlineButtons, b => b.Label.Contains("Terima", StringComparison.OrdinalIgnoreCase) && b.Data.Contains(number, StringComparison.Ordinal));

        var report = await _host.GetJsonAsync($"/api/reports/{number}");
        var json = report.ToJsonString();
        Assert.Equal(number, (string?)report["number"]);
        Assert.Contains("Budi Santoso", json, StringComparison.Ordinal);
        Assert.Contains("003/004", json, StringComparison.Ordinal);
        Assert.Contains("Jl. Poros Perian No. 12", json, StringComparison.Ordinal);
        Assert.Contains("sempit", json, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("segera", (string?)report["urgency"] ?? "", StringComparison.OrdinalIgnoreCase);
        Assert.Contains("-0.62345", json, StringComparison.Ordinal);
        Assert.Contains("116.55012", json, StringComparison.Ordinal);
        var photos = PhotoIds(report);
        Assert.Equal(2, photos.Count);
        Assert.NotEmpty(Timeline(report));

        var list = await _host.GetJsonAsync("/api/reports?bidang=PR");
        Assert.Contains(number, list.ToJsonString(), StringComparison.Ordinal);

        using (var media = await _host.GetApiAsync($"/api/media/{photos[0]}"))
        {
            Assert.Equal(HttpStatusCode.OK, media.StatusCode);
            Assert.Equal("image/jpeg", media.Content.Headers.ContentType?.MediaType);
            Assert.Equal(FakeBotApi.PhotoBytes, await media.Content.ReadAsByteArrayAsync());
        }

        // The Kepala Desa taps Terima: the kader is told who accepted, by name and role.
        var kaderBefore = _host.BotApi.SentTo(TelegramUser.Siti.ChatId).Count;
        await _host.PressAsync(TelegramUser.AbdulRahman, "Terima");
        var notices = await _host.RepliesAfterAsync(TelegramUser.Siti, kaderBefore);
        Assert.Contains(notices, m => m.Text.Contains(number, StringComparison.Ordinal)
            && m.Text.Contains("Abdul Rahman", StringComparison.Ordinal)
            && m.Text.Contains("Kepala Desa", StringComparison.Ordinal));
        Assert.Contains(_host.BotApi.Calls, c => c.Method == "answerCallbackQuery");

        var accepted = await _host.GetJsonAsync($"/api/reports/{number}");
        Assert.Equal("DITERIMA", (string?)accepted["referral"]!["status"]);
        Assert.Contains("Abdul Rahman", (string?)accepted["referral"]!["acknowledgedBy"] ?? "", StringComparison.Ordinal);
        Assert.True(Timeline(accepted).Count > Timeline(report).Count);

        // Downloads went through getFile and the file URL, and neither the token nor a full number reached the log.
        Assert.Equal(2, _host.BotApi.Calls.Count(c => c.Method == "getFile"));
        Assert.Equal(2, _host.BotApi.Calls.Count(c => c.Method == "download"));
        _host.Logs.AssertNeverLogged(TelegramTestHost.Token);
        _host.Logs.AssertNeverLogged("81251234501");
        _host.Logs.AssertNeverLogged("81351110001");
        _host.AssertNoErrors();
    }

    [Fact]
    public async Task A_typed_TERIMA_from_the_Kepala_Desa_notifies_the_kader_and_a_strangers_is_refused()
    {
        await _host.LinkAsync(TelegramUser.AbdulRahman);
        await _host.LinkAsync(TelegramUser.RatnaSari);
        var number = await RtlhJourney.ReportAsync(_host, TelegramUser.Siti);

        // The Bidan Desa is an official, but not a recipient of this referral.
        var kaderBefore = _host.BotApi.SentTo(TelegramUser.Siti.ChatId).Count;
        var refusal = await _host.SendAsync(TelegramUser.RatnaSari, Updates.Text(TelegramUser.RatnaSari, $"TERIMA {number}"));
        Assert.NotEmpty(refusal);
        // Someone with no linked chat at all is asked who they are, nothing more.
        var unknown = await _host.SendAsync(TelegramUser.Stranger, Updates.Text(TelegramUser.Stranger, $"TERIMA {number}"));
        Assert.Contains("\"request_contact\":true", Assert.Single(unknown).ReplyMarkup, StringComparison.Ordinal);
        await _host.SettledAsync(TelegramUser.Siti);
        Assert.Equal(kaderBefore, _host.BotApi.SentTo(TelegramUser.Siti.ChatId).Count);
        Assert.Equal("TERKIRIM", (string?)(await _host.GetJsonAsync($"/api/reports/{number}"))["referral"]!["status"]);

        await _host.SendAsync(TelegramUser.AbdulRahman, Updates.Text(TelegramUser.AbdulRahman, $"terima {number}"));

        var notices = await _host.RepliesAfterAsync(TelegramUser.Siti, kaderBefore);
        Assert.Contains(notices, m => m.Text.Contains("Abdul Rahman", StringComparison.Ordinal) && m.Text.Contains("Kepala Desa", StringComparison.Ordinal));
        _host.AssertNoErrors();
    }

    [Fact]
    public async Task An_alert_for_an_official_who_has_not_linked_yet_is_delivered_once_he_links()
    {
        var number = await RtlhJourney.ReportAsync(_host, TelegramUser.Siti);
        // Yuliani (Kasi Kesejahteraan, a primary recipient) has never opened the bot: her alert waits for a chat.
        Assert.True(await AlertWaitsForAsync(TelegramUser.Yuliani, number));
        Assert.Empty(_host.BotApi.SentTo(TelegramUser.Yuliani.ChatId));

        var replies = await _host.LinkAsync(TelegramUser.Yuliani);

        Assert.Contains(replies, m => m.Text.Contains(number, StringComparison.Ordinal)
            && m.InlineButtons.Any(b => b.Data.Contains(number, StringComparison.Ordinal)));
        _host.AssertNoErrors();
    }

    private async Task<bool> AlertWaitsForAsync(TelegramUser official, string number)
    {
        await using var db = await _host.Services.GetRequiredService<IDbContextFactory<PosyanduDb>>().CreateDbContextAsync();
        return await db.Outbox.AnyAsync(o => o.Person!.Nama == official.Name && o.Kind == OutboxKind.Alert
            && o.Status == OutboxStatus.WaitingForChat && o.PayloadJson.Contains(number));
    }

    private static List<string> PhotoIds(JsonNode report) => [.. report["photos"]!.AsArray().Select(p => (string)p!)];

    private static JsonArray Timeline(JsonNode report) => report["referral"]!["timeline"]!.AsArray();

    public void Dispose() => _host.Dispose();
}
