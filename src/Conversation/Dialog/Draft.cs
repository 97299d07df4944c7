using Posyandu.Conversation.Forms;

namespace Posyandu.Conversation.Dialog;

/// <summary>One unfinished form: the answers so far and the form machine's step, kept outside the machine so it can be stored.</summary>
public sealed class Draft
{
    public string Topic { get; set; } = "";

    /// <summary>The form machine's state: a field name, or one of the step names on <see cref="FormMachine"/>.</summary>
    public string Step { get; set; } = FormMachine.Start;

    /// <summary>Answers by field name, in the order given; hidden fields' answers are dropped.</summary>
    public Dictionary<string, Answer> Answers { get; set; } = [];

    /// <summary>True while an answer is being changed from the summary (<c>ubah N</c>): the next step returns to the summary.</summary>
    public bool Editing { get; set; }

    /// <summary>Where the kader goes back to when they do not confirm <c>batal</c> after all.</summary>
    public string? ReturnStep { get; set; }

    /// <summary>Invalid answers in a row to the current question; the third brings the example and the way out.</summary>
    public int Strikes { get; set; }

    /// <summary>Options of a multi field picked by button so far, until the kader types <c>selesai</c>.</summary>
    public List<string> Selection { get; set; } = [];

    public DateTimeOffset StartedAt { get; set; }

    /// <summary>Last time the kader worked on this draft; drafts untouched for 14 days are discarded.</summary>
    public DateTimeOffset UpdatedAt { get; set; }
}
