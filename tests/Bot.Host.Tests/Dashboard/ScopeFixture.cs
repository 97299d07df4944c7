using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Posyandu.Bot.Host.Tests.Support;
using Posyandu.Conversation;
using Posyandu.Referrals.Persistence;
using Posyandu.Referrals.Roster;
using Posyandu.Referrals.Routing;

namespace Posyandu.Bot.Host.Tests.Dashboard;

/// <summary>
/// One host with the demo roster plus a second kecamatan and a second kabupaten, reports in each desa (routed by the real
/// router), a confidential one in Perian, and signed-in sessions of officials at every level.
/// </summary>
public sealed class ScopeFixture : IAsyncLifetime
{
    public static readonly TelegramUser KadesSukamaju = new("Hendra Gunawan", "+6281351110020", 5123450120);
    public static readonly TelegramUser Camat = new("Muhammad Yusuf", "+6281351110010", 5123450110);
    public static readonly TelegramUser UptdPpa = new("Dewi Lestari", "+6281351110012", 5123450112);
    public static readonly TelegramUser Dpmd = new("Arif Budiman", "+6281351110015", 5123450115);

    /// <summary>Desa, kecamatan and kabupaten beyond the demo roster, each with a kader and a Kepala Desa.</summary>
    private const string ExtraRoster = """
        peran,nama,telepon,kode_wilayah,nama_wilayah,posyandu,hari_buka,bidang
        KADER,Kader Lampanah,0812-5123-4510,64.02.02.2001,Lampanah,Posyandu Anggrek,7,
        KADES,Kades Lampanah,0813-5111-0030,64.02.02.2001,Lampanah,,,
        CAMAT,Camat Kota Bangun,0813-5111-0031,64.02.02,Kota Bangun,,,
        KADER,Kader Tanjung,0812-5123-4520,64.03.01.2001,Tanjung,Posyandu Dahlia,9,
        KADES,Kades Tanjung,0813-5111-0040,64.03.01.2001,Tanjung,,,
        DPMD,DPMD Paser,0813-5111-0041,64.03,Paser,,,
        """;

    public TelegramTestHost Host { get; } = new();

    public string PerianRtlh { get; private set; } = "";
    public string PerianConfidential { get; private set; } = "";
    public string SukamajuRtlh { get; private set; } = "";
    public string LampanahRtlh { get; private set; } = "";
    public string TanjungRtlh { get; private set; } = "";
    public string PerianPhoto { get; } = Guid.NewGuid().ToString("N") + ".jpg";
    public string SukamajuPhoto { get; } = Guid.NewGuid().ToString("N") + ".jpg";

    public DashboardSession KadesPerian { get; private set; } = null!;
    public DashboardSession KadesOfSukamaju { get; private set; } = null!;
    public DashboardSession CamatMuaraMuntai { get; private set; } = null!;
    public DashboardSession Uptd { get; private set; } = null!;
    public DashboardSession DpmdKutai { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _ = Host.Http;
        using (var csv = new StringReader(ExtraRoster.Replace("        ", "", StringComparison.Ordinal)))
        {
            var result = await Host.Services.GetRequiredService<RosterImporter>().ImportAsync(csv, CancellationToken.None);
            Assert.Equal(0, result.Refused);
        }

        Directory.CreateDirectory(Host.MediaFolder);
        await File.WriteAllBytesAsync(Path.Combine(Host.MediaFolder, PerianPhoto), FakeBotApi.PhotoBytes);
        await File.WriteAllBytesAsync(Path.Combine(Host.MediaFolder, SukamajuPhoto), FakeBotApi.PhotoBytes);

        PerianRtlh = await AddReportAsync("PR-RTLH", "64.02.01.2001", "+6281251234501", 101, photo: PerianPhoto);
        PerianConfidential = await AddReportAsync("SO-KEKERASAN", "64.02.01.2001", "+6281251234503", 102, confidential: true);
        SukamajuRtlh = await AddReportAsync("PR-RTLH", "64.02.01.2098", "+6281251234504", 103, photo: SukamajuPhoto);
        LampanahRtlh = await AddReportAsync("PR-RTLH", "64.02.02.2001", "+6281251234510", 104);
        TanjungRtlh = await AddReportAsync("PR-RTLH", "64.03.01.2001", "+6281251234520", 105);

        KadesPerian = await DashboardSession.SignInAsync(Host, TelegramUser.AbdulRahman);
        KadesOfSukamaju = await DashboardSession.SignInAsync(Host, KadesSukamaju);
        CamatMuaraMuntai = await DashboardSession.SignInAsync(Host, Camat);
        Uptd = await DashboardSession.SignInAsync(Host, UptdPpa);
        DpmdKutai = await DashboardSession.SignInAsync(Host, Dpmd);
    }

    public Task<PosyanduDb> DbAsync() => Host.Services.GetRequiredService<IDbContextFactory<PosyanduDb>>().CreateDbContextAsync();

    /// <summary>A report of <paramref name="topic"/> by the kader with <paramref name="reporterPhone"/>, routed as the bot routes it.</summary>
    private async Task<string> AddReportAsync(string topic, string desa, string reporterPhone, int sequence, bool confidential = false, string? photo = null)
    {
        await using var db = await DbAsync();
        var reporter = await db.People.SingleAsync(p => p.Phone == reporterPhone);
        var now = DateTimeOffset.UtcNow;
        var number = $"{topic[..2]}-{now:yyMM}-{sequence:D4}";
        var report = new Report
        {
            Number = number,
            Topic = topic,
            Bidang = topic[..2],
            ReporterId = reporter.Id,
            DesaKode = desa,
            PosyanduId = reporter.PosyanduId,
            Channel = "telegram",
            SubmittedAt = now,
            Urgency = confidential ? Urgency.Darurat : Urgency.Segera,
            AnswersJson = "{}",
            LinesJson = confidential
                ? """[{"field":"nama_korban","label":"Nama korban","display":"Mawar Rahasia"}]"""
                : """[{"field":"nama_kk","label":"Nama kepala keluarga","display":"Budi Santoso"}]""",
            AssessmentJson = """{"values":[],"flags":[{"code":"atap","label":"Atap rusak berat"}],"urgency":"Segera"}""",
            Address = confidential ? "Jl. Rahasia No. 1" : "Jl. Poros No. 12",
            PhotosJson = photo is null ? "[]" : $"[\"{photo}\"]",
            Confidential = confidential,
            HideReporter = confidential,
        };
        db.Reports.Add(report);
        await db.SaveChangesAsync();

        var recipients = await ReferralRouter.RouteAsync(db, desa, RoutingDefaults.For(topic, confidential), CancellationToken.None);
        var referral = new Referral { ReportId = report.Id, Status = ReferralStatus.Terkirim, AckDeadline = now.AddHours(24) };
        foreach (var recipient in recipients)
        {
            referral.Recipients.Add(new ReferralRecipient { PersonId = recipient.Person.Id, Kind = recipient.Kind, Reason = recipient.Reason, AddedAt = now });
        }

        db.Referrals.Add(referral);
        await db.SaveChangesAsync();
        return number;
    }

    public Task DisposeAsync()
    {
        foreach (var session in new[] { KadesPerian, KadesOfSukamaju, CamatMuaraMuntai, Uptd, DpmdKutai })
        {
            session?.Dispose();
        }

        Host.Dispose();
        return Task.CompletedTask;
    }
}
