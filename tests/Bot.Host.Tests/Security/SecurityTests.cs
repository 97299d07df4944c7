using Posyandu.Bot.Host.Security;

namespace Posyandu.Bot.Host.Tests.Security;

/// <summary>Secret comparison and the scrubbing of text before it is logged or printed.</summary>
public sealed class SecurityTests
{
    [Theory]
    [InlineData("rahasia-0001", "rahasia-0001", true)]
    [InlineData("rahasia-0001", "rahasia-0002", false)]
    [InlineData("rahasia-0001", "rahasia-000", false)]
    [InlineData("RAHASIA-0001", "rahasia-0001", false)]
    [InlineData("", "rahasia-0001", false)]
    [InlineData(null, "rahasia-0001", false)]
    [InlineData("", "", false)]
    [InlineData("apa saja", "", false)]
    [InlineData("apa saja", null, false)]
    public void A_secret_matches_only_itself_and_an_empty_one_matches_nothing(string? presented, string? configured, bool matches)
    {
        Assert.Equal(matches, Secrets.Matches(presented, configured));
    }

    [Theory]
    [InlineData("nomor +6281251234501 tidak dikenal", "nomor +62812****4501 tidak dikenal")]
    [InlineData("telepon 0812-5123-4501 salah", "telepon 0812****4501 salah")]
    [InlineData("6281351110001", "6281****0001")]
    [InlineData("Laporan PR-2511-0042 dari RT 003/004", "Laporan PR-2511-0042 dari RT 003/004")]
    [InlineData("hari_buka 12, 30 m2", "hari_buka 12, 30 m2")]
    public void Phone_numbers_are_masked_and_other_numbers_left_alone(string text, string expected)
    {
        Assert.Equal(expected, Redaction.MaskPhones(text));
    }

    [Fact]
    public void The_token_is_scrubbed_from_a_message()
    {
        const string token = "123456789:AAHfiqksKZ8WmR2zSjiQ7_v4TMAKdiHm9T0";

        var cleaned = Redaction.Clean($"GET https://api.telegram.org/bot{token}/getUpdates failed", token);

        Assert.Equal("GET https://api.telegram.org/bot***/getUpdates failed", cleaned);
    }
}
