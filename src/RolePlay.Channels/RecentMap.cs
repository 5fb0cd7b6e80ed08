using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace RolePlay.Channels;

/// <summary>A per-process shortcut keyed by ids from requests (people, conversations) that never outgrows
/// <paramref name="capacity"/>: when full it forgets everything and starts again. Only for what the store also knows,
/// so forgetting costs one store read per key, never a wrong answer, and memory stays flat whatever ids arrive.</summary>
public sealed class RecentMap<TKey, TValue>(int capacity)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, TValue> _entries = new();
    private readonly int _capacity = capacity > 0 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity));
    private int _count; // ConcurrentDictionary.Count takes every lock; this is read on each call

    public int Count => Volatile.Read(ref _count);

    public bool TryGetValue(TKey key, [MaybeNullWhen(false)] out TValue value) => _entries.TryGetValue(key, out value);

    public void Set(TKey key, TValue value)
    {
        if (Volatile.Read(ref _count) >= _capacity)
        {
            _entries.Clear();
            Volatile.Write(ref _count, 0);
        }

        var added = false;
        _entries.AddOrUpdate(key, _ => { added = true; return value; }, (_, _) => { added = false; return value; });
        if (added)
        {
            Interlocked.Increment(ref _count);
        }
    }
}
