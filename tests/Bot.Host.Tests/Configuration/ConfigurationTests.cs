using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Posyandu.Bot.Host.Configuration;

namespace Posyandu.Bot.Host.Tests.Configuration;

/// <summary>Every configuration rule: a bad value gives one Indonesian line naming the key; the defaults are valid.</summary>
public sealed class ConfigurationTests
{
    [Fact]
    public void The_defaults_and_a_full_production_setup_are_valid()
    {
        Assert.Null(Check([]));
        Assert.Null(Check(new()
        {
            ["ConnectionStrings:Default"] = "Host=db;Database=posyandu;Username=bot;Password=rahasia",
            ["Database:Provider"] = "Postgres",
            ["Hangfire:Storage"] = "Postgres",
            ["Telegram:BotToken"] = "7012345678:AAHfiqksKZ8WmR2zSjiQ7_v4TMAKdiHm9T0",
            ["Telegram:Mode"] = "Webhook",
            ["Telegram:WebhookSecret"] = "s3cr3t_value-1",
            ["Telegram:WebhookUrl"] = "https://bot.kutaikartanegarakab.go.id/webhooks/telegram",
            ["Demo:Enabled"] = "false",
            ["Admin:ApiKey"] = "a-long-enough-api-key",
            ["Media:Path"] = "/var/lib/posyandu/media",
        }));
    }

    [Theory]
    [InlineData("Telegram:Mode", "Hook", "Telegram:Mode harus 'Webhook' atau 'Polling'")]
    [InlineData("Database:Provider", "MySql", "Database:Provider harus 'Sqlite' atau 'Postgres'")]
    [InlineData("Hangfire:Storage", "Redis", "Hangfire:Storage harus 'InMemory' atau 'Postgres'")]
    [InlineData("Hangfire:Storage", "Postgres", "Hangfire:Storage 'Postgres' memerlukan Database:Provider 'Postgres'")]
    [InlineData("ConnectionStrings:Default", "Data Source", "ConnectionStrings:Default tidak dapat dibaca")]
    [InlineData("Telegram:BotToken", "bukan-token", "Telegram:BotToken tidak sah")]
    [InlineData("Telegram:WebhookSecret", "rahasia dengan spasi", "Telegram:WebhookSecret hanya boleh")]
    [InlineData("Telegram:ApiBaseUrl", "api.telegram.org", "Telegram:ApiBaseUrl harus URL")]
    [InlineData("Telegram:WebhookUrl", "http://bot.example.id/webhooks/telegram", "Telegram:WebhookUrl harus URL https")]
    [InlineData("Demo:Enabled", "ya", "Demo:Enabled harus 'true' atau 'false'")]
    [InlineData("Admin:ApiKey", "pendek", "Admin:ApiKey terlalu pendek")]
    public void A_bad_value_is_one_line_naming_the_key(string key, string value, string expected)
    {
        var settings = new Dictionary<string, string?> { [key] = value };
        if (key.StartsWith("Telegram:", StringComparison.Ordinal) && key != "Telegram:BotToken")
        {
            settings["Telegram:BotToken"] = "123456:valid-token";
        }

        var problem = Check(settings);

        Assert.NotNull(problem);
        Assert.StartsWith("Konfigurasi salah: ", problem, StringComparison.Ordinal);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', problem);
    }

    [Fact]
    public void A_webhook_url_needs_a_secret_and_several_problems_share_the_line()
    {
        var problem = Check(new()
        {
            ["Telegram:BotToken"] = "123456:valid-token",
            ["Telegram:WebhookUrl"] = "https://bot.example.id/webhooks/telegram",
            ["Demo:Enabled"] = "mungkin",
        });

        Assert.NotNull(problem);
        Assert.Contains("Telegram:WebhookSecret wajib diisi", problem, StringComparison.Ordinal);
        Assert.Contains("Demo:Enabled", problem, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', problem);
    }

    [Fact]
    public void A_bad_token_is_named_but_never_printed()
    {
        var problem = Check(new() { ["Telegram:BotToken"] = "secret-looking-value-123" });

        Assert.NotNull(problem);
        Assert.DoesNotContain("secret-looking-value-123", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_values_fall_back_to_the_defaults()
    {
        Assert.Null(Check(new()
        {
            ["ConnectionStrings:Default"] = "",
            ["Database:Provider"] = "",
            ["Telegram:BotToken"] = "123456:valid-token",
            ["Telegram:Mode"] = "",
            ["Telegram:ApiBaseUrl"] = "",
            ["Demo:Enabled"] = "",
        }));
    }

    private static string? Check(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddPosyanduOptions()
            .BuildServiceProvider();
        return services.CheckConfiguration();
    }
}
