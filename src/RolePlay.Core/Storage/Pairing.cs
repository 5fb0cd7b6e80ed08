namespace RolePlay.Core.Storage;

/// <summary>Buddies of one round. <see cref="First"/> is the listener (the one who gives feedback this round),
/// <see cref="Second"/> the one who leads the practice; <see cref="Third"/> makes a trio when the team is odd.</summary>
public sealed record PairRecord(PersonKey First, PersonKey Second, PersonKey? Third = null)
{
    public IReadOnlyList<PersonKey> Members() => Third is { } third ? [First, Second, third] : [First, Second];
}

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
