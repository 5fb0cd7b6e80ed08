using RolePlay.Core.Storage;

namespace RolePlay.Core.Settings;

/// <summary>Records that a person can no longer be messaged (they blocked or uninstalled the bot), so routines stop
/// trying them instead of retrying a send that will never land.</summary>
public sealed class Reachability(IPeopleStore people, TimeProvider time)
{
    private const int Attempts = 3;

    /// <summary>Sets <see cref="PersonRecord.UnreachableSinceUtc"/> once (the first refusal is the date that
    /// matters) and takes them out of the due-prompt index. A person the bot never stored has nothing to mark.</summary>
    public async Task MarkUnreachableAsync(PersonKey key, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var person = await people.GetAsync(key, ct).ConfigureAwait(false);
            if (person is null || person.UnreachableSinceUtc is not null)
            {
                return;
            }

            try
            {
                await people.SaveAsync(PersonSettings.MarkUnreachable(person, time.GetUtcNow()), ct).ConfigureAwait(false);
                return;
            }
            catch (ConcurrencyConflictException) when (attempt < Attempts)
            {
                // The person changed meanwhile (a settings save): read again and re-apply.
            }
        }
    }
}
