namespace Posyandu.Conversation.Dialog;

/// <summary>The dialog's fixed numbers, named once.</summary>
internal static class DialogLimits
{
    /// <summary>Drafts untouched this long are discarded (with a notice) on the person's next message.</summary>
    public const int DraftDays = 14;

    /// <summary>The invalid answer in a row that brings the example, the buttons and the way out.</summary>
    public const int StrikesForHelp = 3;
}
