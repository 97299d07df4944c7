using System.Text.RegularExpressions;

namespace Posyandu.Bot.Host.Tests.Support;

/// <summary>
/// The RTLH journey as a kader walks it on WhatsApp or SMS: no buttons, so every choice is typed (a number from the list,
/// or the words); on WhatsApp a location pin and a photo from the signed samples, on SMS a typed landmark and no photo.
/// </summary>
public static partial class TwilioRtlh
{
    /// <summary>Walks the whole form from the first message to <c>kirim</c>; returns the report number.</summary>
    public static async Task<string> ReportAsync(TwilioTestHost host, string from)
    {
        var whatsApp = from.StartsWith("whatsapp:", StringComparison.Ordinal);
        var menu = await host.SendAsync(from, "lapor");
        var topics = await host.SendAsync(from, NumberOf(menu, "Perumahan"));
        var first = await host.SendAsync(from, NumberOf(topics, "tidak layak huni"));
        Assert.Contains(first, m => m.Body.Contains("kepala keluarga", StringComparison.OrdinalIgnoreCase));

        foreach (var answer in new[] { "Budi Santoso", "lewati", "enam orang", "30 m2", "rusak berat", "4", "tanah", "kokoh", "3", "2", "ya", "1", "1", "tidak", "Jl. Poros Perian No. 12, dekat masjid" })
        {
            await host.SendAsync(from, answer);
        }

        var location = await host.SendAsync(from, "RT 3 RW 4");
        Assert.DoesNotContain(location, m => m.Body.Contains("tombol", StringComparison.OrdinalIgnoreCase));
        if (whatsApp)
        {
            await host.SendAsync(TwilioRequest.Sample("twilio-whatsapp-location.http").With(("MessageSid", NewSid()), ("From", from)));
            var photo = await host.SendAsync(TwilioRequest.Sample("twilio-whatsapp-media.http").With(("MessageSid", NewSid()), ("From", from)));
            Assert.Contains(photo, m => m.Body.Contains("Foto ke-1 diterima", StringComparison.Ordinal));
            await host.SendAsync(from, "selesai");
        }
        else
        {
            await host.SendAsync(from, "depan masjid Al-Ikhlas");
            await host.SendAsync(from, "lewati");
        }

        var summary = await host.SendAsync(from, "lewati");
        Assert.Contains(summary, m => m.Body.Contains("kirim", StringComparison.OrdinalIgnoreCase));
        var confirmation = await host.SendAsync(from, "kirim");
        var number = confirmation.Select(m => TwilioTestHost.ReportNumber().Match(m.Body)).FirstOrDefault(m => m.Success);
        Assert.True(number is not null, "No report number in: " + string.Join(" | ", confirmation.Select(m => m.Body)));
        return number.Value;
    }

    /// <summary>The number in front of the line containing <paramref name="label"/> in the last message.</summary>
    public static string NumberOf(IReadOnlyList<TwilioMessage> messages, string label)
    {
        var line = messages[^1].Body.Split('\n').FirstOrDefault(l => l.Contains(label, StringComparison.OrdinalIgnoreCase) && NumberedLine().IsMatch(l));
        Assert.True(line is not null, $"No numbered line '{label}' in: {messages[^1].Body}");
        return NumberedLine().Match(line).Groups[1].Value;
    }

    /// <summary>The short referral number an official types (<c>TERIMA 42</c>), as the alert says it.</summary>
    public static string ShortNumberIn(string alert)
    {
        var match = TerimaCommand().Match(alert);
        Assert.True(match.Success, "No TERIMA command in: " + alert);
        return match.Groups[1].Value;
    }

    public static string NewSid() => "SM" + Guid.NewGuid().ToString("N");

    [GeneratedRegex(@"^\s*(\d+)\. ")]
    private static partial Regex NumberedLine();

    [GeneratedRegex(@"TERIMA (\d+)")]
    private static partial Regex TerimaCommand();
}
