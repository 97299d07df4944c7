using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Posyandu.Referrals.Outbox;

namespace Posyandu.Referrals.Persistence;

/// <summary>
/// A chat's 64-bit key for a database advisory lock: the first eight bytes of SHA-256 over channel and address, the same
/// on every instance and every run (string.GetHashCode is randomised per process). Two chats sharing a key only wait for
/// each other now and then; they are never mixed up.
/// </summary>
public static class ChatLockKey
{
    public static long Of(ChatAddress chat)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{chat.Channel.ToUpperInvariant()}\n{chat.Address}"), hash);
        return BinaryPrimitives.ReadInt64BigEndian(hash);
    }
}
