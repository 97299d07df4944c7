using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Posyandu.Bot.Host.Configuration;

namespace Posyandu.Bot.Host.Tests.Twilio;

/// <summary>The Twilio section's rules: a wrong value stops the host at start with one line naming the key.</summary>
public sealed class TwilioOptionsTests
{
    private static readonly Dictionary<string, string?> Valid = new()
    {
        ["Twilio:AccountSid"] = "AC00000000000000000000000000000001",
        ["Twilio:AuthToken"] = "token",
        ["Twilio:WhatsAppFrom"] = "whatsapp:+14155238886",
    };

    [Fact]
    public void Off_and_a_complete_account_are_both_fine()
    {
        Assert.Null(Check([]));
        Assert.Null(Check(Valid));
    }

    [Theory]
    [InlineData("Twilio:AccountSid", "SK123", "Twilio:AccountSid")]
    [InlineData("Twilio:AuthToken", "", "Twilio:AuthToken")]
    [InlineData("Twilio:WhatsAppFrom", "+14155238886", "Twilio:WhatsAppFrom")]
    [InlineData("Twilio:SmsFrom", "whatsapp:+14155238886", "Twilio:SmsFrom")]
    [InlineData("Twilio:PublicBaseUrl", "bot.example.id", "Twilio:PublicBaseUrl")]
    [InlineData("Twilio:Pacing:PerSecond", "-1", "Twilio:Pacing:PerSecond")]
    [InlineData("Twilio:Templates:Alert:Variables", "[1]", "Twilio:Templates")]
    public void A_wrong_value_is_named(string key, string value, string named)
    {
        var settings = new Dictionary<string, string?>(Valid) { [key] = value };

        Assert.Contains(named, Check(settings) ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public void Credentials_without_any_sender_are_refused()
    {
        var settings = new Dictionary<string, string?>(Valid) { ["Twilio:WhatsAppFrom"] = "" };

        Assert.Contains("Twilio:WhatsAppFrom", Check(settings) ?? "", StringComparison.Ordinal);
    }

    private static string? Check(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddPosyanduOptions().BuildServiceProvider();
        return services.CheckConfiguration();
    }
}
