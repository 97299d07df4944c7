using Posyandu.Conversation.Growth;

namespace Posyandu.Bot.Host.Configuration;

/// <summary>
/// The <c>Growth</c> section: <c>TablesPath</c>, a folder of WHO's anthro tables (weianthro.txt, lenanthro.txt,
/// wflanthro.txt, wfhanthro.txt, acanthro.txt) to use for the KS-BALITA z-scores instead of the ones shipped with the bot.
/// </summary>
internal sealed class GrowthOptions
{
    public const string Section = "Growth";

    /// <summary>Empty = the tables shipped with the bot (<see cref="GrowthStandards.Who"/>).</summary>
    public string TablesPath { get; set; } = "";

    /// <summary>The tables, chosen once by <see cref="TryLoad"/> when the options are validated at start.</summary>
    public GrowthStandards? Tables { get; private set; }

    /// <summary>Takes the shipped tables or reads the folder; false when it cannot be read, so the start stops naming the key.</summary>
    public bool TryLoad()
    {
        if (Tables is not null)
        {
            return true;
        }

        try
        {
            Tables = TablesPath.Length == 0 ? GrowthStandards.Who : GrowthStandards.Load(TablesPath);
            return true;
        }
        catch (GrowthTablesException)
        {
            return false;
        }
    }
}
