using Posyandu.Conversation.Dialog;
using Posyandu.Conversation.Forms;

namespace Posyandu.Conversation.Tests.Forms;

/// <summary>A new topic is a data change: a file dropped in a catalog folder is asked, summarised and submitted end to end.</summary>
public sealed class NewTopicTests
{
    private const string Jembatan = """
        {
          // A district's own topic, written by hand.
          "topic": "PU-JEMBATAN",
          "bidang": "PU",
          "title": "Jembatan rusak",
          "fields": [
            { "use": "lokasi", "optional": false, "question": "Mohon kirim lokasi jembatan." },
            { "name": "panjang", "type": "decimal", "label": "Panjang jembatan", "question": "Berapa meter panjang jembatannya?", "min": 1, "max": 500, "unit": "m" },
            { "name": "putus", "type": "yesno", "label": "Putus", "question": "Apakah jembatan sudah putus?" },
          ],
          "common": ["alamat", "rt_rw"],
          "urgency": [ { "level": "darurat", "when": "putus" } ],
          "notice": "Mohon pasang tanda bahaya di dekat jembatan bila aman.",
        }
        """;

    [Fact]
    public void A_topic_file_in_a_temp_folder_is_walked_from_menu_to_submission()
    {
        using var folder = new TempCatalog().WithShippedCommon().With("PU-JEMBATAN.json", Jembatan);
        var engine = new DialogEngine(FormCatalog.Load(folder.Folder));
        var context = new DialogContext(new DateTimeOffset(2025, 11, 23, 9, 0, 0, TimeSpan.FromHours(8)), TimeZoneInfo.Utc, "Siti", "PU");
        var session = new Session();

        DialogResult Send(Inbound message)
        {
            var result = engine.Handle(session, message, context);
            session = SessionJson.Deserialize(SessionJson.Serialize(result.Session));
            return result;
        }

        Assert.Contains("Pekerjaan Umum", Send(Inbound.OfText("menu")).Replies[0].Text, StringComparison.Ordinal);
        Assert.Contains("Jembatan rusak", Send(Inbound.OfChoice("m:PU")).Replies[0].Text, StringComparison.Ordinal);
        var first = Send(Inbound.OfChoice("t:PU-JEMBATAN")).Replies[0];
        Assert.Equal(ReplyRequest.Location, first.Request);
        Assert.EndsWith("Mohon kirim lokasi jembatan.", first.Text, StringComparison.Ordinal);
        Assert.Contains("wajib", Send(Inbound.OfText("lewati")).Replies[0].Text, StringComparison.Ordinal);
        Send(Inbound.OfLocation(new GeoPoint(-0.5, 117.1)));
        Send(Inbound.OfText("12,5 m"));
        Send(Inbound.OfChoice("c:putus:1"));
        Send(Inbound.OfText("Jembatan Sungai Mahakam, Dusun I"));
        var summary = Send(Inbound.OfText("RT 2 RW 1")).Replies[0].Text;
        Assert.Contains("2. Panjang jembatan: 12,5 m", summary, StringComparison.Ordinal);
        Assert.Contains("Tingkat kepentingan: *Darurat*", summary, StringComparison.Ordinal);

        var sent = Send(Inbound.OfText("kirim"));

        Assert.Empty(sent.Replies);
        var report = Assert.IsType<SubmittedForm>(sent.Submitted);
        Assert.Equal(("PU-JEMBATAN", Urgency.Darurat, "002/001"), (report.Form.Topic, report.Assessment.Urgency, report.RtRw));
        Assert.Equal(new GeoPoint(-0.5, 117.1), report.Location);
        Assert.Equal("Jembatan Sungai Mahakam, Dusun I", report.Address);
        Assert.Equal(["lokasi", "panjang", "putus", "alamat", "rt_rw"], report.Lines.Select(l => l.Field));
        Assert.Empty(session.Drafts);
    }
}
