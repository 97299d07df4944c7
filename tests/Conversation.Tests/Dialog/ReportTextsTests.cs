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

        var reply = ReportTexts.Submitted(report, "PR-2511-0042");

        Assert.StartsWith("Terima kasih, laporan sudah terkirim.\nNomor laporan: *PR-2511-0042*\nRumah tidak layak huni, Jl. Mawar No. 3", reply.Text, StringComparison.Ordinal);
        Assert.Equal("g:menu", Assert.Single(reply.Buttons).Data);
    }

    [Fact]
    public void The_form_notice_is_told_after_the_report_is_sent()
    {
        var form = TestFiles.Catalog("uji").Find("KS-UJI")!;
        var report = new SubmittedForm(form, new Dictionary<string, Answer>(), [], new Assessment([], [], Urgency.Darurat), null, null, null, []);

        var reply = ReportTexts.Submitted(report, "KS-2511-0001");

        Assert.Contains("\n\nBila ada perdarahan, segera antar ibu ke puskesmas atau bidan desa.\n\n", reply.Text, StringComparison.Ordinal);
    }
}
