using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Posyandu.Conversation;
using Posyandu.Referrals.Persistence;
using Posyandu.Referrals.Roster;

namespace Posyandu.Bench.DashboardPaging;

/// <summary>
/// The data the benchmark pages through: one kabupaten (64.02) of 4 kecamatan with 5 desa each, every desa with its
/// Kepala Desa, Kasi Kesra and 5 kader, every kecamatan with its Camat, the kabupaten with its DPMD; then the reports,
/// each with its referral, spread evenly over the desa, the topics (so the bidang) and the 24 months before now.
/// </summary>
internal static class Seed
{
    public const string Kabupaten = "64.02";
    private const int Kecamatan = 4;
    private const int DesaPerKecamatan = 5;
    private const int KaderPerDesa = 5;
    private const int BatchSize = 5_000;

    private static readonly string[] Topics =
        ["KS-BALITA", "KS-BUMIL", "PD-ATS", "PD-PAUD", "PR-RTLH", "PU-AIR-SANITASI", "PU-SARANA", "SO-KEKERASAN", "SO-RENTAN", "TR-BENCANA", "TR-KEAMANAN"];

    /// <summary>The roster in the importer's CSV format.</summary>
    public static string RosterCsv()
    {
        var csv = new StringBuilder("peran,nama,telepon,kode_wilayah,nama_wilayah,posyandu,hari_buka,bidang\n");
        var phones = 0;
        void Line(string peran, string nama, string kode, string wilayah, string posyandu = "", string hari = "") =>
            csv.Append(CultureInfo.InvariantCulture, $"{peran},{nama},+628135{++phones:D7},{kode},{wilayah},{posyandu},{hari},\n");

        Line(Peran.Dpmd, "Kepala DPMD", Kabupaten, "Kabupaten Contoh");
        for (var k = 1; k <= Kecamatan; k++)
        {
            var kecamatan = $"{Kabupaten}.{k:D2}";
            Line(Peran.Camat, $"Camat {k}", kecamatan, $"Kecamatan {k}");
            for (var d = 1; d <= DesaPerKecamatan; d++)
            {
                var desa = $"{kecamatan}.2{d:D3}";
                var nama = $"Desa {k}-{d}";
                Line(Peran.Kades, $"Kades {k}-{d}", desa, nama);
                Line(Peran.KasiKesra, $"Kasi Kesra {k}-{d}", desa, nama);
                for (var n = 1; n <= KaderPerDesa; n++)
                {
                    Line(Peran.Kader, $"Kader {k}-{d}-{n}", desa, nama, "Posyandu Melati", "12");
                }
            }
        }

        return csv.ToString();
    }

    /// <summary>
    /// Inserts <paramref name="count"/> reports with their referrals through EF in batches. Every report goes to its
    /// desa's Kepala Desa (primary) and Camat (copy); SO-KEKERASAN reports are confidential, as such reports are.
    /// </summary>
    public static async Task ReportsAsync(IDbContextFactory<PosyanduDb> dbFactory, int count, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var people = await db.People.AsNoTracking().ToListAsync(cancellationToken);
        var desa = people.Where(p => p.Peran == Peran.Kader).GroupBy(p => p.KodeWilayah).OrderBy(g => g.Key).Select(g => new
        {
            Kode = g.Key,
            Kader = g.ToList(),
            Kades = people.Single(p => p.Peran == Peran.Kades && p.KodeWilayah == g.Key).Id,
            Camat = people.Single(p => p.Peran == Peran.Camat && KodeWilayah.Covers(p.KodeWilayah, g.Key)).Id,
        }).ToList();

        var random = new Random(11);
        var statuses = Enum.GetValues<ReferralStatus>();
        var urgencies = Enum.GetValues<Urgency>();
        var span = TimeSpan.FromDays(730).TotalSeconds;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var i = 0; i < count; i++)
        {
            var area = desa[i % desa.Count];
            var topic = Topics[(i / desa.Count) % Topics.Length];
            var submitted = now.AddSeconds(-random.NextDouble() * span);
            var reporter = area.Kader[random.Next(area.Kader.Count)];
            var report = new Report
            {
                Number = $"{topic[..2]}-{submitted:yyMM}-{i + 1:D6}",
                Topic = topic,
                Bidang = topic[..2],
                ReporterId = reporter.Id,
                DesaKode = area.Kode,
                PosyanduId = reporter.PosyanduId,
                Channel = "telegram",
                SubmittedAt = submitted,
                Urgency = urgencies[random.Next(urgencies.Length)],
                AnswersJson = "{}",
                LinesJson = "[]",
                AssessmentJson = "{}",
                PhotosJson = "[]",
                Confidential = topic == "SO-KEKERASAN",
                HideReporter = topic == "SO-KEKERASAN",
            };
            report.Referral = new Referral
            {
                Status = statuses[random.Next(statuses.Length)],
                AckDeadline = submitted.AddHours(24),
                Recipients =
                [
                    new ReferralRecipient { PersonId = area.Kades, Kind = RecipientKind.Primary, AddedAt = submitted },
                    new ReferralRecipient { PersonId = area.Camat, Kind = RecipientKind.Copy, AddedAt = submitted },
                ],
            };
            db.Reports.Add(report);
            if ((i + 1) % BatchSize == 0 || i + 1 == count)
            {
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }
        }
    }
}
