using System.Security.Cryptography;
using System.Text;

namespace Posyandu.Bot.Host.Security;

/// <summary>Compares a presented secret (webhook secret, API key) with the configured one in constant time.</summary>
internal static class Secrets
{
    /// <summary>
    /// False when nothing is configured (an empty secret refuses everything) or nothing was presented. Both sides are hashed
    /// first so that not even the length of the configured secret leaks through timing.
    /// </summary>
    public static bool Matches(string? presented, string? configured)
    {
        if (string.IsNullOrEmpty(configured) || string.IsNullOrEmpty(presented))
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[SHA256.HashSizeInBytes];
        Span<byte> actual = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(configured), expected);
        SHA256.HashData(Encoding.UTF8.GetBytes(presented), actual);
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }
}
