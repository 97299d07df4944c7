using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Posyandu.Bot.Host.Tests.Support;
using Posyandu.Referrals.Persistence;

namespace Posyandu.Bot.Host.Tests.Dashboard;

/// <summary>A kader reports on Telegram; the Kepala Desa acts from the dashboard; the kader is told in her chat, as by the chat commands.</summary>
public sealed class ActionTests : IDisposable
{
    private readonly TelegramTestHost _host = new();

    [Fact]
    public async Task Terima_and_Selesai_from_the_web_reach_the_kaders_chat_and_the_timeline_says_web()
    {
        var number = await RtlhJourney.ReportAsync(_host, TelegramUser.Siti);
        using var kades = await DashboardSession.SignInAsync(_host, TelegramUser.AbdulRahman);
        var page = $"/dashboard/laporan/{number}";

        var before = _host.BotApi.SentTo(TelegramUser.Siti.ChatId).Count;
        using (var accepted = await kades.PostFormAsync(page + "?handler=Terima", [], formPage: page))
        {
            Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        }

        var told = await _host.RepliesAfterAsync(TelegramUser.Siti, before);
        Assert.Contains(told, m => m.Text.Contains($"Laporan {number} telah diterima oleh Abdul Rahman (Kepala Desa)", StringComparison.Ordinal));
        var detail = await kades.GetPageAsync(page);
        Assert.Contains("tercatat Bapak/Ibu terima", detail, StringComparison.Ordinal);
        Assert.Contains("lewat dasbor web", detail, StringComparison.Ordinal);

        // Selesai without a note is answered as in the chat, and changes nothing.
        using (var empty = await kades.PostFormAsync(page + "?handler=Selesai", new() { ["catatan"] = " " }, formPage: page))
        {
            Assert.Equal(HttpStatusCode.Redirect, empty.StatusCode);
        }

        Assert.Contains("Mohon tuliskan catatan tindak lanjutnya", await kades.GetPageAsync(page), StringComparison.Ordinal);

        before = _host.BotApi.SentTo(TelegramUser.Siti.ChatId).Count;
        using (var closed = await kades.PostFormAsync(page + "?handler=Selesai", new() { ["catatan"] = "sudah disurvei, diusulkan BSPS" }, formPage: page))
        {
            Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        }

        told = await _host.RepliesAfterAsync(TelegramUser.Siti, before);
        Assert.Contains(told, m => m.Text.Contains("selesai ditindaklanjuti", StringComparison.Ordinal) && m.Text.Contains("sudah disurvei, diusulkan BSPS", StringComparison.Ordinal));

        await using var db = await _host.Services.GetRequiredService<IDbContextFactory<PosyanduDb>>().CreateDbContextAsync();
        var referral = await db.Referrals.Include(r => r.Events).SingleAsync(r => r.Report!.Number == number);
        Assert.Equal(ReferralStatus.Selesai, referral.Status);
        Assert.Equal("web", referral.Events.Single(e => e.Kind == ReferralEventKind.Diterima).Channel);
        Assert.Equal("web", referral.Events.Single(e => e.Kind == ReferralEventKind.Selesai).Channel);
        // The form is gone once the referral is closed.
        Assert.DoesNotContain("handler=Selesai", await kades.GetPageAsync(page), StringComparison.Ordinal);
        _host.AssertNoErrors();
    }

    public void Dispose() => _host.Dispose();
}
