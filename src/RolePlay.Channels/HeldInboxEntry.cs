using RolePlay.Core.Storage;

namespace RolePlay.Channels;

/// <summary>An inbox entry this instance holds, at its latest stored version. Its updates (lease renewals from the
/// resumer, the answer from the work) go one at a time, or each would find the other's write and lose.</summary>
public sealed class HeldInboxEntry(InboxEntry entry)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public InboxEntry Entry { get; private set; } = entry;

    /// <summary>False when someone else changed or finished the entry first.</summary>
    public async Task<bool> TryUpdateAsync(IInbox inbox, Func<InboxEntry, InboxEntry> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inbox);
        ArgumentNullException.ThrowIfNull(change);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (await inbox.TryUpdateAsync(change(Entry), cancellationToken).ConfigureAwait(false) is not { } stored)
            {
                return false;
            }

            Entry = stored;
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }
}
