using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Posyandu.Referrals.Deadlines;
using Posyandu.Referrals.Reminders;

namespace Posyandu.Bot.Host.Configuration;

/// <summary>
/// Binds every option of the spec's configuration table and states its rules in one place; a bad or missing value stops
/// the process at start with one line naming the key (<see cref="CheckConfiguration"/>), not a stack trace at the first message.
/// </summary>
internal static partial class ConfigurationExtensions
{
    public static WebApplicationBuilder AddPosyanduOptions(this WebApplicationBuilder builder)
    {
        builder.Services.AddPosyanduOptions();
        // The dialog engine takes these tables; they were chosen (shipped, or read from Growth:TablesPath) while the options were validated.
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IOptions<GrowthOptions>>().Value.Tables!);

        return builder;
    }

    /// <summary>Binds and validates every option; needs <see cref="IConfiguration"/> in the container (the host provides it).</summary>
    public static IServiceCollection AddPosyanduOptions(this IServiceCollection services)
    {

        services.AddOptions<StorageSettings>()
            .Configure<IConfiguration>((settings, configuration) => settings.ReadFrom(configuration))
            .Validate(s => IsOneOf(s.DatabaseProvider, StorageSettings.Sqlite, StorageSettings.Postgres),
                "Database:Provider harus 'Sqlite' atau 'Postgres'")
            .Validate(s => IsConnectionString(s.ConnectionString),
                "ConnectionStrings:Default tidak dapat dibaca (contoh: 'Data Source=data/posyandu.db')")
            .Validate(s => IsOneOf(s.HangfireStorage, StorageSettings.InMemory, StorageSettings.Postgres),
                "Hangfire:Storage harus 'InMemory' atau 'Postgres'")
            .Validate(s => !s.UsesPostgresJobs || s.UsesPostgresDatabase,
                "Hangfire:Storage 'Postgres' memerlukan Database:Provider 'Postgres' (memakai ConnectionStrings:Default)")
            .ValidateOnStart();

        services.AddOptions<TelegramOptions>()
            .BindConfiguration(TelegramOptions.Section)
            .PostConfigure(o => o.FillDefaults())
            .Validate(o => !o.Enabled || BotTokenFormat().IsMatch(o.BotToken),
                "Telegram:BotToken tidak sah (bentuknya 123456789:ABC..., dari @BotFather)")
            .Validate(o => IsOneOf(o.Mode, TelegramOptions.Webhook, TelegramOptions.Polling),
                "Telegram:Mode harus 'Webhook' atau 'Polling'")
            .Validate(o => o.Pacing is { IsValid: true }, "Telegram:Pacing:PerSecond dan Telegram:Pacing:PerChatPerSecond harus bilangan 0 atau lebih (0 = tanpa batas)")
            .Validate(o => o.WebhookSecret.Length == 0 || WebhookSecretFormat().IsMatch(o.WebhookSecret),
                "Telegram:WebhookSecret hanya boleh berisi A-Z, a-z, 0-9, _ dan - (1 sampai 256 karakter)")
            .Validate(o => IsHttpUrl(o.ApiBaseUrl, requireHttps: false),
                "Telegram:ApiBaseUrl harus URL http(s) lengkap, misalnya https://api.telegram.org")
            .Validate(o => o.WebhookUrl.Length == 0 || IsHttpUrl(o.WebhookUrl, requireHttps: true),
                "Telegram:WebhookUrl harus URL https lengkap ke /webhooks/telegram")
            .Validate(o => o.WebhookUrl.Length == 0 || o.WebhookSecret.Length > 0,
                "Telegram:WebhookSecret wajib diisi bila Telegram:WebhookUrl diisi")
            .ValidateOnStart();

        services.AddOptions<TwilioOptions>()
            .BindConfiguration(TwilioOptions.Section)
            .PostConfigure(o => o.FillDefaults())
            .Validate(o => o.AccountSid.Length == 0 || AccountSidFormat().IsMatch(o.AccountSid),
                "Twilio:AccountSid tidak sah (bentuknya AC diikuti 32 huruf/angka heksadesimal)")
            .Validate(o => o.AccountSid.Length == 0 == (o.AuthToken.Length == 0),
                "Twilio:AccountSid dan Twilio:AuthToken harus diisi keduanya (atau dikosongkan keduanya)")
            .Validate(o => !o.Enabled || o.WhatsAppFrom.Length > 0 || o.SmsFrom.Length > 0,
                "Twilio: isi Twilio:WhatsAppFrom dan/atau Twilio:SmsFrom")
            .Validate(o => o.WhatsAppFrom.Length == 0 || WhatsAppFromFormat().IsMatch(o.WhatsAppFrom),
                "Twilio:WhatsAppFrom harus berbentuk whatsapp:+14155238886")
            .Validate(o => o.SmsFrom.Length == 0 || SmsFromFormat().IsMatch(o.SmsFrom),
                "Twilio:SmsFrom harus nomor E.164, misalnya +14155550100")
            .Validate(o => IsHttpUrl(o.ApiBaseUrl, requireHttps: false),
                "Twilio:ApiBaseUrl harus URL http(s) lengkap, misalnya https://api.twilio.com")
            .Validate(o => o.PublicBaseUrl.Length == 0 || IsHttpUrl(o.PublicBaseUrl, requireHttps: false),
                "Twilio:PublicBaseUrl harus URL http(s) lengkap, misalnya https://bot.example.go.id")
            .Validate(o => o.Pacing.PerSecond >= 0, "Twilio:Pacing:PerSecond tidak boleh negatif (0 = tanpa batas)")
            .Validate(o => o.Templates.Values.All(t => string.IsNullOrWhiteSpace(t.Variables) || IsJsonObject(t.Variables)),
                "Twilio:Templates:<Jenis>:Variables harus objek JSON, misalnya {\"1\":\"{text}\"}")
            .ValidateOnStart();

        services.AddOptions<DemoOptions>()
            .Configure<IConfiguration>((options, configuration) => options.ReadFrom(configuration))
            .Validate(o => o.IsValid, "Demo:Enabled harus 'true' atau 'false'")
            .ValidateOnStart();

        services.AddOptions<AdminOptions>()
            .BindConfiguration(AdminOptions.Section)
            .PostConfigure(o => o.ApiKey = o.ApiKey?.Trim() ?? "")
            .Validate(o => o.ApiKey.Length == 0 || o.ApiKey.Length >= AdminOptions.MinimumKeyLength,
                $"Admin:ApiKey terlalu pendek (minimal {AdminOptions.MinimumKeyLength} karakter; kosongkan untuk menutup API)")
            .ValidateOnStart();

        services.AddOptions<DeadlineOptions>()
            .BindConfiguration(DeadlineOptions.Section)
            .Validate(o => o.IsValid,
                "Referrals:Deadlines:<Darurat|Segera|Biasa>:Reminder dan :Acknowledge harus lama waktu positif (contoh '00:15:00' dan '00:30:00'), dengan Reminder lebih pendek dari Acknowledge")
            .ValidateOnStart();

        services.AddOptions<ReminderOptions>()
            .BindConfiguration(ReminderOptions.Section)
            .PostConfigure(o => o.QuietHours = o.QuietHours?.Trim() ?? "")
            .Validate(o => o.QuietHoursValid, "Reminders:QuietHours harus berbentuk '21:00-06:00' (kosongkan bila tidak ada jam tenang)")
            .Validate(o => o.SchedulesValid,
                "Reminders:HariBuka:Time harus jam seperti '16:00', Reminders:Monthly:Cron dan Reminders:Digest:Cron harus cron lima kolom seperti '0 9 25 * *', dan Reminders:BatchSize 1–10000")
            .ValidateOnStart();

        services.AddOptions<GrowthOptions>()
            .BindConfiguration(GrowthOptions.Section)
            .PostConfigure(o => o.TablesPath = o.TablesPath?.Trim() ?? "")
            .Validate(o => o.TryLoad(),
                "Growth:TablesPath harus folder berisi tabel WHO weianthro.txt, lenanthro.txt, wflanthro.txt, wfhanthro.txt dan acanthro.txt yang dapat dibaca (kosongkan untuk memakai tabel bawaan)")
            .ValidateOnStart();

        return services;
    }

    /// <summary>
    /// Runs every option rule now, before the database is touched. Returns null when all hold, else the one line to print,
    /// e.g. "Konfigurasi salah: Telegram:Mode harus 'Webhook' atau 'Polling'".
    /// </summary>
    public static string? CheckConfiguration(this IServiceProvider services)
    {
        try
        {
            services.GetService<IStartupValidator>()?.Validate();
            return null;
        }
        catch (OptionsValidationException exception)
        {
            return Describe(exception.Failures);
        }
        catch (AggregateException exception) when (exception.InnerExceptions.All(e => e is OptionsValidationException))
        {
            return Describe(exception.InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures));
        }
    }

    private static string Describe(IEnumerable<string> failures) =>
        "Konfigurasi salah: " + string.Join("; ", failures.Distinct(StringComparer.Ordinal));

    private static bool IsOneOf(string? value, params string[] allowed) =>
        allowed.Any(a => string.Equals(a, value, StringComparison.OrdinalIgnoreCase));

    private static bool IsConnectionString(string value)
    {
        try
        {
            var parsed = new DbConnectionStringBuilder { ConnectionString = value };
            return parsed.Count > 0;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static bool IsHttpUrl(string value, bool requireHttps) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || (!requireHttps && uri.Scheme == Uri.UriSchemeHttp));

    private static bool IsJsonObject(string value)
    {
        try
        {
            return System.Text.Json.Nodes.JsonNode.Parse(value) is System.Text.Json.Nodes.JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    [GeneratedRegex("^AC[0-9a-fA-F]{32}$")]
    private static partial Regex AccountSidFormat();

    [GeneratedRegex(@"^whatsapp:\+[1-9][0-9]{6,14}$")]
    private static partial Regex WhatsAppFromFormat();

    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$")]
    private static partial Regex SmsFromFormat();

    [GeneratedRegex("^[0-9]{1,16}:[A-Za-z0-9_-]+$")]
    private static partial Regex BotTokenFormat();

    // Telegram's own rule for secret_token.
    [GeneratedRegex("^[A-Za-z0-9_-]{1,256}$")]
    private static partial Regex WebhookSecretFormat();
}
