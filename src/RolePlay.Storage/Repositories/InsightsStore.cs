using RolePlay.Core.Insights;
using RolePlay.Core.Storage;
using RolePlay.Storage.Rows;

namespace RolePlay.Storage.Repositories;

/// <summary>The dashboard's read model in one partition per (tenant, team): <c>team|{week}</c> rows, one
/// <c>person|{user}|{week}</c> row per person per week, and <c>kpi|team|{week}</c> / <c>kpi|person|{user}|{week}</c>
/// rows. A change updates the person's and the team's week row in one batch (same partition), with optimistic
/// concurrency: a lost race re-reads and re-applies, so concurrent sessions never lose a count.</summary>
internal sealed class InsightsStore(IRowStore rows) : IInsightsStore
{
    private const int MaxAttempts = 25;

    public async Task ApplyAsync(PersonKey person, string teamId, string week, InsightChange change, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (!IsoWeek.TryParse(week, out _))
        {
            throw new ArgumentException($"'{week}' is not an ISO week.", nameof(week));
        }

        var pk = Partition(person.Tenant, teamId);
        var personRow = PersonRow(person.UserId, week);
        var teamRow = TeamRow(week);
        for (var attempt = 1; ; attempt++)
        {
            var found = await rows.GetManyAsync(Tables.Insights, pk, [personRow, teamRow], ct).ConfigureAwait(false);
            var stored = found.ToDictionary(r => r.RowKey);
            if (!stored.ContainsKey(personRow))
            {
                // The person's row names them: listed before it exists, so export and forget find it.
                await Mentions.RecordAsync(rows, person, new Mention(Tables.Insights, pk, personRow), ct).ConfigureAwait(false);
            }

            try
            {
                await rows.SubmitAsync(Tables.Insights, pk, [Write(stored, personRow, week, change), Write(stored, teamRow, week, change)], ct)
                    .ConfigureAwait(false);
                return;
            }
            catch (ConcurrencyConflictException) when (attempt < MaxAttempts)
            {
                // Another write to this week landed between the read and the batch: read again and re-apply, after a
                // short random pause so writers racing for a busy week spread out instead of colliding again.
                await Task.Delay(Random.Shared.Next(1, 5 * attempt), ct).ConfigureAwait(false);
            }
        }
    }

    public async Task<IReadOnlyList<WeekInsights>> ListTeamWeeksAsync(TenantScope tenant, string teamId, string fromWeek, string toWeek, CancellationToken ct)
    {
        var found = await rows.RangeAsync(Tables.Insights, Partition(tenant, teamId), TeamRow(fromWeek), RowKeys.PrefixEnd(TeamRow(toWeek)), null, ct)
            .ConfigureAwait(false);
        return found.Select(Read).ToArray();
    }

    public async Task<IReadOnlyList<WeekInsights>> ListPersonWeeksAsync(PersonKey person, string teamId, string fromWeek, string toWeek, CancellationToken ct)
    {
        var found = await rows.RangeAsync(Tables.Insights, Partition(person.Tenant, teamId), PersonRow(person.UserId, fromWeek),
            RowKeys.PrefixEnd(PersonRow(person.UserId, toWeek)), null, ct).ConfigureAwait(false);
        return found.Select(Read).ToArray();
    }

    public async Task<IReadOnlyList<(string UserId, WeekInsights Week)>> ListMembersWeeksAsync(TenantScope tenant, string teamId,
        string fromWeek, string toWeek, CancellationToken ct)
    {
        const string prefix = "person|";
        var found = await rows.RangeAsync(Tables.Insights, Partition(tenant, teamId), prefix, RowKeys.PrefixEnd(prefix), null, ct)
            .ConfigureAwait(false);
        return found
            .Select(r => (UserId: Uri.UnescapeDataString(r.RowKey.Split(RowKeys.Separator)[1]), Week: Read(r)))
            .Where(p => string.CompareOrdinal(p.Week.Week, fromWeek) >= 0 && string.CompareOrdinal(p.Week.Week, toWeek) <= 0)
            .ToArray();
    }

    public async Task SaveKpisAsync(TenantScope tenant, string teamId, IReadOnlyList<KpiRecord> kpis, CancellationToken ct)
    {
        // Upserts: a batch that failed part-way is completed by importing the same file again.
        var pk = Partition(tenant, teamId);
        foreach (var chunk in kpis.Chunk(RowLimits.MaxBatch))
        {
            var ops = chunk.Select(k => RowOp.Upsert(KpiRow(k), StorageJson.Write(k))).ToArray();
            await rows.SubmitAsync(Tables.Insights, pk, ops, ct).ConfigureAwait(false);
        }
    }

    public async Task<IReadOnlyList<KpiRecord>> ListKpisAsync(TenantScope tenant, string teamId, CancellationToken ct)
    {
        const string prefix = "kpi|";
        var found = await rows.RangeAsync(Tables.Insights, Partition(tenant, teamId), prefix, RowKeys.PrefixEnd(prefix), null, ct)
            .ConfigureAwait(false);
        return found.Select(StorageJson.Read<KpiRecord>).ToArray();
    }

    private static RowOp Write(Dictionary<string, StoredRow> stored, string rowKey, string week, InsightChange change)
    {
        if (stored.TryGetValue(rowKey, out var row))
        {
            return RowOp.Replace(rowKey, StorageJson.Write(change.ApplyTo(Read(row)) with { Version = null }), row.Version);
        }

        return RowOp.Insert(rowKey, StorageJson.Write(change.ApplyTo(WeekInsights.Empty(week))));
    }

    private static WeekInsights Read(StoredRow row) => StorageJson.Read<WeekInsights>(row) with { Version = row.Version };

    private static string Partition(TenantScope tenant, string teamId) => RowKeys.Join(RowKeys.Tenant(tenant), RowKeys.Part(teamId));

    private static string TeamRow(string week) => RowKeys.Join("team", RowKeys.Part(week));

    private static string PersonRow(string userId, string week) => RowKeys.Join("person", RowKeys.Part(userId), RowKeys.Part(week));

    private static string KpiRow(KpiRecord kpi) => kpi.UserId is null
        ? RowKeys.Join("kpi", "team", RowKeys.Part(kpi.Week))
        : RowKeys.Join("kpi", "person", RowKeys.Part(kpi.UserId), RowKeys.Part(kpi.Week));
}
