using Posyandu.Bot.Host.Channels.Simulator;

namespace Posyandu.Bot.Host.Tests.Simulator;

public class ImageSignatureTests
{
    [Theory]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 0x4A, 0x46, 0x49, 0x46, 0, 1 }, "jpg")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D }, "png")]
    [InlineData(new byte[] { 0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 1, 0, 1, 0, 0, 0 }, "gif")]
    [InlineData(new byte[] { 0x52, 0x49, 0x46, 0x46, 0x24, 0, 0, 0, 0x57, 0x45, 0x42, 0x50 }, "webp")]
    public void KnownFormats_AreRecognised(byte[] header, string extension) =>
        Assert.Equal(extension, ImageSignature.Detect(header));

    [Theory]
    [InlineData(new byte[] { })]
    [InlineData(new byte[] { 0xFF, 0xD8 })]
    [InlineData(new byte[] { 0x3C, 0x73, 0x76, 0x67, 0x20, 0x78, 0x6D, 0x6C, 0x6E, 0x73, 0x3D, 0x22 })] // "<svg xmlns=\""
    [InlineData(new byte[] { 0x52, 0x49, 0x46, 0x46, 0x24, 0, 0, 0, 0x57, 0x41, 0x56, 0x45 })] // a RIFF WAVE, not WebP
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37, 0x0A, 0, 0, 0 })] // "%PDF-1.7"
    public void AnythingElse_IsNotAnImage(byte[] header) => Assert.Null(ImageSignature.Detect(header));

    [Theory]
    [InlineData("3f2a.jpg", "image/jpeg")]
    [InlineData("3f2a.JPEG", "image/jpeg")]
    [InlineData("3f2a.png", "image/png")]
    [InlineData("3f2a.webp", "image/webp")]
    [InlineData("3f2a.gif", "image/gif")]
    [InlineData("3f2a.html", null)]
    [InlineData("3f2a", null)]
    public void ContentType_FollowsTheStoredExtension(string mediaId, string? contentType) =>
        Assert.Equal(contentType, ImageSignature.ContentTypeOf(mediaId));
}
