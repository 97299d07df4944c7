using CsvHelper;

namespace Posyandu.Referrals.Roster;

/// <summary>How the administrators' CSV files are read (the roster, the routing overrides): as Excel saves them.</summary>
internal static class CsvText
{
    /// <summary>A reader over <paramref name="text"/> (a byte-order mark already removed), its separator taken from the header.</summary>
    public static CsvReader Reader(string text) => CsvReader.FromText(text, new CsvReaderOptions
    {
        Separator = DetectSeparator(text),
        HasHeader = true,
        TrimWhitespace = true,
        TrackLineNumbers = true,
        SkipEmptyLines = true,
        // Cell values are names and phone numbers: they stay out of exception messages, which end up in logs.
        IncludeValuesInExceptions = false,
    });

    /// <summary>Excel in Indonesia saves with semicolons (the comma is the decimal mark); elsewhere commas. The header decides.</summary>
    private static char DetectSeparator(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        var header = end < 0 ? text : text[..end];
        var semicolons = header.Count(c => c == ';');
        var commas = header.Count(c => c == ',');
        var tabs = header.Count(c => c == '\t');
        return tabs > semicolons && tabs > commas ? '\t' : semicolons > commas ? ';' : ',';
    }
}
