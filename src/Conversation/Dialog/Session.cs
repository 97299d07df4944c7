namespace Posyandu.Conversation.Dialog;

/// <summary>Everything the dialog remembers about one person between messages; stored as JSON by the caller.</summary>
public sealed class Session
{
    /// <summary>The shape written by this version; older shapes are read as far as they go (unknown properties are ignored).</summary>
    public const int CurrentVersion = 1;

    public int Version { get; set; } = CurrentVersion;

    /// <summary>What the person is looking at: the bidang menu, a topic list, a form, or the offer to resume a draft.</summary>
    public DialogMode Mode { get; set; }

    /// <summary>In <see cref="DialogMode.Topics"/>: the bidang whose topics are listed.</summary>
    public string? Bidang { get; set; }

    /// <summary>In <see cref="DialogMode.Form"/> and <see cref="DialogMode.Resume"/>: the topic being filled or offered.</summary>
    public string? Topic { get; set; }

    /// <summary>Unfinished forms, at most one per topic, keyed by topic code.</summary>
    public Dictionary<string, Draft> Drafts { get; set; } = [];
}

/// <summary>Where a person is in the conversation outside the answers themselves.</summary>
public enum DialogMode { Menu, Topics, Form, Resume }
