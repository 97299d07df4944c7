using Posyandu.Conversation.Forms;

namespace Posyandu.Conversation.Parsing;

/// <summary>An Indonesian mobile number in any common form, stored as E.164 (+62812…).</summary>
internal static class PhoneAnswer
{
    public static ParseResult Parse(FieldDefinition field, string text) =>
        PhoneNumbers.ToE164(text.Trim()) is { } e164
            ? ParseResult.Accept(new Answer { Text = e164 })
            : ParseResult.Refuse($"Nomor itu bukan nomor HP Indonesia. {Hint(field)}");

    public static string Hint(FieldDefinition field) =>
        $"Mohon tulis nomor HP yang diawali 08 atau +62, {InputText.ForExample(field, "0812-3456-7890")}.";
}
