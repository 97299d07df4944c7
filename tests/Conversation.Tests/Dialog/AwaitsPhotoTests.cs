using Posyandu.Conversation.Dialog;

namespace Posyandu.Conversation.Tests.Dialog;

/// <summary>A channel downloads a photo only when the person's current question asks for one.</summary>
public sealed class AwaitsPhotoTests
{
    private readonly DialogEngine _engine = new(TestFiles.Catalog("default"));

    [Theory]
    [InlineData(DialogMode.Form, "PR-RTLH", "foto", true)]
    [InlineData(DialogMode.Form, "pr-rtlh", "foto", true)]
    [InlineData(DialogMode.Form, "PR-RTLH", "nama_kk", false)]
    [InlineData(DialogMode.Form, "PR-RTLH", FormMachine.Summary, false)]
    [InlineData(DialogMode.Form, "PR-RTLH", "no_such_field", false)]
    [InlineData(DialogMode.Form, "XX-GONE", "foto", false)]
    [InlineData(DialogMode.Resume, "PR-RTLH", "foto", false)]
    [InlineData(DialogMode.Menu, "PR-RTLH", "foto", false)]
    public void Only_a_photo_question_of_the_open_form_awaits_a_photo(DialogMode mode, string topic, string step, bool expected)
    {
        var session = new Session { Mode = mode, Topic = topic, Drafts = { ["PR-RTLH"] = new Draft { Topic = "PR-RTLH", Step = step } } };

        Assert.Equal(expected, _engine.AwaitsPhoto(session));
    }

    [Fact]
    public void A_new_session_awaits_nothing() => Assert.False(_engine.AwaitsPhoto(new Session()));
}
