using System.Globalization;
using System.Text;
using Posyandu.Conversation.Dialog;
using Posyandu.Conversation.Forms;

namespace Posyandu.Conversation.Tests.Dialog;

/// <summary>
/// Plays a transcript file through the engine and writes what actually happened in the same format, so the two can be
/// compared as text (goflow-style). Lines: <c># comment</c>, <c>@directive</c>, <c>&gt; input</c> are kept;
/// <c>&lt; reply</c> and <c>= submitted</c> lines are what the engine produced. Inputs: typed text, or
/// <c>[press DATA]</c>, <c>[photo ID]</c>, <c>[location LAT LON]</c>, <c>[welcome]</c>. Directives: <c>@catalog NAME</c>,
/// <c>@person NAME</c>, <c>@bidang CODE</c>, <c>@channel telegram|whatsapp|sms</c> (what the channel can show; Telegram at first), <c>@now ISO-8601</c>, <c>@advance 15d|3h</c>, <c>@session</c> (prints the stored JSON).
/// Like the real host, the session is stored as JSON after every message and read back before the next.
/// </summary>
internal sealed class TranscriptRunner
{
    /// <summary>WITA (Kalimantan Timur), built here so the tests do not depend on the machine's time zone data.</summary>
    public static readonly TimeZoneInfo Wita = TimeZoneInfo.CreateCustomTimeZone("WITA", TimeSpan.FromHours(8), "WITA", "WITA");

    private FormCatalog _catalog = TestFiles.DefaultCatalog;
    private DialogEngine _engine = new(TestFiles.DefaultCatalog);
    private string _person = "Siti Rahmah";
    private string? _bidang;
    private ChannelCapabilities _channel = ChannelCapabilities.Telegram;
    private DateTimeOffset _now = new(2025, 11, 23, 9, 0, 0, TimeSpan.FromHours(8));
    private string _stored = "";

    public static string Run(string transcript) => new TranscriptRunner().Play(transcript);

    private string Play(string transcript)
    {
        var output = new StringBuilder();
        foreach (var line in transcript.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n'))
        {
            if (line.StartsWith('<') || line.StartsWith('='))
            {
                continue;
            }

            output.Append(line).Append('\n');
            if (line.StartsWith("> ", StringComparison.Ordinal))
            {
                Render(Turn(line[2..]), output);
            }
            else if (line.StartsWith('@'))
            {
                Directive(line, output);
            }
        }

        return output.ToString();
    }

    private DialogResult Turn(string input)
    {
        var session = SessionJson.Deserialize(_stored);
        var before = SessionJson.Serialize(session);
        var context = new DialogContext(_now, Wita, _person, _bidang, _channel);
        var result = input == "[welcome]" ? _engine.Welcome(session, context) : _engine.Handle(session, Parse(input), context);

        Assert.Equal(before, SessionJson.Serialize(session));
        _stored = SessionJson.Serialize(result.Session);
        Assert.Equal(_stored, SessionJson.Serialize(SessionJson.Deserialize(_stored)));
        foreach (var button in result.Replies.SelectMany(r => r.Buttons))
        {
            Assert.InRange(Encoding.UTF8.GetByteCount(button.Data), 1, 64);
        }

        return result;
    }

    private static Inbound Parse(string input)
    {
        if (!input.StartsWith('[') || !input.EndsWith(']'))
        {
            return Inbound.OfText(input);
        }

        var parts = input[1..^1].Split(' ', 2);
        return parts[0] switch
        {
            "press" => Inbound.OfChoice(parts[1]),
            "photo" => Inbound.OfPhoto(parts[1]),
            "location" => Inbound.OfLocation(Point(parts[1])),
            _ => throw new FormatException($"Unknown transcript input {input}"),
        };
    }

    private static GeoPoint Point(string text)
    {
        var numbers = text.Split(' ').Select(n => double.Parse(n, CultureInfo.InvariantCulture)).ToArray();
        return new GeoPoint(numbers[0], numbers[1]);
    }

    private void Directive(string line, StringBuilder output)
    {
        var parts = line.Split(' ', 2);
        var value = parts.Length > 1 ? parts[1].Trim() : "";
        switch (parts[0])
        {
            case "@catalog":
                _catalog = TestFiles.Catalog(value);
                _engine = new DialogEngine(_catalog);
                break;
            case "@person":
                _person = value;
                break;
            case "@bidang":
                _bidang = value.Length == 0 ? null : value;
                break;
            case "@channel":
                _channel = value switch
                {
                    "telegram" => ChannelCapabilities.Telegram,
                    "whatsapp" => ChannelCapabilities.WhatsApp,
                    "sms" => ChannelCapabilities.Sms,
                    _ => throw new FormatException($"Unknown channel {value}"),
                };
                break;
            case "@now":
                _now = DateTimeOffset.Parse(value, CultureInfo.InvariantCulture);
                break;
            case "@advance":
                var amount = int.Parse(value[..^1], CultureInfo.InvariantCulture);
                _now += value[^1] == 'd' ? TimeSpan.FromDays(amount) : TimeSpan.FromHours(amount);
                break;
            case "@session":
                output.Append("= session ").Append(_stored).Append('\n');
                break;
            default:
                throw new FormatException($"Unknown transcript directive {line}");
        }
    }

    private static void Render(DialogResult result, StringBuilder output)
    {
        for (var i = 0; i < result.Replies.Count; i++)
        {
            if (i > 0)
            {
                output.Append("< ---\n");
            }

            var reply = result.Replies[i];
            foreach (var line in reply.Text.Split('\n'))
            {
                output.Append(line.Length == 0 ? "<" : "< " + line).Append('\n');
            }

            if (reply.Buttons.Count > 0)
            {
                output.Append("< buttons: ").AppendJoin(" | ", reply.Buttons.Select(b => $"{b.Label} ({b.Data})")).Append('\n');
            }

            if (reply.Request != ReplyRequest.None)
            {
                output.Append("< request: ").Append(reply.Request.ToString().ToLowerInvariant()).Append('\n');
            }

            if (reply.PhotoId is not null)
            {
                output.Append("< photo: ").Append(reply.PhotoId).Append('\n');
            }
        }

        if (result.Submitted is { } form)
        {
            RenderSubmitted(form, output);
        }
    }

    private static void RenderSubmitted(SubmittedForm form, StringBuilder output)
    {
        var a = form.Assessment;
        output.Append("= submitted ").Append(form.Form.Topic).Append('\n');
        var skipped = form.Answers.Where(p => p.Value.Skipped).Select(p => p.Key).ToList();
        output.Append("= answers ").Append(form.Answers.Count)
            .Append(", skipped: ").Append(skipped.Count == 0 ? "-" : string.Join(", ", skipped)).Append('\n');

        foreach (var line in form.Lines)
        {
            output.Append("= line ").Append(line.Field).Append(": ").Append(line.Label).Append(" = ").Append(line.Display).Append('\n');
        }

        foreach (var value in a.Values)
        {
            output.Append("= value ").Append(value.Name).Append(": ").Append(value.Label).Append(" = ").Append(value.Display).Append('\n');
        }

        foreach (var flag in a.Flags)
        {
            output.Append("= flag ").Append(flag.Code).Append(": ").Append(flag.Label).Append('\n');
        }

        output.Append("= urgency ").Append(a.Urgency).Append('\n');
        output.Append("= hide reporter ").Append(a.HideReporter ? "yes" : "no").Append('\n');
        output.Append("= address ").Append(form.Address ?? "-").Append(" | rt/rw ").Append(form.RtRw ?? "-").Append('\n');
        output.Append("= location ").Append(form.Location?.MapLink ?? "-").Append('\n');
        output.Append("= photos ").Append(form.PhotoIds.Count == 0 ? "-" : string.Join(", ", form.PhotoIds)).Append('\n');
    }
}
