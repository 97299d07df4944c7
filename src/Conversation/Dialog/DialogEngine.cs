using Posyandu.Conversation.Forms;

namespace Posyandu.Conversation.Dialog;

/// <summary>
/// The pure dialog engine: given a stored session and one inbound message, returns the new session, the replies and,
/// when a form is confirmed, the submitted form. No I/O; everything it needs is passed in.
/// </summary>
public sealed class DialogEngine(FormCatalog catalog)

{
    private readonly FormCatalog _catalog = catalog;

    /// <summary>The first thing a newly recognised person sees: a greeting and the menu (or the offer to continue a draft).</summary>
    public DialogResult Welcome(Session session, DialogContext context) => throw new NotImplementedException();

    public DialogResult Handle(Session session, Inbound message, DialogContext context) => throw new NotImplementedException();
}
