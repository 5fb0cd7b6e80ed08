using System.Threading.Channels;
using RolePlay.Core.Storage;

namespace RolePlay.Studio.Transcripts;

/// <summary>One person's studio page: the last messages (a ring of <c>capacity</c>), the pages listening for changes,
/// and a gate so one person's messages reach the router one at a time (two tabs cannot cross their own turns).</summary>
public sealed class StudioConversation(PersonKey person, int capacity)
{
    /// <summary>A listener that falls this far behind is dropped; its page reconnects and catches up from the ring.</summary>
    private const int ListenerBacklog = 256;

    private readonly Lock _gate = new();
    private readonly LinkedList<StudioEntry> _entries = new();
    private readonly List<Channel<StudioEntry>> _listeners = [];
    private long _nextSeq;
    private long _version;

    public PersonKey Person { get; } = person;

    /// <summary>Held while one event of this person goes through the router.</summary>
    public SemaphoreSlim Turn { get; } = new(1, 1);

    public DateTimeOffset LastActivityUtc { get; private set; }

    public StudioEntry Append(Func<long, long, StudioEntry> create, DateTimeOffset now)
    {
        lock (_gate)
        {
            var entry = create(++_nextSeq, ++_version);
            _entries.AddLast(entry);
            if (_entries.Count > capacity)
            {
                _entries.RemoveFirst();
            }

            LastActivityUtc = now;
            Publish(entry);
            return entry;
        }
    }

    /// <summary>Replaces message <paramref name="seq"/> (a card that was acted on); null when it left the ring.</summary>
    public StudioEntry? Replace(long seq, Func<StudioEntry, long, StudioEntry> change)
    {
        lock (_gate)
        {
            for (var node = _entries.Last; node is not null; node = node.Previous)
            {
                if (node.Value.Seq == seq)
                {
                    node.Value = change(node.Value, ++_version);
                    Publish(node.Value);
                    return node.Value;
                }
            }

            return null;
        }
    }

    public StudioEntry? Find(long seq)
    {
        lock (_gate)
        {
            return _entries.FirstOrDefault(e => e.Seq == seq);
        }
    }

    public IReadOnlyList<StudioEntry> Snapshot()
    {
        lock (_gate)
        {
            return [.. _entries];
        }
    }

    /// <summary>Everything changed after <paramref name="afterVersion"/>, and a reader for what changes next — taken
    /// together under the lock, so nothing falls between the two.</summary>
    public (IReadOnlyList<StudioEntry> Backlog, Listener Listener) Listen(long afterVersion)
    {
        var channel = Channel.CreateBounded<StudioEntry>(new BoundedChannelOptions(ListenerBacklog) { SingleReader = true });
        lock (_gate)
        {
            _listeners.Add(channel);
            var backlog = _entries.Where(e => e.Version > afterVersion).OrderBy(e => e.Version).ToList();
            return (backlog, new Listener(this, channel));
        }
    }

    private void Publish(StudioEntry entry)
    {
        for (var i = _listeners.Count - 1; i >= 0; i--)
        {
            if (!_listeners[i].Writer.TryWrite(entry))
            {
                _listeners[i].Writer.TryComplete();
                _listeners.RemoveAt(i);
            }
        }
    }

    private void Remove(Channel<StudioEntry> channel)
    {
        lock (_gate)
        {
            _listeners.Remove(channel);
        }
    }

    /// <summary>One open page; disposing it stops listening.</summary>
    public sealed class Listener(StudioConversation conversation, Channel<StudioEntry> channel) : IDisposable
    {
        public ChannelReader<StudioEntry> Reader => channel.Reader;

        public void Dispose() => conversation.Remove(channel);
    }
}
