using System.Text;

namespace Posyandu.Bot.Host.Cli;

/// <summary>Opens the CSV file a command was given, or says in Indonesian, with the full path, why it cannot be read.</summary>
internal static class CliFile
{
    /// <summary>A reader of <paramref name="path"/> (UTF-8 with or without BOM, as Excel saves it), or null with the problem.</summary>
    public static StreamReader? Open(string path, out string problem)
    {
        problem = "";
        try
        {
            return new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            problem = Problem(path, exception);
            return null;
        }
    }

    /// <summary>The full path and the reason: <c>dotnet run</c> starts the bot in src/Bot.Host, so a relative name may not be where one thinks.</summary>
    public static string Problem(string path, Exception exception) => $"{FullPath(path)} ({Describe(exception)})";

    private static string FullPath(string path)
    {
        try
        {
            return Path.GetFullPath(path);
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return path;
        }
    }

    private static string Describe(Exception exception) => exception switch
    {
        FileNotFoundException => "berkas tidak ada",
        DirectoryNotFoundException => "folder tidak ada",
        UnauthorizedAccessException => "tidak ada izin membaca",
        _ => exception.Message,
    };
}
