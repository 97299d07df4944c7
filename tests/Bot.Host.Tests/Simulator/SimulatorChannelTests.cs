using System.Net;

namespace Posyandu.Bot.Host.Tests.Simulator;

/// <summary>The simulator acting as WhatsApp or SMS shows what that channel would: no buttons, no "tekan tombol", plain SMS.</summary>
public sealed class SimulatorChannelTests : IDisposable
{
    private readonly SimulatorHost _host = new();

    [Theory]
    [InlineData("whatsapp", "simulator-whatsapp")]
    [InlineData("sms", "simulator-sms")]
    public async Task A_person_simulated_on_WhatsApp_or_SMS_gets_numbered_lists_and_no_buttons(string channel, string chat)
    {
        var simulator = new SimulatorClient(_host.CreateClient());
        var siti = await simulator.PersonAsync("Siti Rahmah");
        var before = await simulator.LastIdAsync();

        using (var response = await simulator.PostMessageAsync(new { personId = siti.Id, text = "menu", channel }))
        {
            await SimulatorClient.AssertStatusAsync(HttpStatusCode.Accepted, response);
        }

        var menu = await simulator.WaitForAsync(before, i => i.PersonId == siti.Id && i.Text.Contains("Pilih bidang", StringComparison.Ordinal), "the menu");
        Assert.Equal(chat, menu.Channel);
        Assert.Empty(menu.Buttons);
        Assert.Contains("1. ", menu.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("tombol", menu.Text, StringComparison.OrdinalIgnoreCase);
        if (channel == "sms")
        {
            Assert.DoesNotContain("*", menu.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Telegram_stays_the_default_with_buttons_and_an_unknown_channel_is_refused()
    {
        var simulator = new SimulatorClient(_host.CreateClient());
        var siti = await simulator.PersonAsync("Siti Rahmah");

        var replies = await simulator.SayAsync(siti, "menu");
        Assert.Contains(replies, r => r.Channel == "simulator" && r.Buttons.Count > 0);

        using var refused = await simulator.PostMessageAsync(new { personId = siti.Id, text = "menu", channel = "fax" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }

    public void Dispose() => _host.Dispose();
}
