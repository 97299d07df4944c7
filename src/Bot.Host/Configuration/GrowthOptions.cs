using Posyandu.Conversation.Growth;

namespace Posyandu.Bot.Host.Configuration;

/// <summary>
/// The <c>Growth</c> section: <c>TablesPath</c>, the folder of WHO's anthro tables (weianthro.txt, lenanthro.txt,
/// wflanthro.txt, wfhanthro.txt) for the KS-BALITA z-scores. Empty = no tables: those rules are simply left out.
/// </summary>
internal sealed class GrowthOptions
{
    public const string Section = "Growth";

    public string TablesPath { get; set; } = "";

    /// <summary>The tables, read once by <see cref="TryLoad"/> when the options are validated at start.</summary>
    public GrowthStandards? Tables { get; private set; }

    /// <summary>Reads the tables when a path is set; false when they cannot be read, so the start stops naming the key.</summary>
    public bool TryLoad()
    {
        if (TablesPath.Length == 0 || Tables is not null)
        {
            return true;
        }

        try
        {
            Tables = GrowthStandards.Load(TablesPath);
            return true;
        }
        catch (GrowthTablesException)
        {
            return false;
        }
    }
}
