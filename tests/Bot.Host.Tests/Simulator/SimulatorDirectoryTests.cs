using Posyandu.Bot.Host.Channels.Simulator;
using Posyandu.Conversation;
using Posyandu.Referrals.Outbox;
using Posyandu.Referrals.People;

namespace Posyandu.Bot.Host.Tests.Simulator;

public class SimulatorDirectoryTests
{
    private static readonly PersonView Siti = new(1, "Siti Rahmah", "KADER", "+6281251234501", "64.02.01.2001", "Perian", "Posyandu Melati");
    private static readonly PersonView Abdul = new(5, "Abdul Rahman", "KADES", "+6281351110001", "64.02.01.2001", "Perian", null);
    // A namesake kader in another desa: the name alone cannot tell the two apart.
    private static readonly PersonView SitiSukamaju = new(21, "Siti Rahmah", "KADER", "+6281251234599", "64.02.01.2098", "Sukamaju", "Posyandu Mawar");

    private readonly SimulatorDirectory _directory = new([Siti, Abdul, SitiSukamaju]);

    [Fact]
    public void SimulatorChat_IsMatchedByItsPhoneNumber_EvenForANamesake()
    {
        var item = _directory.ToFeedItem(viewerId: null, row: Row("simulator", SitiSukamaju.Phone, "Siti Rahmah", "KADER"));

        Assert.Equal(SitiSukamaju.Id, item.PersonId);
    }

    [Fact]
    public void AlertWaitingForAChat_IsMatchedByNameAndRole()
    {
        var item = _directory.ToFeedItem(viewerId: null, row: Row(null, null, "Abdul Rahman", "KADES", status: "WaitingForChat"));

        Assert.Equal(Abdul.Id, item.PersonId);
        Assert.Equal("Kepala Desa", item.PeranLabel);
        Assert.Null(item.Channel);
        Assert.Equal("WaitingForChat", item.Status);
    }

    [Fact]
    public void AmbiguousNameOnAnotherChannel_StaysUnassigned()
    {
        var item = _directory.ToFeedItem(viewerId: null, row: Row("telegram", "123456789", "Siti Rahmah", "KADER"));

        Assert.Null(item.PersonId);
        Assert.Equal("Siti Rahmah", item.PersonName);
    }

    [Fact]
    public void Reply_IsCopiedWithItsButtonsRequestAndPhoto()
    {
        var reply = new Reply("Kirim lokasi *rumah*", [new Button("Lewati", "g:lewati")], ReplyRequest.Location, "3f2a.jpg");

        var item = _directory.ToFeedItem(viewerId: null, row: Row("simulator", Siti.Phone, "Siti Rahmah", "KADER", reply));

        Assert.Equal(("Kirim lokasi *rumah*", "location", "3f2a.jpg"), (item.Text, item.Request, item.PhotoId));
        Assert.Equal([new SimulatorButton("Lewati", "g:lewati")], item.Buttons);
    }

    [Fact]
    public void ConfidentialMessage_IsSealedForEveryoneButItsRecipient()
    {
        var alert = new OutboxView(8, Abdul.Id, "Abdul Rahman", "KADES", "simulator", Abdul.Phone,
            new Reply("Korban: Ani, 9 tahun", [new Button("Terima", "r:terima:1")], PhotoId: "x.jpg"), "Sent", DateTimeOffset.UnixEpoch, Confidential: true);

        var toOthers = _directory.ToFeedItem(alert, viewerId: Siti.Id);
        var toNobody = _directory.ToFeedItem(alert, viewerId: null);
        var toRecipient = _directory.ToFeedItem(alert, viewerId: Abdul.Id);

        foreach (var item in new[] { toOthers, toNobody })
        {
            Assert.True(item.Sealed);
            Assert.DoesNotContain("Ani", item.Text, StringComparison.Ordinal);
            Assert.Empty(item.Buttons);
            Assert.Null(item.PhotoId);
        }

        Assert.False(toRecipient.Sealed);
        Assert.Equal("Korban: Ani, 9 tahun", toRecipient.Text);
    }

    [Fact]
    public void Person_CarriesTheRoleAsPeopleSayIt()
    {
        var person = SimulatorDirectory.ToSimulatorPerson(Abdul);

        Assert.Equal(new SimulatorPerson(5, "Abdul Rahman", "KADES", "Kepala Desa", "64.02.01.2001", "Perian", null), person);
    }

    private static OutboxView Row(string? channel, string? address, string nama, string peran, Reply? reply = null, string status = "Sent") =>
        new(7, null, nama, peran, channel, address, reply ?? Reply.Plain("Halo"), status, DateTimeOffset.UnixEpoch, Confidential: false);
}
