using Posyandu.Referrals.Outbox;

namespace Posyandu.Referrals.Intake;

/// <summary>
/// One async lock per chat, in this process: a chat's messages are handled one at a time in arrival order, different
/// chats in parallel. Locks are dropped when nobody holds or waits for them. Instances sharing a PostgreSQL database also
/// take the chat's database lock inside the transaction (<see cref="Persistence.PosyanduDb.LockChatAsync"/>).
/// </summary>
internal sealed class ChatLocks
{
    private readonly Dictionary<ChatAddress, Entry> _entries = [];

    public async Task<IDisposable> AcquireAsync(ChatAddress chat, CancellationToken cancellationToken)
    {
        Entry entry;
        lock (_entries)
        {
            if (!_entries.TryGetValue(chat, out entry!))
            {
                entry = new Entry();
                _entries[chat] = entry;
            }

            entry.Users++;
        }

        try
        {
            await entry.Gate.WaitAsync(cancellationToken);
        }
        catch
        {
            Leave(chat, entry);
            throw;
        }

        return new Holder(this, chat, entry);
    }

    /// <summary>How many chats have a lock held or awaited right now (for tests).</summary>
    internal int Count
    {
        get
        {
            lock (_entries)
            {
                return _entries.Count;
            }
        }
    }

    private void Leave(ChatAddress chat, Entry entry)
    {
        lock (_entries)
        {
            if (--entry.Users == 0)
            {
                _entries.Remove(chat);
                entry.Gate.Dispose();
            }
        }
    }

    private sealed class Entry
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);
        public int Users { get; set; }
    }

    private sealed class Holder(ChatLocks owner, ChatAddress chat, Entry entry) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                entry.Gate.Release();
                owner.Leave(chat, entry);
            }
        }
    }
}
