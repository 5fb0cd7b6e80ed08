using RolePlay.Core.Storage;
using RolePlay.Storage.Rows;

namespace RolePlay.Storage.Repositories;

/// <summary>A team's cues of the week beside its other rows (Teams table, the tenant's partition), one row per week
/// under "cueweek|{team}|{day}": a point read for the week, and a pick replaces the week's row.</summary>
internal sealed class CueOfTheWeekStore(IRowStore rows) : ICueOfTheWeekStore
{
    public async Task SaveAsync(CueOfTheWeekRecord pick, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(pick);
        ArgumentException.ThrowIfNullOrWhiteSpace(pick.CueId);
        await rows.SubmitAsync(Tables.Teams, RowKeys.Tenant(pick.Tenant), [RowOp.Upsert(Row(pick.TeamId, pick.WeekMonday), StorageJson.Write(pick))], ct).ConfigureAwait(false);
    }

    public async Task<CueOfTheWeekRecord?> GetAsync(TenantScope tenant, string teamId, DateOnly weekMonday, CancellationToken ct)
    {
        var row = await rows.GetAsync(Tables.Teams, RowKeys.Tenant(tenant), Row(teamId, weekMonday), ct).ConfigureAwait(false);
        return row is null ? null : StorageJson.Read<CueOfTheWeekRecord>(row);
    }

    private static string Row(string teamId, DateOnly monday) => $"cueweek|{RowKeys.Part(teamId)}|{RowKeys.Day(monday)}";
}
