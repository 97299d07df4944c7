using System.Globalization;
using Posyandu.Referrals.Persistence;
using Posyandu.Referrals.Roster;

namespace Posyandu.Referrals.Texts;

/// <summary>How people, times and urgency read in messages.</summary>
internal static class TextFormat
{
    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"];

    /// <summary>"Abdul Rahman (Kepala Desa)".</summary>
    public static string Person(Person person) => $"{person.Nama} ({Peran.DisplayName(person.Peran, person.KodeWilayah)})";

    /// <summary>"13 Nov 2025 14.30 WITA", in the zone of the desa.</summary>
    public static string Time(DateTimeOffset at, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(at, zone);
        return string.Create(CultureInfo.InvariantCulture, $"{local.Day} {Months[local.Month - 1]} {local.Year} {local:HH.mm} {zone.StandardName}");
    }

    public static string Urgency(Conversation.Urgency urgency) => urgency switch
    {
        Conversation.Urgency.Darurat => "DARURAT",
        Conversation.Urgency.Segera => "SEGERA",
        _ => "BIASA",
    };

    public static string Status(ReferralStatus status) => status switch
    {
        ReferralStatus.Diterima => "sudah diterima",
        ReferralStatus.Selesai => "selesai",
        ReferralStatus.Ditolak => "ditolak",
        _ => "menunggu diterima",
    };

    /// <summary>The short reference officials type: <c>PR-2511-0042</c> → <c>42</c>.</summary>
    public static string ShortNumber(string number)
    {
        var dash = number.LastIndexOf('-');
        return dash < 0 ? number : number[(dash + 1)..].TrimStart('0') is { Length: > 0 } digits ? digits : "0";
    }
}
