using System.Net;
using Posyandu.Bot.Host.Tests.Support;

namespace Posyandu.Bot.Host.Tests.Twilio;

/// <summary>
/// One roster person on every channel: a draft begun on Telegram is finished on WhatsApp; what a person sends on WhatsApp
/// that is not a photo gets the question again; a photo too large or not a picture is not kept.
/// </summary>
public sealed class TwilioCrossChannelTests : IAsyncLifetime
{
    private const string SitiWhatsApp = "whatsapp:+6281251234501";
    private TwilioTestHost _host = null!;

    public async Task InitializeAsync() => _host = await TwilioTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_draft_begun_on_Telegram_is_finished_on_WhatsApp_and_the_kader_is_told_there()
    {
        await _host.Host.LinkAsync(TelegramUser.AbdulRahman);
        await _host.Host.LinkAsync(TelegramUser.Siti);
        await RtlhJourney.StartAsync(_host.Host, TelegramUser.Siti);
        await RtlhJourney.AnswerAllAsync(_host.Host, TelegramUser.Siti);

        var welcome = await _host.SendAsync(SitiWhatsApp, "halo");
        Assert.Contains(welcome, m => m.Body.Contains("Rumah tidak layak huni", StringComparison.Ordinal) && m.Body.Contains("lanjut", StringComparison.Ordinal));
        var note = await _host.SendAsync(SitiWhatsApp, "lanjut");
        Assert.Contains(note, m => m.Body.Contains("catatan", StringComparison.OrdinalIgnoreCase));
        await _host.SendAsync(SitiWhatsApp, "lewati");
        var confirmation = await _host.SendAsync(SitiWhatsApp, "kirim");
        var number = TwilioTestHost.ReportNumber().Match(string.Join("\n", confirmation.Select(m => m.Body))).Value;
        Assert.NotEmpty(number);

        var report = await _host.Host.GetJsonAsync($"/api/reports/{number}");
        Assert.Equal(2, report["photos"]!.AsArray().Count);
        Assert.Equal("whatsapp", (string?)report["channel"]);

        // The Kepala Desa accepts on Telegram: Siti hears it on WhatsApp, the channel she used last.
        var kaderBefore = _host.Twilio.SentTo(SitiWhatsApp).Count;
        var telegramBefore = _host.Host.BotApi.SentTo(TelegramUser.Siti.ChatId).Count;
        await Eventually.True(() => _host.Host.BotApi.SentTo(TelegramUser.AbdulRahman.ChatId).Any(m => m.Text.Contains(number, StringComparison.Ordinal)), "the alert");
        await _host.Host.PressAsync(TelegramUser.AbdulRahman, "Terima");
        var notices = await _host.RepliesAfterAsync(SitiWhatsApp, kaderBefore);
        Assert.Contains(notices, m => m.Body.Contains(number, StringComparison.Ordinal) && m.Body.Contains("Abdul Rahman", StringComparison.Ordinal));
        Assert.Equal(telegramBefore, _host.Host.BotApi.SentTo(TelegramUser.Siti.ChatId).Count);
        _host.Host.AssertNoErrors();
    }

    [Fact]
    public async Task A_voice_note_at_the_photo_question_gets_a_clear_ask_for_a_photo_and_nothing_is_stored()
    {
        await WalkToPhotoQuestionAsync();
        _host.Twilio.Media = ("audio/ogg", [1, 2, 3]);

        var answer = await _host.SendAsync(SitiWhatsApp, "", ("NumMedia", "1"), ("MediaContentType0", "audio/ogg"),
            ("MediaUrl0", $"https://api.twilio.com/2010-04-01/Accounts/{FakeTwilio.AccountSid}/Messages/MM1/Media/ME1"));

        Assert.Contains(answer, m => m.Body.Contains("kirim foto", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(0, _host.Twilio.MediaDownloads);
        Assert.False(Directory.Exists(_host.Host.MediaFolder) && Directory.EnumerateFiles(_host.Host.MediaFolder).Any());
    }

    [Fact]
    public async Task A_picture_larger_than_the_cap_is_not_kept()
    {
        await WalkToPhotoQuestionAsync();
        _host.Twilio.Media = ("image/jpeg", new byte[9 * 1024 * 1024]);

        var answer = await _host.SendAsync(TwilioRequest.Sample("twilio-whatsapp-media.http").With(("MessageSid", TwilioRtlh.NewSid())));

        Assert.Contains(answer, m => m.Body.Contains("kirim foto", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(1, _host.Twilio.MediaDownloads);
        Assert.False(Directory.Exists(_host.Host.MediaFolder) && Directory.EnumerateFiles(_host.Host.MediaFolder).Any());
    }

    /// <summary>Siti on WhatsApp, through the RTLH questions up to the photos.</summary>
    private async Task WalkToPhotoQuestionAsync()
    {
        var menu = await _host.SendAsync(SitiWhatsApp, "lapor");
        var topics = await _host.SendAsync(SitiWhatsApp, TwilioRtlh.NumberOf(menu, "Perumahan"));
        await _host.SendAsync(SitiWhatsApp, TwilioRtlh.NumberOf(topics, "tidak layak huni"));
        foreach (var answer in new[] { "Budi Santoso", "lewati", "enam orang", "30 m2", "rusak berat", "4", "tanah", "kokoh", "3", "2", "ya", "1", "1", "tidak", "Jl. Poros Perian", "RT 3 RW 4" })
        {
            await _host.SendAsync(SitiWhatsApp, answer);
        }

        var photoQuestion = await _host.SendAsync(SitiWhatsApp, "lewati");
        Assert.Contains(photoQuestion, m => m.Body.Contains("foto", StringComparison.OrdinalIgnoreCase));
        using var probe = await _host.Host.Http.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, probe.StatusCode);
    }
}
