namespace Posyandu.Bot.Host.Configuration;

/// <summary>The <c>Admin</c> section: the key for <c>/api/*</c> (header <c>X-Api-Key</c>); empty refuses the API.</summary>
internal sealed class AdminOptions
{
    public const string Section = "Admin";
    public const int MinimumKeyLength = 16;

    public string ApiKey { get; set; } = "";
}
