namespace RolePlay.Core.Storage;

public sealed record PairRecord(PersonKey First, PersonKey Second);

/// <summary>
/// One pairing round of a team. <see cref="RoundNumber"/> grows by one each round; a person left over
/// when the team is odd is named in <see cref="Unpaired"/> rather than silently dropped.
/// </summary>
public sealed record PairingRound(
    TenantScope Tenant,
    string TeamId,
    int RoundNumber,
    DateTimeOffset CreatedUtc,
    IReadOnlyList<PairRecord> Pairs,
    IReadOnlyList<PersonKey> Unpaired);

public interface IPairingStore
{
    /// <summary>Stores a new round; a second round with the same number conflicts.</summary>
    Task SaveRoundAsync(PairingRound round, CancellationToken ct);

    /// <summary>The last <paramref name="rounds"/> rounds of a team, newest first.</summary>
    Task<IReadOnlyList<PairingRound>> ListRecentAsync(TenantScope tenant, string teamId, int rounds, CancellationToken ct);
}
