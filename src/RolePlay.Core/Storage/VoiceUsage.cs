namespace RolePlay.Core.Storage;

/// <summary>A team's model-voice tokens on one day of the team's calendar, and whether its managers were told the
/// day's budget is spent.</summary>
public sealed record VoiceUsageRecord(TenantScope Tenant, string TeamId, DateOnly Day, long Tokens, bool ManagersTold);

public interface IVoiceUsageStore
{
    Task<VoiceUsageRecord?> GetAsync(TenantScope tenant, string teamId, DateOnly day, CancellationToken ct);

    /// <summary>Adds <paramref name="tokens"/> to the day's count, safely against other hosts adding at once.</summary>
    Task<VoiceUsageRecord> AddAsync(TenantScope tenant, string teamId, DateOnly day, long tokens, CancellationToken ct);

    /// <summary>Marks the managers told: true for the one caller that marked it, false once it was marked.</summary>
    Task<bool> MarkToldAsync(TenantScope tenant, string teamId, DateOnly day, CancellationToken ct);
}
