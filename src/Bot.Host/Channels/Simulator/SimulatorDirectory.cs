using Posyandu.Conversation;
using Posyandu.Referrals.Outbox;
using Posyandu.Referrals.People;
using Posyandu.Referrals.Roster;

namespace Posyandu.Bot.Host.Channels.Simulator;

/// <summary>The roster as the simulator page sees it: people to act as, and whom each outbox message is for.</summary>
internal sealed class SimulatorDirectory
{
    private readonly Dictionary<string, PersonView> _byPhone;
    private readonly Dictionary<(string Nama, string Peran), PersonView?> _byNameAndPeran;

    public SimulatorDirectory(IEnumerable<PersonView> people)
    {
        _byPhone = new Dictionary<string, PersonView>(StringComparer.Ordinal);
        _byNameAndPeran = [];
        foreach (var person in people)
        {
            _byPhone.TryAdd(person.Phone, person);
            var key = (person.Nama, person.Peran);
            // Two people with the same name and role cannot be told apart by name: such a row stays unassigned.
            _byNameAndPeran[key] = _byNameAndPeran.ContainsKey(key) ? null : person;
        }
    }

    public static SimulatorPerson ToSimulatorPerson(PersonView person) => new(
        person.Id,
        person.Nama,
        person.Peran,
        Peran.DisplayName(person.Peran, person.KodeWilayah),
        person.KodeWilayah,
        person.NamaWilayah,
        person.Posyandu);

    /// <summary>
    /// The row as the page may show it to <paramref name="viewerId"/> (the person the tester acts as): a confidential
    /// message keeps its content only for its own recipient; to anyone else it is a sealed envelope.
    /// </summary>
    public SimulatorFeedItem ToFeedItem(OutboxView row, long? viewerId)
    {
        var recipient = Recipient(row);
        var sealedForViewer = row.Confidential && (viewerId is null || (row.PersonId ?? recipient?.Id) != viewerId);
        var reply = sealedForViewer ? Reply.Plain(SimulatorTexts.SealedMessage) : row.Reply;
        return new SimulatorFeedItem(
            row.Id,
            recipient?.Id,
            row.PersonName,
            row.Peran,
            row.Peran is null ? null : Peran.DisplayName(row.Peran, recipient?.KodeWilayah),
            row.Channel,
            reply.Text,
            reply.Buttons.Select(b => new SimulatorButton(b.Label, b.Data)).ToArray(),
            reply.Request switch
            {
                ReplyRequest.Contact => "contact",
                ReplyRequest.Location => "location",
                _ => "none",
            },
            reply.PhotoId,
            row.Status,
            row.CreatedAt,
            row.Confidential,
            sealedForViewer);
    }

    private PersonView? Recipient(OutboxView row)
    {
        // Phone-addressed channels name the person exactly; otherwise (Telegram, or not yet linked) fall back to the name.
        if (row.Address is { } address && row.Channel is SimulatorSender.ChannelName or "whatsapp" or "sms"
            && _byPhone.TryGetValue(address, out var byPhone))
        {
            return byPhone;
        }

        return row.PersonName is { } nama && row.Peran is { } peran && _byNameAndPeran.TryGetValue((nama, peran), out var byName)
            ? byName
            : null;
    }
}
