using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Posyandu.Conversation;
using Posyandu.Conversation.Parsing;
using Posyandu.Referrals.Intake;
using Posyandu.Referrals.Outbox;
using Posyandu.Referrals.Persistence;
using Posyandu.Referrals.Tests.Support;

namespace Posyandu.Referrals.Tests;

public class InboundPipelineTests
{
    private const string SitiChat = "1001";
    private const string SitiPhone = "0812-5123-4501";
    private const string PhotoId = "0123456789abcdef0123456789abcdef.jpg";

    [Fact]
    public async Task A_verified_contact_in_the_roster_links_the_chat_and_gets_the_welcome()
    {
        await using var host = await TestHost.StartAsync();
        Assert.Equal(InboundOutcome.Handled, await host.LinkAsync(SitiChat, SitiPhone));

        await using var db = host.Db();
        var link = await db.ChannelLinks.Include(l => l.Person).SingleAsync();
        Assert.Equal(("telegram", SitiChat, "Siti Rahmah"), (link.Channel, link.Address, link.Person!.Nama));
        var welcome = Assert.Single(await host.RepliesAsync(SitiChat));
        Assert.Contains("Siti Rahmah", welcome.Text, StringComparison.Ordinal);
        Assert.Contains(new ChatAddress("telegram", SitiChat), host.Scheduler.Soon);

        // From now on the chat is known without any claim.
        await host.SayAsync(SitiChat, "menu");
        Assert.Equal(2, (await host.RepliesAsync(SitiChat)).Count(r => r.Buttons.Any(b => b.Data == "m:PR")));
    }

    [Fact]
    public async Task A_contact_card_of_someone_else_links_nobody()
    {
        await using var host = await TestHost.StartAsync();
        await host.SendAsync("666", null, new PhoneClaim(SitiPhone, Verified: false));

        var reply = Assert.Single(await host.RepliesAsync("666"));
        Assert.Equal(ReplyRequest.Contact, reply.Request);
        Assert.Contains("nomor HP Bapak/Ibu sendiri", reply.Text, StringComparison.Ordinal);
        await using var db = host.Db();
        Assert.False(await db.ChannelLinks.AnyAsync());
    }

    [Fact]
    public async Task A_number_outside_the_roster_is_told_whom_to_contact()
    {
        await using var host = await TestHost.StartAsync();
        await host.LinkAsync("777", "0812-9999-0000");

        var reply = Assert.Single(await host.RepliesAsync("777"));
        Assert.Contains("Ketua TP Posyandu atau admin desa", reply.Text, StringComparison.Ordinal);
        await using var db = host.Db();
        Assert.False(await db.ChannelLinks.AnyAsync());
    }

    [Fact]
    public async Task An_unknown_chat_is_asked_to_share_its_number()
    {
        await using var host = await TestHost.StartAsync();
        await host.SayAsync("888", "halo");

        var reply = Assert.Single(await host.RepliesAsync("888"));
        Assert.Equal(ReplyRequest.Contact, reply.Request);
        Assert.Contains("Bagikan nomor HP", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_simulator_proves_the_number_with_every_message_and_is_greeted_once()
    {
        await using var host = await TestHost.StartAsync();
        const string Phone = "+6281251234501";
        var claim = new PhoneClaim(Phone, Verified: true);

        await host.SendAsync(Phone, Inbound.OfText("halo"), claim, channel: "simulator");
        await host.SendAsync(Phone, Inbound.OfChoice("m:PR"), claim, channel: "simulator");

        var replies = await host.RepliesAsync(Phone, "simulator");
        Assert.Equal(2, replies.Count);
        Assert.Contains("Halo Siti Rahmah", replies[0].Text, StringComparison.Ordinal);
        Assert.Contains(replies[1].Buttons, b => b.Data == "t:PR-RTLH");
    }

    [Fact]
    public async Task A_chat_proving_another_roster_number_is_relinked_and_an_unknown_number_unlinks_it()
    {
        await using var host = await TestHost.StartAsync();
        await host.LinkAsync(SitiChat, SitiPhone);

        await host.LinkAsync(SitiChat, "0812-5123-4502");
        await using (var db = host.Db())
        {
            Assert.Equal("Nur Aisyah", (await db.ChannelLinks.Include(l => l.Person).SingleAsync()).Person!.Nama);
        }

        Assert.Contains("Halo Nur Aisyah", (await host.LastReplyAsync(SitiChat)).Text, StringComparison.Ordinal);

        await host.LinkAsync(SitiChat, "0812-9999-0000");
        await using (var db = host.Db())
        {
            Assert.False(await db.ChannelLinks.AnyAsync());
        }
    }

    [Fact]
    public async Task Someone_elses_contact_from_a_known_chat_is_read_as_a_typed_number()
    {
        await using var host = await TestHost.StartAsync();
        await host.LinkAsync(SitiChat, SitiPhone);
        var before = (await host.RepliesAsync(SitiChat)).Count;

        await host.SendAsync(SitiChat, null, new PhoneClaim("0812-5123-4502", Verified: false));

        await using var db = host.Db();
        Assert.Equal("Siti Rahmah", (await db.ChannelLinks.Include(l => l.Person).SingleAsync()).Person!.Nama);
        var reply = (await host.RepliesAsync(SitiChat))[before];
        Assert.NotEqual(ReplyRequest.Contact, reply.Request);
    }

    [Fact]
    public async Task A_redelivered_message_is_handled_once()
    {
        await using var host = await TestHost.StartAsync();
        await host.LinkAsync(SitiChat, SitiPhone);
        var handler = host.Get<InboundHandler>();
        var envelope = new InboundEnvelope("telegram", SitiChat, "update-42", Inbound.OfChoice("m:PR"));

        Assert.False(await handler.IsDuplicateAsync("telegram", "update-42", CancellationToken.None));
        Assert.Equal(InboundOutcome.Handled, await handler.HandleAsync(envelope, CancellationToken.None));
        var after = (await host.RepliesAsync(SitiChat)).Count;
        Assert.True(await handler.IsDuplicateAsync("telegram", "update-42", CancellationToken.None));
        Assert.Equal(InboundOutcome.Duplicate, await handler.HandleAsync(envelope, CancellationToken.None));
        Assert.Equal(after, (await host.RepliesAsync(SitiChat)).Count);

        // The same id on another channel is another message.
        Assert.False(await handler.IsDuplicateAsync("simulator", "update-42", CancellationToken.None));
    }

    [Fact]
    public async Task The_same_update_delivered_twice_at_once_is_handled_once()
    {
        await using var host = await TestHost.StartAsync();
        await host.LinkAsync(SitiChat, SitiPhone);
        var handler = host.Get<InboundHandler>();

        // The same update delivered twice at once (webhook retry while the first is still running).
        var envelope = new InboundEnvelope("telegram", SitiChat, "update-7", Inbound.OfChoice("m:PR"));
        var outcomes = await Task.WhenAll(handler.HandleAsync(envelope, CancellationToken.None), handler.HandleAsync(envelope, CancellationToken.None));

        Assert.Equal([InboundOutcome.Handled, InboundOutcome.Duplicate], outcomes.Order());
        await using var db = host.Db();
        Assert.Equal(1, await db.Inbound.CountAsync(i => i.PlatformMessageId == "update-7"));
    }

    [Fact]
    public async Task A_full_rtlh_walk_stores_the_report_opens_the_referral_and_queues_the_alerts()
    {
        await using var host = await TestHost.StartAsync();
        await host.LinkAsync(SitiChat, SitiPhone);

        var confirmation = await RtlhWalk.SubmitAsync(host, SitiChat, PhotoId);
        Assert.Contains("PR-2511-0001", confirmation.Text, StringComparison.Ordinal);

        await using var db = host.Db();
        var report = await db.Reports.Include(r => r.Referral).ThenInclude(f => f!.Recipients).SingleAsync();
        Assert.Equal(("PR-2511-0001", "PR-RTLH", "PR", "64.02.01.2001", "telegram"), (report.Number, report.Topic, report.Bidang, report.DesaKode, report.Channel));
        Assert.Equal(Urgency.Segera, report.Urgency);
        Assert.Equal((RtlhWalk.Address, "003/004"), (report.Address, report.RtRw));
        Assert.Equal((RtlhWalk.Pin.Latitude, RtlhWalk.Pin.Longitude), (report.Latitude!.Value, report.Longitude!.Value));
        Assert.Contains(PhotoId, report.PhotosJson, StringComparison.Ordinal);
        Assert.Contains("sempit", report.AssessmentJson, StringComparison.Ordinal);

        var referral = report.Referral!;
        Assert.Equal(ReferralStatus.Terkirim, referral.Status);
        Assert.Equal(TestHost.Start + TimeSpan.FromHours(24), referral.AckDeadline);
        Assert.Equal(3, referral.Recipients.Count);

        // Nobody else has linked a chat yet: the alerts wait, one per recipient.
        var alerts = await db.Outbox.Include(o => o.Person).Where(o => o.Kind == OutboxKind.Alert).OrderBy(o => o.Id).ToListAsync();
        Assert.Equal(["Abdul Rahman", "Yuliani", "Nurhayati"], alerts.Select(a => a.Person!.Nama));
        Assert.All(alerts, a => Assert.Equal(OutboxStatus.WaitingForChat, a.Status));
        Assert.All(alerts, a => Assert.Equal(referral.Id, a.ReferralId));

        var kadesAlert = Deserialize(alerts[0]);
        Assert.Contains("PR-2511-0001", kadesAlert.Text, StringComparison.Ordinal);
        Assert.Contains("Siti Rahmah", kadesAlert.Text, StringComparison.Ordinal);
        Assert.Contains("Perian", kadesAlert.Text, StringComparison.Ordinal);
        Assert.Contains("Rumah tidak layak huni", kadesAlert.Text, StringComparison.Ordinal);
        Assert.Contains(RtlhWalk.Address, kadesAlert.Text, StringComparison.Ordinal);
        Assert.Contains("003/004", kadesAlert.Text, StringComparison.Ordinal);
        Assert.Contains(RtlhWalk.Pin.MapLink, kadesAlert.Text, StringComparison.Ordinal);
        Assert.Contains("SEGERA", kadesAlert.Text, StringComparison.Ordinal);
        Assert.Contains("Rumah sempit", kadesAlert.Text, StringComparison.Ordinal);
        Assert.Equal(PhotoId, kadesAlert.PhotoId);
        Assert.Equal([OfficialCommand.ButtonData(OfficialAction.Terima, "PR-2511-0001")], kadesAlert.Buttons.Select(b => b.Data));

        var copy = Deserialize(alerts[2]);
        Assert.Empty(copy.Buttons);
        Assert.Contains("Tembusan", copy.Text, StringComparison.Ordinal);

        // The session is stored and the draft is gone.
        var session = await db.Sessions.SingleAsync(s => s.PersonId == report.ReporterId);
        Assert.DoesNotContain("PR-RTLH\":{", session.Json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Alerts_waiting_for_an_official_go_out_as_soon_as_he_links_his_chat()
    {
        await using var host = await TestHost.StartAsync();
        await host.LinkAsync(SitiChat, SitiPhone);
        await RtlhWalk.SubmitAsync(host, SitiChat, PhotoId);
        host.Scheduler.Clear();

        await host.LinkAsync("2001", "0813-5111-0001");

        var outbox = await host.OutboxAsync("2001");
        Assert.Contains(outbox, o => o.Reply.Text.Contains("PR-2511-0001", StringComparison.Ordinal) && o.Status == "Pending");
        Assert.Contains(new ChatAddress("telegram", "2001"), host.Scheduler.Soon);
        await using var db = host.Db();
        Assert.Equal(2, await db.Outbox.CountAsync(o => o.Status == OutboxStatus.WaitingForChat));
    }

    [Fact]
    public async Task An_officials_first_message_that_links_his_chat_is_his_command_not_only_a_greeting()
    {
        await using var host = await TestHost.StartAsync();
        await host.LinkAsync(SitiChat, SitiPhone);
        await RtlhWalk.SubmitAsync(host, SitiChat, PhotoId);
        const string KadesPhone = "+6281351110001";

        // As on WhatsApp or in the simulator: the message itself proves the number.
        await host.SendAsync(KadesPhone, Inbound.OfText("TERIMA 1"), new PhoneClaim(KadesPhone, Verified: true), channel: "simulator");

        await using var db = host.Db();
        Assert.Equal(ReferralStatus.Diterima, (await db.Referrals.SingleAsync()).Status);
        Assert.Contains("telah diterima oleh Abdul Rahman (Kepala Desa)", (await host.LastReplyAsync(SitiChat)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Terima_by_the_kepala_desa_acknowledges_and_tells_the_kader()
    {
        await using var host = await TestHost.StartAsync();
        await ReportAndLinkOfficialsAsync(host);

        await host.SayAsync("2001", "terima 1");

        await using var db = host.Db();
        var referral = await db.Referrals.Include(r => r.AcknowledgedBy).Include(r => r.Events).SingleAsync();
        Assert.Equal(ReferralStatus.Diterima, referral.Status);
        Assert.Equal("Abdul Rahman", referral.AcknowledgedBy!.Nama);
        Assert.Equal(TestHost.Start, referral.AcknowledgedAt);
        Assert.Contains(referral.Events, e => e.Kind == ReferralEventKind.Diterima);

        Assert.Contains("tercatat Bapak/Ibu terima", (await host.LastReplyAsync("2001")).Text, StringComparison.Ordinal);
        Assert.Equal("Laporan PR-2511-0001 telah diterima oleh Abdul Rahman (Kepala Desa). Terima kasih, Bapak/Ibu.", (await host.LastReplyAsync(SitiChat)).Text);
        Assert.Contains("sudah diterima oleh Abdul Rahman", (await host.LastReplyAsync("2002")).Text, StringComparison.Ordinal);

        // Pressing the button afterwards is answered politely, nothing changes.
        await host.SendAsync("2001", Inbound.OfChoice(OfficialCommand.ButtonData(OfficialAction.Terima, "PR-2511-0001")));
        Assert.Contains("sudah Bapak/Ibu terima sebelumnya", (await host.LastReplyAsync("2001")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_terima_button_works_like_the_typed_command()
    {
        await using var host = await TestHost.StartAsync();
        await ReportAndLinkOfficialsAsync(host);
        var button = (await host.RepliesAsync("2002")).SelectMany(r => r.Buttons).Single(b => b.Label == "Terima");

        await host.SendAsync("2002", Inbound.OfChoice(button.Data));

        Assert.Contains("diterima oleh Yuliani (Kasi Kesejahteraan)", (await host.LastReplyAsync(SitiChat)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Terima_from_a_stranger_or_a_copy_recipient_is_refused()
    {
        await using var host = await TestHost.StartAsync();
        await ReportAndLinkOfficialsAsync(host);
        await host.LinkAsync("2020", "0813-5111-0020"); // Kepala Desa of Sukamaju: not a recipient

        await host.SayAsync("2020", "TERIMA PR-2511-0001");
        Assert.Contains("tidak ada laporan nomor PR-2511-0001", (await host.LastReplyAsync("2020")).Text, StringComparison.Ordinal);

        await host.SayAsync("2008", "terima 1"); // Ketua TP Posyandu: copy only
        Assert.Contains("sebagai tembusan", (await host.LastReplyAsync("2008")).Text, StringComparison.Ordinal);

        await host.SayAsync("2008", "info 1"); // a copy may still read the details
        Assert.Contains("Rincian laporan PR-2511-0001", (await host.LastReplyAsync("2008")).Text, StringComparison.Ordinal);

        await using var db = host.Db();
        Assert.Equal(ReferralStatus.Terkirim, (await db.Referrals.SingleAsync()).Status);
        Assert.DoesNotContain(await host.RepliesAsync(SitiChat), r => r.Text.Contains("diterima oleh", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_kader_typing_terima_is_talking_to_the_dialog_not_acknowledging()
    {
        await using var host = await TestHost.StartAsync();
        await ReportAndLinkOfficialsAsync(host);

        await host.SayAsync(SitiChat, "terima 1");

        await using var db = host.Db();
        Assert.Equal(ReferralStatus.Terkirim, (await db.Referrals.SingleAsync()).Status);
    }

    [Fact]
    public async Task Selesai_closes_the_referral_and_tells_the_kader_the_note()
    {
        await using var host = await TestHost.StartAsync();
        await ReportAndLinkOfficialsAsync(host);
        await host.SayAsync("2001", "terima 1");

        await host.SayAsync("2001", "SELESAI 1");
        Assert.Contains("Mohon tuliskan catatan", (await host.LastReplyAsync("2001")).Text, StringComparison.Ordinal);

        host.Clock.Advance(TimeSpan.FromDays(2));
        await host.SayAsync("2001", "SELESAI 1 sudah disurvei, diusulkan BSPS 2026");

        await using (var db = host.Db())
        {
            var referral = await db.Referrals.Include(r => r.Events).SingleAsync();
            Assert.Equal(ReferralStatus.Selesai, referral.Status);
            Assert.Equal(TestHost.Start + TimeSpan.FromDays(2), referral.ClosedAt);
            Assert.Equal("sudah disurvei, diusulkan BSPS 2026", referral.Events.Single(e => e.Kind == ReferralEventKind.Selesai).Note);
        }

        var kader = (await host.LastReplyAsync(SitiChat)).Text;
        Assert.Contains("selesai ditindaklanjuti oleh Abdul Rahman (Kepala Desa)", kader, StringComparison.Ordinal);
        Assert.Contains("sudah disurvei, diusulkan BSPS 2026", kader, StringComparison.Ordinal);

        await host.SayAsync("2001", "selesai 1 sekali lagi");
        Assert.Contains("sudah ditutup", (await host.LastReplyAsync("2001")).Text, StringComparison.Ordinal);
        await host.SayAsync("2002", "terima 1");
        Assert.Contains("sudah ditutup", (await host.LastReplyAsync("2002")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tolak_by_every_primary_reroutes_to_the_camat()
    {
        await using var host = await TestHost.StartAsync();
        await ReportAndLinkOfficialsAsync(host);
        await host.LinkAsync("2010", "0813-5111-0010");

        await host.SayAsync("2002", "TOLAK 1 bukan bidang saya");
        Assert.Contains("tetap ditangani oleh Abdul Rahman (Kepala Desa)", (await host.LastReplyAsync(SitiChat)).Text, StringComparison.Ordinal);

        await host.SayAsync("2001", "TOLAK 1 rumah ini di desa sebelah");

        await using var db = host.Db();
        var referral = await db.Referrals.Include(r => r.Recipients).ThenInclude(x => x.Person).Include(r => r.Events).SingleAsync();
        Assert.Equal(ReferralStatus.Terkirim, referral.Status);
        var camat = referral.Recipients.Single(r => r.Person!.Nama == "Muhammad Yusuf");
        Assert.Equal(RecipientKind.Primary, camat.Kind);
        Assert.Contains("Abdul Rahman (Kepala Desa) menolak: rumah ini di desa sebelah", camat.Reason, StringComparison.Ordinal);
        Assert.Equal(2, referral.Events.Count(e => e.Kind == ReferralEventKind.Ditolak));
        Assert.Contains(referral.Events, e => e.Kind == ReferralEventKind.Dialihkan);

        var alert = await host.LastReplyAsync("2010");
        Assert.Contains("Laporan diteruskan PR-2511-0001", alert.Text, StringComparison.Ordinal);
        Assert.Single(alert.Buttons);
        Assert.Contains("diteruskan kepada Muhammad Yusuf (Camat)", (await host.LastReplyAsync(SitiChat)).Text, StringComparison.Ordinal);

        // The Camat can act on it now.
        await host.SayAsync("2010", "terima 1");
        Assert.Contains("diterima oleh Muhammad Yusuf (Camat)", (await host.LastReplyAsync(SitiChat)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tolak_with_nobody_left_closes_the_referral_and_tells_the_kader_where_to_turn()
    {
        await using var host = await TestHost.StartAsync();
        await ReportAndLinkOfficialsAsync(host);
        await host.LinkAsync("2010", "0813-5111-0010");
        await host.LinkAsync("2015", "0813-5111-0015");
        await host.SayAsync("2002", "TOLAK 1 bukan bidang saya");
        await host.SayAsync("2001", "TOLAK 1 rumah ini di desa sebelah");
        await host.SayAsync("2010", "TOLAK 1 bukan wewenang kecamatan");

        // The kabupaten is the last level of the escalation chain.
        await host.SayAsync("2015", "TOLAK 1 sudah ditangani program lain");

        await using var db = host.Db();
        Assert.Equal(ReferralStatus.Ditolak, (await db.Referrals.SingleAsync()).Status);
        var toKader = (await host.LastReplyAsync(SitiChat)).Text;
        Assert.Contains("sehingga laporan ini ditutup", toKader, StringComparison.Ordinal);
        Assert.Contains("kantor desa", toKader, StringComparison.Ordinal);
        Assert.DoesNotContain("admin", toKader, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("sehingga laporan ditutup; kader pelapor sudah diberi tahu", (await host.LastReplyAsync("2015")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_short_number_matching_several_referrals_lists_them()
    {
        await using var host = await TestHost.StartAsync();
        await ReportAndLinkOfficialsAsync(host);
        host.Clock.Advance(TimeSpan.FromDays(15)); // December: the sequence starts again at 1
        await RtlhWalk.SubmitAsync(host, SitiChat, PhotoId);

        await host.SayAsync("2001", "terima 1");

        var reply = await host.LastReplyAsync("2001");
        Assert.Contains("Ada 2 laporan bernomor 1", reply.Text, StringComparison.Ordinal);
        Assert.Contains("PR-2511-0001", reply.Text, StringComparison.Ordinal);
        Assert.Contains("PR-2512-0001", reply.Text, StringComparison.Ordinal);
        Assert.Equal(2, reply.Buttons.Count);

        await using (var db = host.Db())
        {
            Assert.All(await db.Referrals.ToListAsync(), r => Assert.Equal(ReferralStatus.Terkirim, r.Status));
        }

        // Once one of them is closed, "42" means the open one.
        await host.SendAsync("2001", Inbound.OfChoice(reply.Buttons[0].Data));
        await host.SayAsync("2001", $"selesai {reply.Buttons[0].Data.Split(':')[2]} sudah ditangani");
        await host.SayAsync("2001", "terima 1");
        Assert.Contains("tercatat Bapak/Ibu terima", (await host.LastReplyAsync("2001")).Text, StringComparison.Ordinal);

        await host.SayAsync("2001", "terima 99");
        Assert.Contains("tidak ada laporan nomor 99", (await host.LastReplyAsync("2001")).Text, StringComparison.Ordinal);
        await host.SayAsync("2001", "terima");
        Assert.Contains("Mohon sebutkan nomor laporannya", (await host.LastReplyAsync("2001")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_person_gets_alerts_on_the_chat_they_used_last()
    {
        await using var host = await TestHost.StartAsync();
        await host.LinkAsync("2001", "0813-5111-0001");
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        await host.LinkAsync("+6281351110001", "+6281351110001", channel: "simulator");
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        await host.LinkAsync(SitiChat, SitiPhone);
        await RtlhWalk.SubmitAsync(host, SitiChat, PhotoId);

        Assert.Contains(await host.OutboxAsync("+6281351110001", "simulator"), o => o.Reply.Text.Contains("PR-2511-0001", StringComparison.Ordinal));
        Assert.DoesNotContain(await host.OutboxAsync("2001"), o => o.Reply.Text.Contains("PR-2511-0001", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Messages_of_different_chats_are_handled_in_parallel_and_each_chat_in_order()
    {
        await using var host = await TestHost.StartAsync();
        string[] phones = ["0812-5123-4501", "0812-5123-4502", "0812-5123-4503", "0812-5123-4504"];
        await Task.WhenAll(phones.Select((p, i) => host.LinkAsync($"30{i}", p)));

        // Each chat sends three messages without waiting for the previous; their replies keep the order sent.
        await Task.WhenAll(phones.Select((_, i) => Task.WhenAll(
            host.SendAsync($"30{i}", Inbound.OfChoice("m:PR"), messageId: $"c{i}-1"),
            host.SendAsync($"30{i}", Inbound.OfChoice("t:PR-RTLH"), messageId: $"c{i}-2"),
            host.SayAsync($"30{i}", "Budi Santoso"))));

        await using var db = host.Db();
        Assert.Equal(16, await db.Inbound.CountAsync());
        foreach (var i in Enumerable.Range(0, phones.Length))
        {
            // In order: bidang, then topic, then the name answered the first question, so the bot now asks for the NIK.
            Assert.Contains("NIK kepala keluarga", (await host.LastReplyAsync($"30{i}")).Text, StringComparison.Ordinal);
        }

        Assert.Equal(0, host.Get<ChatLocks>().Count);
    }

    [Fact]
    public async Task Full_phone_numbers_never_reach_the_logs()
    {
        await using var host = await TestHost.StartAsync();
        await host.LinkAsync(SitiChat, SitiPhone);
        await host.LinkAsync("777", "0812-9999-0000");
        await host.LinkAsync("+6281351110001", "+6281351110001", channel: "simulator");
        await RtlhWalk.SubmitAsync(host, SitiChat, PhotoId);

        var logged = string.Join('\n', host.Logs.Entries.Select(e => e.Message));
        Assert.Contains("+62812****4501", logged, StringComparison.Ordinal);
        foreach (var phone in new[] { "6281251234501", "6281299990000", "6281351110001" })
        {
            Assert.DoesNotContain(phone, logged, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(host.Logs.Entries, e => e.Level >= LogLevel.Error);
    }

    private static async Task ReportAndLinkOfficialsAsync(TestHost host)
    {
        await host.LinkAsync(SitiChat, SitiPhone);
        await RtlhWalk.SubmitAsync(host, SitiChat, PhotoId);
        await host.LinkAsync("2001", "0813-5111-0001"); // Abdul Rahman, Kepala Desa
        await host.LinkAsync("2002", "0813-5111-0002"); // Yuliani, Kasi Kesra
        await host.LinkAsync("2008", "0813-5111-0008"); // Nurhayati, Ketua TP Posyandu (copy)
    }

    private static Reply Deserialize(OutboxMessage message) => OutboxPayload.Deserialize(message.PayloadJson);
}
