using System.Net;
using System.Text.Json.Nodes;
using Posyandu.Bot.Host.Tests.Support;

namespace Posyandu.Bot.Host.Tests.Twilio;

/// <summary>
/// The RTLH journey end to end through the real webhook and a fake Twilio server: a kader reports on WhatsApp (then on
/// SMS), the officials get the alert on the channel they use, one accepts by typing TERIMA, and the kader is told.
/// </summary>
public sealed class TwilioJourneyTests : IAsyncLifetime
{
    private const string SitiWhatsApp = "whatsapp:+6281251234501";
    private const string SitiSms = "+6281251234501";
    private const string KadesSms = "+6281351110001";
    private const string KadesWhatsApp = "whatsapp:+6281351110001";
    private const string KasiWhatsApp = "whatsapp:+6281351110002";
    private TwilioTestHost _host = null!;

    public async Task InitializeAsync() => _host = await TwilioTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_kader_reports_on_WhatsApp_the_Kepala_Desa_accepts_by_SMS_and_the_kader_is_told_on_WhatsApp()
    {
        await _host.SendAsync(KadesSms, "halo");
        await _host.SendAsync(KasiWhatsApp, "halo");
        var kadesBefore = _host.Twilio.SentTo(KadesSms).Count;
        var kasiBefore = _host.Twilio.SentTo(KasiWhatsApp).Count;

        var number = await TwilioRtlh.ReportAsync(_host, SitiWhatsApp);

        // On SMS: plain text, no photo, no buttons to press.
        var smsAlert = Assert.Single(await _host.RepliesAfterAsync(KadesSms, kadesBefore), m => m.Body.Contains(number, StringComparison.Ordinal));
        Assert.Equal(TwilioTestHost.SmsFrom, smsAlert.From);
        Assert.Null(smsAlert.MediaUrl);
        Assert.DoesNotContain("*", smsAlert.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("tombol", smsAlert.Body, StringComparison.OrdinalIgnoreCase);

        // On WhatsApp: the house's photo as a signed link to this host, which serves it, and nothing else.
        var waAlert = Assert.Single(await _host.RepliesAfterAsync(KasiWhatsApp, kasiBefore), m => m.Body.Contains(number, StringComparison.Ordinal));
        Assert.NotNull(waAlert.MediaUrl);
        var photoUrl = new Uri(waAlert.MediaUrl);
        Assert.StartsWith(TwilioRequest.PublicBaseUrl + "/media/twilio/", waAlert.MediaUrl, StringComparison.Ordinal);
        using (var photo = await _host.Host.Http.GetAsync(photoUrl.PathAndQuery))
        {
            Assert.Equal(HttpStatusCode.OK, photo.StatusCode);
            Assert.Equal(FakeBotApi.PhotoBytes, await photo.Content.ReadAsByteArrayAsync());
        }

        using (var forged = await _host.Host.Http.GetAsync(photoUrl.PathAndQuery.Replace("sig=", "sig=x", StringComparison.Ordinal)))
        using (var unsigned = await _host.Host.Http.GetAsync(photoUrl.AbsolutePath))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, unsigned.StatusCode);
        }

        var kaderBefore = _host.Twilio.SentTo(SitiWhatsApp).Count;
        var answer = await _host.SendAsync(KadesSms, $"TERIMA {TwilioRtlh.ShortNumberIn(smsAlert.Body)}");
        Assert.NotEmpty(answer);
        var notices = await _host.RepliesAfterAsync(SitiWhatsApp, kaderBefore);
        Assert.Contains(notices, m => m.Body.Contains(number, StringComparison.Ordinal) && m.Body.Contains("Abdul Rahman", StringComparison.Ordinal));

        var report = await _host.Host.GetJsonAsync($"/api/reports/{number}");
        var json = report.ToJsonString();
        Assert.Equal("DITERIMA", (string?)report["referral"]!["status"]);
        Assert.Contains("-0.62345", json, StringComparison.Ordinal);
        Assert.Single(report["photos"]!.AsArray());
        Assert.Equal(1, _host.Twilio.MediaDownloads);
        Assert.Equal("whatsapp", (string?)report["channel"]);
        _host.Host.Logs.AssertNeverLogged("81251234501");
        _host.Host.Logs.AssertNeverLogged(FakeTwilio.AuthToken);
        _host.Host.AssertNoErrors();
    }

    [Fact]
    public async Task A_kader_reports_on_SMS_the_Kepala_Desa_accepts_on_WhatsApp_and_the_kader_is_told_by_SMS()
    {
        await _host.SendAsync(KadesWhatsApp, "halo");
        var kadesBefore = _host.Twilio.SentTo(KadesWhatsApp).Count;

        var number = await TwilioRtlh.ReportAsync(_host, SitiSms);

        Assert.All(_host.Twilio.SentTo(SitiSms), m =>
        {
            Assert.DoesNotContain("*", m.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("tombol", m.Body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("📎", m.Body, StringComparison.Ordinal);
            Assert.InRange(m.Body.Length, 1, 1600);
        });

        var alert = Assert.Single(await _host.RepliesAfterAsync(KadesWhatsApp, kadesBefore), m => m.Body.Contains(number, StringComparison.Ordinal));
        Assert.Null(alert.MediaUrl);
        var kaderBefore = _host.Twilio.SentTo(SitiSms).Count;
        await _host.SendAsync(KadesWhatsApp, $"TERIMA {TwilioRtlh.ShortNumberIn(alert.Body)}");
        var notices = await _host.RepliesAfterAsync(SitiSms, kaderBefore);
        Assert.Contains(notices, m => m.Body.Contains(number, StringComparison.Ordinal) && m.Body.Contains("Abdul Rahman", StringComparison.Ordinal));

        var report = await _host.Host.GetJsonAsync($"/api/reports/{number}");
        Assert.Equal("DITERIMA", (string?)report["referral"]!["status"]);
        Assert.Equal("sms", (string?)report["channel"]);
        _host.Host.AssertNoErrors();
    }
}
