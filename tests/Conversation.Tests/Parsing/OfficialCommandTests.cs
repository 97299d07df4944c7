using Posyandu.Conversation.Parsing;

namespace Posyandu.Conversation.Tests.Parsing;

public class OfficialCommandTests
{
    [Theory]
    [InlineData("TERIMA 42", OfficialAction.Terima, "42", null)]
    [InlineData("terima 42", OfficialAction.Terima, "42", null)]
    [InlineData("Terima PR-2511-0042", OfficialAction.Terima, "PR-2511-0042", null)]
    [InlineData("terima pr-2511-0042", OfficialAction.Terima, "PR-2511-0042", null)]
    [InlineData("terima PR 2511 42", OfficialAction.Terima, "PR-2511-0042", null)]
    [InlineData("terima #42", OfficialAction.Terima, "42", null)]
    [InlineData("TERIMA42", OfficialAction.Terima, "42", null)]
    [InlineData("TERIMAPR-2511-0042", OfficialAction.Terima, "PR-2511-0042", null)]
    [InlineData("terima 0042", OfficialAction.Terima, "42", null)]
    [InlineData("terima no. 42", OfficialAction.Terima, "42", null)]
    [InlineData("  Terima 42.  ", OfficialAction.Terima, "42", null)]
    [InlineData("/terima 42", OfficialAction.Terima, "42", null)]
    [InlineData("SELESAI 42 sudah dibantu survei", OfficialAction.Selesai, "42", "sudah dibantu survei")]
    [InlineData("selesai PR-2511-0042 sudah disurvei", OfficialAction.Selesai, "PR-2511-0042", "sudah disurvei")]
    [InlineData("Selesai 42: sudah diperbaiki", OfficialAction.Selesai, "42", "sudah diperbaiki")]
    [InlineData("SELESAI 42\nSudah disurvei,\nmasuk usulan BSPS", OfficialAction.Selesai, "42", "Sudah disurvei,\nmasuk usulan BSPS")]
    [InlineData("TOLAK 42 bukan wilayah saya", OfficialAction.Tolak, "42", "bukan wilayah saya")]
    [InlineData("tolak 42 - bukan wilayah saya", OfficialAction.Tolak, "42", "bukan wilayah saya")]
    [InlineData("INFO 42", OfficialAction.Info, "42", null)]
    [InlineData("info KS-2512-0007", OfficialAction.Info, "KS-2512-0007", null)]
    public void Typed_commands_are_read(string text, OfficialAction action, string reference, string? note)
    {
        var command = OfficialCommand.TryParse(Inbound.OfText(text));

        Assert.Equal(new OfficialCommand(action, reference, note), command);
    }

    [Theory]
    [InlineData("TERIMA", OfficialAction.Terima)]
    [InlineData("terima.", OfficialAction.Terima)]
    [InlineData("Selesai", OfficialAction.Selesai)]
    [InlineData("tolak ", OfficialAction.Tolak)]
    [InlineData("INFO", OfficialAction.Info)]
    public void A_command_without_a_number_has_an_empty_reference(string text, OfficialAction action)
    {
        Assert.Equal(new OfficialCommand(action, "", null), OfficialCommand.TryParse(Inbound.OfText(text)));
    }

    [Theory]
    [InlineData("terima kasih")]
    [InlineData("Terima kasih bu")]
    [InlineData("terimakasih 42")]
    [InlineData("diterima 42")]
    [InlineData("selesaikan 42")]
    [InlineData("informasi 42")]
    [InlineData("tolak saja")]
    [InlineData("ya")]
    [InlineData("42")]
    [InlineData("")]
    [InlineData("terima XX-2511-0042")]
    [InlineData("saya terima 42")]
    public void Other_text_is_not_a_command(string text)
    {
        Assert.Null(OfficialCommand.TryParse(Inbound.OfText(text)));
    }

    [Theory]
    [InlineData(OfficialAction.Terima, "r:terima:PR-2511-0042")]
    [InlineData(OfficialAction.Selesai, "r:selesai:PR-2511-0042")]
    [InlineData(OfficialAction.Tolak, "r:tolak:PR-2511-0042")]
    [InlineData(OfficialAction.Info, "r:info:PR-2511-0042")]
    public void Buttons_carry_the_action_and_the_full_number(OfficialAction action, string data)
    {
        Assert.Equal(data, OfficialCommand.ButtonData(action, "PR-2511-0042"));
        Assert.Equal(new OfficialCommand(action, "PR-2511-0042", null), OfficialCommand.TryParse(Inbound.OfChoice(data)));
    }

    [Theory]
    [InlineData("r:terima:")]
    [InlineData("r:hapus:PR-2511-0042")]
    [InlineData("c:atap:3")]
    [InlineData("r:terima:bukan-nomor")]
    [InlineData("")]
    public void Other_button_data_is_not_a_command(string data)
    {
        Assert.Null(OfficialCommand.TryParse(Inbound.OfChoice(data)));
    }

    [Fact]
    public void Photos_and_pins_are_not_commands()
    {
        Assert.Null(OfficialCommand.TryParse(Inbound.OfPhoto("p1", "TERIMA 42")));
        Assert.Null(OfficialCommand.TryParse(Inbound.OfLocation(new GeoPoint(0, 0))));
    }

    [Fact]
    public void Button_data_refuses_a_number_that_does_not_fit()
    {
        Assert.Throws<ArgumentException>(() => OfficialCommand.ButtonData(OfficialAction.Terima, new string('9', 60)));
        Assert.Throws<ArgumentException>(() => OfficialCommand.ButtonData(OfficialAction.Terima, "PR:1"));
        Assert.Throws<ArgumentException>(() => OfficialCommand.ButtonData(OfficialAction.Terima, " "));
    }
}
