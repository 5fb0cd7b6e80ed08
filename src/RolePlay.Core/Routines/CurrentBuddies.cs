using RolePlay.Core.Storage;

namespace RolePlay.Core.Routines;

/// <summary>A person's buddies now: the others in their pair of their team's latest pairing round; none without a team
/// or outside the round.</summary>
public static class CurrentBuddies
{
    public static async Task<IReadOnlyList<PersonKey>> OfAsync(IPairingStore pairing, PersonRecord person, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(pairing);
        ArgumentNullException.ThrowIfNull(person);
        if (person.TeamId is null)
        {
            return [];
        }

        var latest = await pairing.ListRecentAsync(person.Key.Tenant, person.TeamId, 1, ct).ConfigureAwait(false);
        var pair = latest.Count == 0 ? null : latest[0].Pairs.FirstOrDefault(p => p.Members().Contains(person.Key));
        return pair is null ? [] : pair.Members().Where(m => m != person.Key).ToArray();
    }
}
