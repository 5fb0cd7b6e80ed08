using System.Globalization;
using RolePlay.Core.Storage;
using RolePlay.Storage.Rows;

namespace RolePlay.Storage.Repositories;

/// <summary>Model-voice usage in the tenant's Teams partition, one row per team and day ("voice|{team}|{yyyy-MM-dd}"),
/// changed only by conditional writes so hosts adding at the same moment each count.</summary>
internal sealed class VoiceUsageStore(IRowStore rows) : IVoiceUsageStore
{
    private const int Attempts = 8;

    public async Task<VoiceUsageRecord?> GetAsync(TenantScope tenant, string teamId, DateOnly day, CancellationToken ct) =>
        (await ReadAsync(tenant, teamId, day, ct).ConfigureAwait(false))?.Usage;

    public Task<VoiceUsageRecord> AddAsync(TenantScope tenant, string teamId, DateOnly day, long tokens, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(tokens);
        return ChangeAsync(tenant, teamId, day, usage => usage with { Tokens = usage.Tokens + tokens }, ct);
    }

    public async Task<bool> MarkToldAsync(TenantScope tenant, string teamId, DateOnly day, CancellationToken ct)
    {
        var marked = false;
        await ChangeAsync(tenant, teamId, day, usage =>
        {
            marked = !usage.ManagersTold;
            return usage with { ManagersTold = true };
        }, ct).ConfigureAwait(false);
        return marked;
    }

    private async Task<VoiceUsageRecord> ChangeAsync(TenantScope tenant, string teamId, DateOnly day,
        Func<VoiceUsageRecord, VoiceUsageRecord> change, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var stored = await ReadAsync(tenant, teamId, day, ct).ConfigureAwait(false);
            var changed = change(stored?.Usage ?? new VoiceUsageRecord(tenant, teamId, day, 0, false));
            var body = StorageJson.Write(changed);
            var row = Row(teamId, day);
            var op = stored is null ? RowOp.Insert(row, body) : RowOp.Replace(row, body, stored.Value.Version);
            try
            {
                await rows.SubmitAsync(Tables.Teams, RowKeys.Tenant(tenant), [op], ct).ConfigureAwait(false);
                return changed;
            }
            catch (ConcurrencyConflictException) when (attempt < Attempts)
            {
            }
        }
    }

    private async Task<(VoiceUsageRecord Usage, string Version)?> ReadAsync(TenantScope tenant, string teamId, DateOnly day, CancellationToken ct)
    {
        var row = await rows.GetAsync(Tables.Teams, RowKeys.Tenant(tenant), Row(teamId, day), ct).ConfigureAwait(false);
        return row is null ? null : (StorageJson.Read<VoiceUsageRecord>(row), row.Version);
    }

    private static string Row(string teamId, DateOnly day) =>
        $"voice|{RowKeys.Part(teamId)}|{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
}
