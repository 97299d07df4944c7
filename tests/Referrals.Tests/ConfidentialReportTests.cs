using Microsoft.EntityFrameworkCore;
using Posyandu.Conversation;
using Posyandu.Conversation.Forms;
using Posyandu.Referrals.Outbox;
using Posyandu.Referrals.Persistence;
using Posyandu.Referrals.Tests.Support;

namespace Posyandu.Referrals.Tests;

/// <summary>
/// SO-KEKERASAN, the confidential topic: the alert reaches only the roles its routing names (UPTD PPA, the Kepala Desa as
/// copy), the copy says nothing about the victim, and the kader is shown the SAPA 129 contact.
/// </summary>
public sealed class ConfidentialReportTests
{
    private const string SitiChat = "1001";
    private const string KadesChat = "2001";
    private const string PpaChat = "2012";
    private const string Uraian = "Anak dipukul ayah tirinya setiap malam";
    private const string Address = "Jl. Kenanga No. 9, Dusun Ilir";

    private static readonly Dictionary<string, string> Answers = new()
    {
        ["korban"] = "2",
        ["usia_korban"] = "12",
        ["jenis"] = "1, 2",
        ["masih_bahaya"] = "ya",
        ["uraian"] = Uraian,
        ["alamat"] = Address,
        ["rt_rw"] = "RT 7 RW 2",
    };

    [Fact]
    public async Task The_alert_goes_only_to_uptd_ppa_with_the_details_and_the_kepala_desa_as_a_bare_copy()
    {
        await using var host = await StartAsync();

        var confirmation = await SubmitAsync(host);

        await using var db = host.Db();
        var report = await db.Reports.Include(r => r.Referral!).ThenInclude(f => f.Recipients).ThenInclude(x => x.Person).SingleAsync();
        Assert.True(report.Confidential);
        Assert.Equal(Urgency.Darurat, report.Urgency);
        Assert.Equal(
            [("Dewi Lestari", RecipientKind.Primary), ("Abdul Rahman", RecipientKind.Copy)],
            report.Referral!.Recipients.OrderBy(x => x.Kind).Select(x => (x.Person!.Nama, x.Kind)));
        var alerted = await db.Outbox.Include(o => o.Person).Where(o => o.Kind == OutboxKind.Alert).Select(o => o.Person!.Nama).ToListAsync();
        Assert.Equal(["Abdul Rahman", "Dewi Lestari"], alerted.Order(StringComparer.Ordinal));

        var primary = Alert(await host.RepliesAsync(PpaChat), report.Number);
        Assert.Contains(Address, primary.Text, StringComparison.Ordinal);
        Assert.Contains("007/002", primary.Text, StringComparison.Ordinal);
        Assert.Contains("Kekerasan terhadap perempuan atau anak", primary.Text, StringComparison.Ordinal);
        Assert.NotEmpty(primary.Buttons);

        var copy = Alert(await host.RepliesAsync(KadesChat), report.Number);
        AssertBareCopy(copy, report.Number);
        Assert.Contains(report.Number, confirmation.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_kepala_desa_asking_info_still_gets_no_victim_details_and_cannot_act()
    {
        await using var host = await StartAsync();
        await SubmitAsync(host);
        await using var db = host.Db();
        var number = (await db.Reports.SingleAsync()).Number;

        await host.SayAsync(KadesChat, $"INFO {number}");
        AssertBareCopy(await host.LastReplyAsync(KadesChat), number);

        await host.SayAsync(KadesChat, $"TERIMA {number}");
        Assert.Contains("tembusan", (await host.LastReplyAsync(KadesChat)).Text, StringComparison.Ordinal);
        Assert.Equal(ReferralStatus.Terkirim, (await db.Referrals.SingleAsync()).Status);

        // The handler asking INFO gets everything the kader answered.
        await host.SayAsync(PpaChat, $"INFO {number}");
        var info = await host.LastReplyAsync(PpaChat);
        Assert.Contains(Uraian, info.Text, StringComparison.Ordinal);
        Assert.Contains("12 tahun", info.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_kader_is_shown_the_sapa_129_contact_after_sending()
    {
        await using var host = await StartAsync();

        var confirmation = await SubmitAsync(host);

        var notice = FormCatalog.LoadDefault().Find("SO-KEKERASAN")!.Notice!;
        Assert.Contains("SAPA 129", notice, StringComparison.Ordinal);
        Assert.Contains(notice, confirmation.Text, StringComparison.Ordinal);
        Assert.Contains("129", confirmation.Text, StringComparison.Ordinal);
    }

    // Nothing that could identify the victim or the reporter: only that a confidential report exists, where, its number,
    // urgency and that UPTD PPA handles it.
    private static void AssertBareCopy(Reply copy, string number)
    {
        Assert.Contains(number, copy.Text, StringComparison.Ordinal);
        Assert.Contains("rahasia", copy.Text, StringComparison.Ordinal);
        Assert.Contains("Perian", copy.Text, StringComparison.Ordinal);
        Assert.Contains("DARURAT", copy.Text, StringComparison.Ordinal);
        Assert.Contains("UPTD PPA", copy.Text, StringComparison.Ordinal);
        Assert.Empty(copy.Buttons);
        Assert.Null(copy.PhotoId);
        foreach (var secret in new[] { Uraian, "Jl. Kenanga", "Dusun Ilir", "007", "RT", "Peta", "maps", "12", "tahun", "Anak", "Fisik", "Psikis", "Kekerasan", "Siti", "Pelapor", "Alamat" })
        {
            Assert.DoesNotContain(secret, copy.Text, StringComparison.OrdinalIgnoreCase);
        }
    }

    private static Reply Alert(IReadOnlyList<Reply> replies, string number) =>
        replies.Last(r => r.Text.Contains(number, StringComparison.Ordinal));

    private static async Task<TestHost> StartAsync()
    {
        var host = await TestHost.StartAsync();
        await host.LinkAsync(SitiChat, "0812-5123-4501");
        await host.LinkAsync(KadesChat, "0813-5111-0001");
        await host.LinkAsync(PpaChat, "0813-5111-0012");
        return host;
    }

    // The kader answers whichever question the bot asked last, until the summary, then sends kirim.
    private static async Task<Reply> SubmitAsync(TestHost host)
    {
        var form = FormCatalog.LoadDefault().Find("SO-KEKERASAN")!;
        await host.SendAsync(SitiChat, Inbound.OfChoice("m:SO"));
        await host.SendAsync(SitiChat, Inbound.OfChoice("t:SO-KEKERASAN"));
        for (var step = 0; step < 30; step++)
        {
            var last = await host.LastReplyAsync(SitiChat);
            if (last.Text.Contains("Ringkasan laporan", StringComparison.Ordinal))
            {
                await host.SayAsync(SitiChat, "kirim");
                return await host.LastReplyAsync(SitiChat);
            }

            var field = form.Fields.LastOrDefault(f => last.Text.Contains(f.Question, StringComparison.Ordinal))
                ?? throw new InvalidOperationException($"Unexpected question: {last.Text}");
            await host.SayAsync(SitiChat, Answers[field.Name]);
        }

        throw new InvalidOperationException("The form never reached its summary.");
    }
}
