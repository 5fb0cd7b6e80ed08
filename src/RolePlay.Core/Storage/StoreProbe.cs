namespace RolePlay.Core.Storage;

/// <summary>Whether the store answers now, for the platform's readiness probe: one read of a row that does not
/// exist, through the store's own retries.</summary>
public interface IStoreProbe
{
    /// <summary>Names the store (never a secret).</summary>
    string StoreName { get; }

    /// <summary>Completes when the store answered; throws <see cref="StorageUnavailableException"/> when it did not.</summary>
    Task ProbeAsync(CancellationToken ct);
}
