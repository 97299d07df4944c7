using Posyandu.Bot.Host.Channels.Simulator;
using Posyandu.Conversation;

namespace Posyandu.Bot.Host.Tests.Simulator;

public class SimulatorMessageRequestTests
{
    [Fact]
    public void Text_IsTrimmedIntoATextMessage()
    {
        var (message, problem) = new SimulatorMessageRequest(1, Text: "  menu ").Read();

        Assert.Null(problem);
        Assert.Equal(Inbound.OfText("menu"), message);
    }

    [Fact]
    public void ChoiceData_BecomesAButtonPress()
    {
        var (message, problem) = new SimulatorMessageRequest(1, ChoiceData: "m:PR").Read();

        Assert.Null(problem);
        Assert.Equal(Inbound.OfChoice("m:PR"), message);
    }

    [Fact]
    public void Location_BecomesAPin()
    {
        var (message, problem) = new SimulatorMessageRequest(1, Location: new SimulatorLocation(-0.3781, 116.4164)).Read();

        Assert.Null(problem);
        Assert.Equal(Inbound.OfLocation(new GeoPoint(-0.3781, 116.4164)), message);
    }

    [Fact]
    public void ShareContact_CarriesNoMessageAndNoProblem()
    {
        var (message, problem) = new SimulatorMessageRequest(1, ShareContact: true).Read();

        Assert.Null(message);
        Assert.Null(problem);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("   ", null)]
    [InlineData(null, "")]
    public void Nothing_IsRefusedAsEmpty(string? text, string? choice)
    {
        var (message, problem) = new SimulatorMessageRequest(1, text, choice).Read();

        Assert.Null(message);
        Assert.Equal(SimulatorTexts.EmptyMessage, problem);
    }

    [Fact]
    public void TwoKinds_AreRefused()
    {
        var (message, problem) = new SimulatorMessageRequest(1, Text: "ya", ChoiceData: "c:listrik:1").Read();

        Assert.Null(message);
        Assert.Equal(SimulatorTexts.OneKindOnly, problem);
    }

    [Fact]
    public void TooLongText_IsRefused()
    {
        var (message, problem) = new SimulatorMessageRequest(1, Text: new string('a', 4097)).Read();

        Assert.Null(message);
        Assert.Equal(SimulatorTexts.TextTooLong, problem);
    }

    [Fact]
    public void ChoiceDataOverTelegramsLimit_IsRefused()
    {
        var (message, problem) = new SimulatorMessageRequest(1, ChoiceData: new string('x', 65)).Read();

        Assert.Null(message);
        Assert.Equal(SimulatorTexts.ChoiceTooLong, problem);
    }

    [Theory]
    [InlineData(91, 0)]
    [InlineData(-91, 0)]
    [InlineData(0, 180.5)]
    [InlineData(double.NaN, 0)]
    [InlineData(0, double.PositiveInfinity)]
    public void ImpossibleLocation_IsRefused(double latitude, double longitude)
    {
        var (message, problem) = new SimulatorMessageRequest(1, Location: new SimulatorLocation(latitude, longitude)).Read();

        Assert.Null(message);
        Assert.Equal(SimulatorTexts.BadLocation, problem);
    }
}
