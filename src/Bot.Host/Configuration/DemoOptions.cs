namespace Posyandu.Bot.Host.Configuration;

/// <summary>The <c>Demo</c> section: load the demo roster into an empty database and serve the browser simulator.</summary>
internal sealed class DemoOptions
{
    public bool Enabled { get; set; }

    /// <summary>The configured text, kept so a value that is not a boolean is reported by name instead of crashing the binder.</summary>
    public string? RawEnabled { get; set; }

    public bool IsValid => RawEnabled is null || bool.TryParse(RawEnabled, out _);

    public static DemoOptions Read(IConfiguration configuration)
    {
        var options = new DemoOptions();
        options.ReadFrom(configuration);
        return options;
    }

    public void ReadFrom(IConfiguration configuration)
    {
        var raw = configuration["Demo:Enabled"];
        RawEnabled = string.IsNullOrWhiteSpace(raw) ? null : raw.Trim();
        Enabled = RawEnabled is not null && bool.TryParse(RawEnabled, out var enabled) && enabled;
    }
}
