namespace Posyandu.Referrals.Media;

/// <summary>Where photos are kept (<c>Media:Path</c>).</summary>
public sealed class MediaOptions
{
    public string Path { get; set; } = "data/media";
}
