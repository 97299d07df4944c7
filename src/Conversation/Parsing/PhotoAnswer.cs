using Posyandu.Conversation.Forms;

namespace Posyandu.Conversation.Parsing;

/// <summary>A photo message; the engine collects up to the field's maximum, then the kader types <c>selesai</c>.</summary>
internal static class PhotoAnswer
{
    public static ParseResult Parse(FieldDefinition field, Inbound message) =>
        message is { Kind: InboundKind.Photo, PhotoId: { Length: > 0 } id }
            ? ParseResult.Accept(new Answer { PhotoIds = [id] })
            : ParseResult.Refuse(Hint(field));

    public static string Hint(FieldDefinition field) =>
        field.Optional
            ? "Mohon kirim foto (tekan 📎 lalu pilih Kamera atau Galeri), atau ketik lewati bila tidak ada foto."
            : "Mohon kirim foto (tekan 📎 lalu pilih Kamera atau Galeri).";
}
