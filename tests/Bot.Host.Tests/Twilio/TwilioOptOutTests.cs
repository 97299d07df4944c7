using Posyandu.Bot.Host.Tests.Support;

namespace Posyandu.Bot.Host.Tests.Twilio;

/// <summary>
/// BERHENTI and MULAI through the real Twilio webhook: acknowledged on the channel they came from (plain on SMS), the
/// person's opt-out visible in the API, and the same person whichever channel they write from.
/// </summary>
public sealed class TwilioOptOutTests : IAsyncLifetime
{
    private const string SitiWhatsApp = "whatsapp:+6281251234501";
    private const string SitiSms = "+6281251234501";
    private TwilioTestHost _host = null!;

    public async Task InitializeAsync() => _host = await TwilioTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task BERHENTI_on_WhatsApp_stops_reminders_and_MULAI_by_SMS_resumes_them()
    {
        await _host.SendAsync(SitiWhatsApp, "halo");

        var stopped = await _host.SendAsync(SitiWhatsApp, "BERHENTI");

        Assert.Contains(stopped, m => m.Body.Contains("tidak akan menerima pengingat", StringComparison.Ordinal) && m.To == SitiWhatsApp);
        Assert.Contains(await OptOutsAsync(), name => name == "Siti Rahmah");

        var resumed = await _host.SendAsync(SitiSms, "mulai");

        var sms = Assert.Single(resumed, m => m.Body.Contains("aktif kembali", StringComparison.Ordinal));
        Assert.Equal(SitiSms, sms.To);
        Assert.DoesNotContain("*", sms.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Siti Rahmah", await OptOutsAsync());
    }

    private async Task<List<string>> OptOutsAsync() =>
        [.. (await _host.Host.GetJsonAsync("/api/reminders/opt-outs")).AsArray().Select(p => (string)p!["nama"]!)];
}
