using Posyandu.Conversation.Forms;

namespace Posyandu.Conversation.Parsing;

/// <summary>A shared location pin, or typed text (at least 3 characters) kept as a landmark description.</summary>
internal static class LocationAnswer
{
    private const int MinText = 3;
    private const int MaxText = 500;

    public static ParseResult Parse(FieldDefinition field, Inbound message)
    {
        if (message is { Kind: InboundKind.Location, Location: { } point })
        {
            return ParseResult.Accept(new Answer { Location = point });
        }

        var text = message.Kind == InboundKind.Text ? InputText.Collapse(message.Text ?? "") : "";
        return text.Length switch
        {
            > MaxText => ParseResult.Refuse($"Patokan terlalu panjang. Mohon tulis paling banyak {MaxText} huruf."),
            >= MinText => ParseResult.Accept(new Answer { Text = text }),
            _ => ParseResult.Refuse(Hint(field)),
        };
    }

    public static string Hint(FieldDefinition field) =>
        $"Mohon kirim lokasi (tekan 📎 lalu pilih Lokasi), atau tulis patokannya, {InputText.ForExample(field, "dekat masjid Al-Ikhlas")}.";
}
