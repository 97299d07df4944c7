using Posyandu.Conversation.Forms;
using Posyandu.Conversation.Texts;

namespace Posyandu.Conversation.Dialog;

/// <summary>A message at "batalkan laporan ini?": ya discards the draft, tidak returns to where the kader was.</summary>
internal static class CancelStep
{
    public static void Handle(Turn turn, FormDefinition form, Draft draft, FormMachine machine, Inbound message)
    {
        var command = GlobalWords.Read(message);
        bool? cancel = command.Word switch
        {
            GlobalWord.Batal => true,
            GlobalWord.Kembali or GlobalWord.Lanjut => false,
            _ => CancelAnswer.Read(message, turn.Today),
        };

        if (command.Is(GlobalWord.Menu))
        {
            machine.Fire(FormTrigger.KeepGoing);
            FormDialog.Leave(turn, form, draft);
            MenuDialog.ShowMenu(turn);
        }
        else if (cancel is true)
        {
            machine.Fire(FormTrigger.ConfirmCancel);
            turn.Session.Drafts.Remove(form.Topic);
            turn.Note(DialogTexts.Cancelled);
            MenuDialog.ShowMenu(turn);
        }
        else if (cancel is false)
        {
            machine.Fire(FormTrigger.KeepGoing);
            turn.Note(DialogTexts.NotCancelled);
            FormDialog.AskStep(turn, form, draft, machine);
        }
        else
        {
            turn.Note(DialogTexts.CancelUnclear);
            turn.Say(Prompts.CancelQuestion());
        }
    }
}
