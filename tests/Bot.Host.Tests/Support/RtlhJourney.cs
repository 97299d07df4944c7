using System.Text.RegularExpressions;

namespace Posyandu.Bot.Host.Tests.Support;

/// <summary>
/// The flagship journey as a kader walks it on Telegram: the menu, Perumahan Rakyat, RTLH, every question answered the
/// way kader answer (typed words, numbers, a button, "lewati"), a location pin, a photo and an image sent as a file,
/// the summary and <c>kirim</c>.
/// </summary>
public static partial class RtlhJourney
{
    /// <summary>Opens the RTLH form from the menu (the person's chat must be linked already).</summary>
    public static async Task StartAsync(TelegramTestHost host, TelegramUser kader)
    {
        await host.PressAsync(kader, "Perumahan");
        var question = await host.PressAsync(kader, "tidak layak huni");
        Assert.Contains(question, m => m.Text.Contains("kepala keluarga", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Answers the questions up to and including the photos; the next question is the optional note.</summary>
    public static async Task AnswerAllAsync(TelegramTestHost host, TelegramUser kader)
    {
        await host.SendAsync(kader, Updates.Text(kader, "Budi Santoso"));
        await AnswerRestAsync(host, kader);
    }

    /// <summary>Opens the form and answers every question before the location: the bot now asks for a pin.</summary>
    public static async Task ReachLocationAsync(TelegramTestHost host, TelegramUser kader)
    {
        await StartAsync(host, kader);
        await host.SendAsync(kader, Updates.Text(kader, "Budi Santoso"));
        await AnswerBeforeLocationAsync(host, kader);
    }

    /// <summary>Opens the form and answers every question before the photos: the bot now asks for a photo.</summary>
    public static async Task ReachPhotosAsync(TelegramTestHost host, TelegramUser kader)
    {
        await ReachLocationAsync(host, kader);
        await SendLocationAsync(host, kader);
    }

    /// <summary>Continues after <c>nama_kk</c>: NIK skipped, through the photos.</summary>
    public static async Task AnswerRestAsync(TelegramTestHost host, TelegramUser kader)
    {
        await AnswerBeforeLocationAsync(host, kader);
        await SendLocationAsync(host, kader);
        await host.SendAsync(kader, Updates.Photo(kader));
        await host.SendAsync(kader, Updates.FromSample("telegram-document-image.json", kader));
        await host.SendAsync(kader, Updates.Text(kader, "selesai"));
    }

    private static async Task AnswerBeforeLocationAsync(TelegramTestHost host, TelegramUser kader)
    {
        await host.SendAsync(kader, Updates.Text(kader, "lewati"));
        await host.SendAsync(kader, Updates.Text(kader, "enam orang"));
        await host.SendAsync(kader, Updates.Text(kader, "30 m2"));
        // The roof by button: the sample callback's data, c:atap:3 = rusak berat.
        await host.PressAsync(kader, "Rusak berat");
        await host.SendAsync(kader, Updates.Text(kader, "4"));
        await host.SendAsync(kader, Updates.Text(kader, "tanah"));
        await host.SendAsync(kader, Updates.Text(kader, "kokoh"));
        await host.SendAsync(kader, Updates.Text(kader, "3"));
        await host.SendAsync(kader, Updates.Text(kader, "2"));
        await host.SendAsync(kader, Updates.Text(kader, "ya"));
        await host.SendAsync(kader, Updates.Text(kader, "1"));
        await host.SendAsync(kader, Updates.Text(kader, "1"));
        await host.SendAsync(kader, Updates.Text(kader, "tidak"));
        await host.SendAsync(kader, Updates.Text(kader, "Jl. Poros Perian No. 12, dekat masjid"));
        await host.SendAsync(kader, Updates.Text(kader, "RT 3 RW 4"));
    }

    private static async Task SendLocationAsync(TelegramTestHost host, TelegramUser kader)
    {
        var photoQuestion = await host.SendAsync(kader, Updates.Location(kader));
        Assert.Contains(photoQuestion, m => m.Text.Contains("foto", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Skips the note, sends <c>kirim</c> at the summary and returns the report number from the confirmation.</summary>
    public static async Task<string> SubmitAsync(TelegramTestHost host, TelegramUser kader)
    {
        var summary = await host.SendAsync(kader, Updates.Text(kader, "lewati"));
        Assert.Contains(summary, m => m.Text.Contains("kirim", StringComparison.OrdinalIgnoreCase));
        var confirmation = await host.SendAsync(kader, Updates.Text(kader, "kirim"));
        var number = confirmation.Select(m => ReportNumber().Match(m.Text)).FirstOrDefault(m => m.Success);
        Assert.True(number is not null, "No report number in: " + string.Join(" | ", confirmation.Select(m => m.Text)));
        return number.Value;
    }

    /// <summary>Links the kader, walks the whole form and submits it; returns the report number.</summary>
    public static async Task<string> ReportAsync(TelegramTestHost host, TelegramUser kader)
    {
        await host.LinkAsync(kader);
        await StartAsync(host, kader);
        await AnswerAllAsync(host, kader);
        return await SubmitAsync(host, kader);
    }

    [GeneratedRegex(@"\b[A-Z]{2}-\d{4}-\d{4}\b")]
    public static partial Regex ReportNumber();
}
