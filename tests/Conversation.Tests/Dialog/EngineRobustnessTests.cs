using Posyandu.Conversation.Dialog;
using Posyandu.Conversation.Forms;

namespace Posyandu.Conversation.Tests.Dialog;

/// <summary>Whatever a person sends, in whatever order, the engine answers politely and never throws or loses its state.</summary>
public sealed class EngineRobustnessTests
{
    private static readonly Inbound[] Pool =
    [
        Inbound.OfText("menu"), Inbound.OfText("halo"), Inbound.OfText("/start"), Inbound.OfText("1"), Inbound.OfText("2"),
        Inbound.OfText("3"), Inbound.OfText("4"), Inbound.OfText("ya"), Inbound.OfText("tidak"), Inbound.OfText("lewati"),
        Inbound.OfText("kembali"), Inbound.OfText("batal"), Inbound.OfText("bantuan"), Inbound.OfText("kirim"),
        Inbound.OfText("selesai"), Inbound.OfText("lanjut"), Inbound.OfText("baru"), Inbound.OfText("ubah 3"), Inbound.OfText("ubah 40"),
        Inbound.OfText("Budi Santoso"), Inbound.OfText("6402011203850001"), Inbound.OfText("6x5"), Inbound.OfText("3/4"),
        Inbound.OfText("Jl. Mawar No. 3"), Inbound.OfText(""), Inbound.OfText("   "), Inbound.OfText(new string('x', 5000)),
        Inbound.OfText("🙏🙏"), Inbound.OfText("ubah"), Inbound.OfText("1, 3"), Inbound.OfText("kemarin"),
        Inbound.OfChoice("m:PR"), Inbound.OfChoice("m:KS"), Inbound.OfChoice("t:PR-RTLH"), Inbound.OfChoice("t:KS-UJI"),
        Inbound.OfChoice("c:atap:3"), Inbound.OfChoice("c:atap:99"), Inbound.OfChoice("c:hamil:1"), Inbound.OfChoice("c:tanda_bahaya:1"),
        Inbound.OfChoice("c:tanda_bahaya:2"), Inbound.OfChoice("c:konfirmasi_batal:1"), Inbound.OfChoice("c:konfirmasi_batal:2"),
        Inbound.OfChoice("g:lewati"), Inbound.OfChoice("g:kirim"), Inbound.OfChoice("g:selesai"), Inbound.OfChoice("g:lanjut"),
        Inbound.OfChoice("g:baru"), Inbound.OfChoice("g:1"), Inbound.OfChoice("c::"), Inbound.OfChoice(""), Inbound.OfChoice("r:terima:PR-2511-0042"),
        new Inbound(InboundKind.Choice), new Inbound(InboundKind.Text), new Inbound(InboundKind.Photo), new Inbound(InboundKind.Location),
        Inbound.OfPhoto("p1"), Inbound.OfPhoto("p2", "ini fotonya"), Inbound.OfLocation(new GeoPoint(-0.5, 117.1)),
    ];

    [Theory]
    [InlineData("default", 1)]
    [InlineData("default", 2)]
    [InlineData("uji", 3)]
    [InlineData("uji", 4)]
    public void Random_messages_always_get_an_answer_and_any_submission_holds_every_required_answer(string catalog, int seed)
    {
        var engine = new DialogEngine(TestFiles.Catalog(catalog));
        var random = new Random(seed);
        var now = new DateTimeOffset(2025, 11, 23, 9, 0, 0, TimeSpan.FromHours(8));
        var stored = "";

        for (var i = 0; i < 3000; i++)
        {
            var message = Pool[random.Next(Pool.Length)];
            now = now.AddMinutes(random.Next(1, 4000));
            var context = new DialogContext(now, TranscriptRunner.Wita, "Siti", random.Next(2) == 0 ? null : "PR");
            var result = i % 97 == 0
                ? engine.Welcome(SessionJson.Deserialize(stored), context)
                : engine.Handle(SessionJson.Deserialize(stored), message, context);
            stored = SessionJson.Serialize(result.Session);

            if (result.Submitted is { } report)
            {
                Assert.Empty(result.Replies);
                var required = report.Lines.Select(l => l.Field).ToHashSet();
                Assert.All(report.Form.Fields.Where(f => !f.Optional && report.Answers.ContainsKey(f.Name)), f => Assert.Contains(f.Name, required));
            }
            else
            {
                Assert.NotEmpty(result.Replies);
            }

            Assert.All(result.Replies, r => Assert.False(string.IsNullOrWhiteSpace(r.Text)));
        }

    }

    [Fact]
    public void A_stored_session_pointing_at_a_removed_field_or_topic_is_repaired_not_fatal()
    {
        var engine = new DialogEngine(TestFiles.DefaultCatalog);
        var context = new DialogContext(new DateTimeOffset(2025, 11, 23, 9, 0, 0, TimeSpan.FromHours(8)), TranscriptRunner.Wita, "Siti", null);
        var stored = """
            {"mode":"form","topic":"PR-RTLH","drafts":{
              "PR-RTLH":{"step":"jumlah_kamar","updatedAt":"2025-11-23T08:00:00+08:00",
                         "answers":{"nama_kk":{"text":"Budi"},"atap":{"options":["genteng_kaca"]},"warna":{"text":"biru"}}},
              "PR-LAMA":{"step":"x","updatedAt":"2025-11-23T08:00:00+08:00"}}}
            """;

        var result = engine.Handle(SessionJson.Deserialize(stored), Inbound.OfText("lewati"), context);

        var text = string.Join("\n", result.Replies.Select(r => r.Text));
        Assert.Contains("Draf laporan PR-LAMA tidak bisa dilanjutkan", text, StringComparison.Ordinal);
        var draft = result.Session.Drafts["PR-RTLH"];
        Assert.Equal(["nama_kk", "nik_kk"], draft.Answers.Keys);
        Assert.Equal("jumlah_penghuni", draft.Step);
    }
}
