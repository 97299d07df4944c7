using System.Globalization;

namespace Posyandu.Bot.Host.Web;

/// <summary>How the dashboard writes times, statuses, urgency, timeline steps and channels, in Bahasa Indonesia.</summary>
public static class DashboardFormat
{
    private static readonly string[] Months = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];
    private static readonly string[] ShortMonths = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"];

    /// <summary>"13 Nov 2025 14.30 WITA" in <paramref name="zone"/>.</summary>
    public static string Time(DateTimeOffset at, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(at, zone);
        return string.Create(CultureInfo.InvariantCulture, $"{local.Day} {ShortMonths[local.Month - 1]} {local.Year} {local:HH.mm} {zone.StandardName}");
    }

    /// <summary>"November 2025" for <c>2025-11</c>.</summary>
    public static string Month(string month)
    {
        ArgumentNullException.ThrowIfNull(month);
        return DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? $"{Months[date.Month - 1]} {date.Year.ToString(CultureInfo.InvariantCulture)}"
            : month;
    }

    /// <summary>"Nov 25" for <c>2025-11</c>, for chart labels.</summary>
    public static string ShortMonth(string month)
    {
        ArgumentNullException.ThrowIfNull(month);
        return DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? $"{ShortMonths[date.Month - 1]} {date:yy}"
            : month;
    }

    /// <summary>"3 hari 4 jam", "5 jam 10 menit", "12 menit".</summary>
    public static string Duration(TimeSpan span)
    {
        if (span < TimeSpan.Zero)
        {
            span = TimeSpan.Zero;
        }

        return span.TotalDays >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalDays} hari {span.Hours} jam")
            : span.TotalHours >= 1
                ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours} jam {span.Minutes} menit")
                : string.Create(CultureInfo.InvariantCulture, $"{Math.Max(0, (int)span.TotalMinutes)} menit");
    }

    public static string Status(string? status) => status switch
    {
        "Terkirim" => "Menunggu diterima",
        "Diterima" => "Diterima",
        "Selesai" => "Selesai",
        "Ditolak" => "Ditolak",
        null or "" => "—",
        _ => status,
    };

    public static string Urgency(string urgency) => urgency?.ToUpperInvariant() ?? "";

    public static string Step(string kind) => kind switch
    {
        "Dibuat" => "Laporan dibuat",
        "Dikirim" => "Dikirim kepada",
        "TanpaPenerima" => "Tidak ada penerima",
        "Diterima" => "Diterima oleh",
        "Selesai" => "Diselesaikan oleh",
        "Ditolak" => "Ditolak oleh",
        "Dialihkan" => "Dialihkan kepada",
        "Info" => "Dibuka (INFO) oleh",
        "Diingatkan" => "Pengingat dikirim",
        "Dieskalasi" => "Dinaikkan (eskalasi) kepada",
        _ => kind,
    };

    public static string Channel(string? channel) => channel switch
    {
        "web" => "dasbor web",
        "telegram" => "Telegram",
        "whatsapp" => "WhatsApp",
        "sms" => "SMS",
        "simulator" => "simulator",
        null or "" => "",
        _ => channel,
    };

    public static string Recipient(string kind) => kind == "Primary" ? "penerima utama" : "tembusan";

    public static string Number(int value) => value.ToString("N0", CultureInfo.GetCultureInfo("id-ID"));
}
