using System.Text.RegularExpressions;
using Posyandu.Bot.Host.Channels.Simulator;
using Posyandu.Bot.Host.Tests.Simulator;
using Posyandu.Conversation.Forms;

namespace Posyandu.Bot.Host.Tests.Bidang;

/// <summary>
/// A kader filling any topic in the simulator as a person would: menu, bidang, topic, then whichever question the bot
/// asked last, answered from the catalog (the first option, <c>ya</c>, the field's own example, a map pin, <c>lewati</c>
/// for what is optional), until the summary and <c>kirim</c>.
/// </summary>
internal static partial class SimulatorReport
{
    private static readonly FormCatalog Catalog = FormCatalog.LoadDefault();

    /// <summary>Submits one report of <paramref name="topic"/>; returns its number and the feed position before it was sent.</summary>
    public static async Task<(string Number, long Before)> SubmitAsync(
        SimulatorClient simulator, SimulatorPerson kader, string topic, IReadOnlyDictionary<string, string>? answers = null)
    {
        var form = Catalog.Find(topic)!;
        await simulator.SayAsync(kader, "menu");
        await simulator.PressAsync(kader, "m:" + form.Bidang);
        var replies = await simulator.PressAsync(kader, "t:" + form.Topic);

        string? previous = null;
        for (var step = 0; step < 60; step++)
        {
            if (replies.Any(r => r.Buttons.Any(b => b.Data == "g:kirim")))
            {
                var before = await simulator.LastIdAsync();
                var confirmation = await simulator.PressAsync(kader, "g:kirim");
                var number = confirmation.Select(r => Number().Match(r.Text)).FirstOrDefault(m => m.Success)?.Value
                    ?? throw new Xunit.Sdk.XunitException($"{topic}: no report number in {string.Join(" | ", confirmation.Select(r => r.Text))}");
                Assert.StartsWith(form.Bidang + "-", number, StringComparison.Ordinal);
                return (number, before);
            }

            var field = replies.Reverse().Select(r => form.Fields.LastOrDefault(f => r.Text.Contains(f.Question, StringComparison.Ordinal))).FirstOrDefault(f => f is not null)
                ?? throw new Xunit.Sdk.XunitException($"{topic}: unexpected reply: {string.Join(" | ", replies.Select(r => r.Text))}");
            Assert.True(field.Name != previous, $"{topic}: the answer to {field.Name} was refused: {string.Join(" | ", replies.Select(r => r.Text))}");
            previous = field.Name;

            replies = field.Type == FieldType.Location
                ? await simulator.SendLocationAsync(kader, -0.3781, 116.4164)
                : await simulator.SayAsync(kader, answers?.GetValueOrDefault(field.Name) ?? Answer(field));
        }

        throw new Xunit.Sdk.XunitException($"{topic}: the form never reached its summary.");
    }

    private static string Answer(FieldDefinition field) => field switch
    {
        { Optional: true } => "lewati",
        { Type: FieldType.Choice or FieldType.Multi } => "1",
        { Type: FieldType.YesNo } => "ya",
        { Type: FieldType.Date } => "hari ini",
        { Type: FieldType.RtRw } => "RT 3 RW 4",
        { Example: { } example } => example,
        _ => throw new Xunit.Sdk.XunitException($"No answer for {field.Name} ({field.Type})"),
    };

    [GeneratedRegex(@"\b[A-Z]{2}-\d{4}-\d{4}\b")]
    private static partial Regex Number();
}
