using System.Text.RegularExpressions;

namespace Posyandu.Referrals.Media;

/// <summary>
/// Keeps photos kader send, as files named by a random id (<c>3f2a…9c.jpg</c>). Ids are checked before any file access,
/// so an id from a URL can never reach outside the folder.
/// </summary>
public sealed partial class MediaStore(MediaOptions options)
{
    private readonly string _folder = System.IO.Path.GetFullPath(options.Path);

    /// <summary>Stores <paramref name="content"/> and returns its media id; <paramref name="extension"/> such as <c>jpg</c> or <c>.png</c>.</summary>
    public async Task<string> SaveAsync(Stream content, string extension, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var ext = (extension ?? "").Trim().TrimStart('.').ToLowerInvariant();
        if (!ExtensionPattern().IsMatch(ext))
        {
            throw new ArgumentException($"Unsupported media extension '{extension}'.", nameof(extension));
        }

        Directory.CreateDirectory(_folder);
        var id = $"{Guid.NewGuid():N}.{ext}";
        var path = System.IO.Path.Combine(_folder, id);
        var temporary = path + ".part";
        try
        {
            // Written aside then moved: a crash never leaves a half photo under a valid id.
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await content.CopyToAsync(file, cancellationToken);
            }

            File.Move(temporary, path);
        }
        finally
        {
            File.Delete(temporary);
        }

        return id;
    }

    /// <summary>Whether <paramref name="id"/> has the shape of an id this store gives out.</summary>
    public static bool IsValidId(string? id) => id is not null && IdPattern().IsMatch(id);

    /// <summary>The file of <paramref name="id"/>; throws <see cref="ArgumentException"/> for anything that is not a media id.</summary>
    public string PathOf(string id)
    {
        if (!IsValidId(id))
        {
            throw new ArgumentException("Not a media id.", nameof(id));
        }

        return System.IO.Path.Combine(_folder, id);
    }

    /// <summary>Opens the photo for reading; <see cref="FileNotFoundException"/> when it is not there.</summary>
    public Stream OpenRead(string id) =>
        new FileStream(PathOf(id), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);

    [GeneratedRegex("^[a-z0-9]{1,5}$")]
    private static partial Regex ExtensionPattern();

    [GeneratedRegex("^[a-f0-9]{32}\\.[a-z0-9]{1,5}$")]
    private static partial Regex IdPattern();
}
