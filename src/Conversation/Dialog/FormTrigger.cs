namespace Posyandu.Conversation.Dialog;

/// <summary>What moves a form machine: the kader answered, went back, changed an answer, cancelled or sent the form.</summary>
public enum FormTrigger
{
    /// <summary>The current question is answered (or skipped): on to the next visible question, or the summary.</summary>
    Next,
    /// <summary><c>kembali</c>: the previous visible question.</summary>
    Back,
    /// <summary><c>ubah N</c> from the summary (parameter: the summary line number).</summary>
    Edit,
    /// <summary><c>batal</c>: ask whether to discard the draft.</summary>
    Cancel,
    /// <summary>The kader confirmed <c>batal</c>.</summary>
    ConfirmCancel,
    /// <summary>The kader did not confirm <c>batal</c>: back to where they were.</summary>
    KeepGoing,
    /// <summary><c>kirim</c> from the summary.</summary>
    Submit,
}
