using RolePlay.Core.Storage;

namespace RolePlay.Core.Clips;

/// <summary>Clips older than their team's retention (<see cref="TeamRecord.ClipRetentionDays"/>, 90 days unless a
/// manager set another) are deleted, audio and metadata. Each team's expired clips are one bounded range read (the
/// oldest keys of its partition), so nothing is scanned; run once a day by the host.</summary>
public sealed class ClipRetention(IPeopleStore people, ITeamStore teams, IClipStore clips, ClipLibrary library, TimeProvider time)
{
    private const int Batch = 100;

    /// <summary>How many clips were deleted.</summary>
    public async Task<int> PurgeAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var deleted = 0;
        foreach (var tenant in await people.ListTenantsAsync(ct).ConfigureAwait(false))
        {
            foreach (var team in await teams.ListAsync(tenant, ct).ConfigureAwait(false))
            {
                var cutoff = now.AddDays(-team.ClipRetentionDays);
                IReadOnlyList<ClipRecord> expired;
                do
                {
                    expired = await clips.ListOlderAsync(tenant, team.TeamId, cutoff, Batch, ct).ConfigureAwait(false);
                    foreach (var clip in expired)
                    {
                        await library.DeleteAsync(clip, ct).ConfigureAwait(false);
                        deleted++;
                    }
                }
                while (expired.Count == Batch);
            }
        }

        return deleted;
    }
}
