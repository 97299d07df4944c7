using System.Globalization;
using Posyandu.Conversation.Parsing;

namespace Posyandu.Conversation.Forms;

/// <summary>An answer as a kader or an official reads it: "30 m²", "Rusak berat", "12 Agustus 2025", "RT 003/RW 004".</summary>
public static class AnswerDisplay
{
    private static readonly string[] Months =
    [
        "Januari", "Februari", "Maret", "April", "Mei", "Juni",
        "Juli", "Agustus", "September", "Oktober", "November", "Desember",
    ];

    /// <summary>The text shown for a skipped optional field.</summary>
    public const string SkippedText = "(dilewati)";

    public static string Format(FieldDefinition field, Answer answer)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(answer);
        if (answer.Skipped)
        {
            return SkippedText;
        }

        return field.Type switch
        {
            FieldType.Integer or FieldType.Decimal when answer.Number is { } n => WithUnit(IndonesianNumbers.Format(n), field.Unit),
            FieldType.YesNo when answer.Yes is { } yes => yes ? "Ya" : "Tidak",
            FieldType.Choice or FieldType.Multi when answer.Options is { } options => string.Join(", ", options.Select(v => OptionLabel(field, v))),
            FieldType.Date when answer.Date is { } date => Date(date),
            FieldType.RtRw when answer.Text is { } rtRw => RtRw(rtRw),
            FieldType.Photo => string.Create(CultureInfo.InvariantCulture, $"{answer.PhotoIds?.Count ?? 0} foto"),
            FieldType.Location when answer.Location is { } pin => $"Titik lokasi {pin.MapLink}",
            _ => answer.Text ?? "-",
        };
    }

    /// <summary>"12 Agustus 2025", without depending on the host's culture data.</summary>
    public static string Date(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"{date.Day} {Months[date.Month - 1]} {date.Year}");

    /// <summary>"m2" reads as "m²"; other units are shown as written.</summary>
    public static string WithUnit(string number, string? unit) => unit switch
    {
        null or "" => number,
        "m2" => number + " m²",
        _ => number + " " + unit,
    };

    private static string RtRw(string value)
    {
        var parts = value.Split('/');
        return parts.Length == 2 ? $"RT {parts[0]}/RW {parts[1]}" : value;
    }

    private static string OptionLabel(FieldDefinition field, string value) =>
        field.Options.FirstOrDefault(o => o.Value == value)?.Label ?? value;
}
