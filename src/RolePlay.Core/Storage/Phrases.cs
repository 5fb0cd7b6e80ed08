namespace RolePlay.Core.Storage;

/// <summary>A phrase an agent logged because it unlocked a customer ("log one phrase" at end of shift).</summary>
public sealed record PhraseRecord(
    TenantScope Tenant,
    string TeamId,
    string PhraseId,
    PersonKey Author,
    string Text,
    string? Behaviour,
    DateTimeOffset AtUtc);

public interface IPhraseStore
{
    Task AddAsync(PhraseRecord phrase, CancellationToken ct);

    /// <summary>The team's library, newest first.</summary>
    Task<IReadOnlyList<PhraseRecord>> ListAsync(TenantScope tenant, string teamId, int take, CancellationToken ct);
}
