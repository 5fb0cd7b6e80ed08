namespace RolePlay.Core.Storage;

/// <summary>Who may hear a clip, chosen by its owner when they record it: their team, or only the team's managers.</summary>
public enum ClipAudience
{
    Team,
    Managers,
}

/// <summary>What a clip belongs to: a phrase in the team's library (<see cref="Id"/> = the phrase id) or a moment of a
/// finished practice (<see cref="Id"/> = "{session id}/{turn index}").</summary>
public sealed record ClipSubject(ClipSubjectKind Kind, string Id);

public enum ClipSubjectKind
{
    Phrase,
    Moment,
}

/// <summary>A short voice clip's metadata; its audio lives in <see cref="IClipContent"/> under <see cref="Content"/>.
/// <see cref="Transcript"/> is the phrase or the practice line itself, the clip's transcript line on every player.
/// <see cref="ContentType"/> is what the bytes were sniffed as, never what the sender declared.
/// <see cref="Seconds"/> is the duration the container states (null where it states none, e.g. MP3).</summary>
public sealed record ClipRecord(
    TenantScope Tenant,
    string TeamId,
    string ClipId,
    PersonKey Owner,
    ClipAudience Audience,
    ClipSubject Subject,
    string Transcript,
    string ContentType,
    long Bytes,
    double? Seconds,
    DateTimeOffset CreatedUtc)
{
    public ClipContentKey Content => new(Tenant, TeamId, ClipId);
}

/// <summary>Where a clip's audio is kept: always under its tenant and team, so no key can reach another tenant's audio.</summary>
public sealed record ClipContentKey(TenantScope Tenant, string TeamId, string ClipId);

/// <summary>A team's clips, one partition per team, newest first (the clip id starts with the inverted creation time).</summary>
public interface IClipStore
{
    /// <summary>Stores the metadata (the owner's mention first, so "forget me" finds it).</summary>
    Task AddAsync(ClipRecord clip, CancellationToken ct);

    Task<ClipRecord?> GetAsync(TenantScope tenant, string teamId, string clipId, CancellationToken ct);

    /// <summary>The team's clips, newest first.</summary>
    Task<IReadOnlyList<ClipRecord>> ListAsync(TenantScope tenant, string teamId, int take, CancellationToken ct);

    /// <summary>The team's clips created before <paramref name="beforeUtc"/>, oldest last, at most <paramref name="take"/>.</summary>
    Task<IReadOnlyList<ClipRecord>> ListOlderAsync(TenantScope tenant, string teamId, DateTimeOffset beforeUtc, int take, CancellationToken ct);

    /// <summary>A person's own clips in any team of their tenant (read from the mentions in their own partition).</summary>
    Task<IReadOnlyList<ClipRecord>> ListOwnAsync(PersonKey owner, CancellationToken ct);

    /// <summary>Removes the metadata and the owner's mention of it; a clip already gone is fine.</summary>
    Task RemoveAsync(ClipRecord clip, CancellationToken ct);
}

/// <summary>The port a clip's audio goes through: files under the data directory (the embedded default) or Azure Blob
/// Storage, chosen by the storage configuration. Both return a seekable stream, so the host can answer range requests.</summary>
public interface IClipContent
{
    /// <summary>Names the store in errors (never a secret).</summary>
    string Name { get; }

    Task SaveAsync(ClipContentKey key, ReadOnlyMemory<byte> audio, CancellationToken ct);

    /// <summary>A seekable stream over the audio, or null when there is none.</summary>
    Task<Stream?> OpenAsync(ClipContentKey key, CancellationToken ct);

    /// <summary>Removes the audio; one already gone is fine.</summary>
    Task DeleteAsync(ClipContentKey key, CancellationToken ct);
}
