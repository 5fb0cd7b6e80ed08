using RolePlay.Core.Storage;
using RolePlay.Storage.Rows;

namespace RolePlay.Storage.Repositories;

/// <summary>
/// A team's weekly captains beside the team's other rows (Teams table, the tenant's partition), one row per week under
/// "captain|{team}|{inverted day}", so the newest is the first row of a range and the week's row is claimed by a
/// conditional insert: two hosts choosing the same week keep the first choice.
/// </summary>
internal sealed class CaptainStore(IRowStore rows) : ICaptainStore
{
    public async Task<CaptainRecord> ClaimAsync(CaptainRecord captain, CancellationToken ct)
    {
        if (captain.Captain.Tenant != captain.Tenant)
        {
            throw new ArgumentException($"{captain.Captain} cannot captain a team of another tenant ({captain.Tenant}).", nameof(captain));
        }

        var pk = RowKeys.Tenant(captain.Tenant);
        var row = Row(captain.TeamId, captain.WeekMonday);
        await Mentions.RecordAsync(rows, captain.Captain, new Mention(Tables.Teams, pk, row), ct).ConfigureAwait(false);
        try
        {
            await rows.SubmitAsync(Tables.Teams, pk, [RowOp.Insert(row, StorageJson.Write(captain))], ct).ConfigureAwait(false);
            return captain;
        }
        catch (ConcurrencyConflictException)
        {
            var stored = await rows.GetAsync(Tables.Teams, pk, row, ct).ConfigureAwait(false)
                ?? throw new ConcurrencyConflictException($"The captain of team {captain.TeamId} for {captain.WeekMonday} was claimed and then removed.");
            return StorageJson.Read<CaptainRecord>(stored);
        }
    }

    public async Task<CaptainRecord?> GetPreviousAsync(TenantScope tenant, string teamId, DateOnly beforeMonday, CancellationToken ct)
    {
        var prefix = Prefix(teamId);
        // Inverted days sort newest first, so the first row after this week's key is the latest earlier week.
        var from = Row(teamId, beforeMonday.AddDays(-1));
        var found = await rows.RangeAsync(Tables.Teams, RowKeys.Tenant(tenant), from, RowKeys.PrefixEnd(prefix), 1, ct).ConfigureAwait(false);
        return found.Count == 0 ? null : StorageJson.Read<CaptainRecord>(found[0]);
    }

    private static string Prefix(string teamId) => $"captain|{RowKeys.Part(teamId)}|";

    private static string Row(string teamId, DateOnly monday) => Prefix(teamId) + RowKeys.Number(int.MaxValue - monday.DayNumber);
}
