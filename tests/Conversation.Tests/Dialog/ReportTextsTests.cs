using Posyandu.Conversation.Dialog;
using Posyandu.Conversation.Forms;
using Posyandu.Conversation.Texts;

namespace Posyandu.Conversation.Tests.Dialog;

public sealed class ReportTextsTests
{
    [Fact]
    public void The_confirmation_names_the_report_number_the_topic_and_the_address()
    {
        var form = TestFiles.DefaultCatalog.Find("PR-RTLH")!;
        var report = new SubmittedForm(form, new Dictionary<string, Answer>(), [], new Assessment([], [], Urgency.Segera), "Jl. Mawar No. 3", "003/004", null, []);

        var reply = ReportTexts.Submitted(report, "PR-2511-0042", forwarded: true);

        Assert.StartsWith("Terima kasih, laporan sudah terkirim.\nNomor laporan: *PR-2511-0042*\nRumah tidak layak huni, Jl. Mawar No. 3", reply.Text, StringComparison.Ordinal);
        Assert.Contains("diteruskan ke petugas. Bapak/Ibu akan diberi kabar", reply.Text, StringComparison.Ordinal);
        Assert.Equal("g:menu", Assert.Single(reply.Buttons).Data);
    }

    [Fact]
    public void With_nobody_to_receive_it_the_kader_is_not_promised_news()
    {
        var form = TestFiles.DefaultCatalog.Find("PR-RTLH")!;
        var report = new SubmittedForm(form, new Dictionary<string, Answer>(), [], new Assessment([], [], Urgency.Segera), null, null, null, []);

        var reply = ReportTexts.Submitted(report, "PR-2511-0042", forwarded: false);

        Assert.Contains("belum ada petugas terdaftar untuk desa ini", reply.Text, StringComparison.Ordinal);
        Assert.Contains("kantor desa", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("diteruskan ke petugas", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("akan diberi kabar", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_form_notice_is_told_after_the_report_is_sent()
    {
        var form = TestFiles.Catalog("uji").Find("KS-UJI")!;
        var report = new SubmittedForm(form, new Dictionary<string, Answer>(), [], new Assessment([], [], Urgency.Darurat), null, null, null, []);

        var reply = ReportTexts.Submitted(report, "KS-2511-0001", forwarded: true);

        Assert.Contains("\n\nBila ada perdarahan, segera antar ibu ke puskesmas atau bidan desa.\n\n", reply.Text, StringComparison.Ordinal);
    }
}
