using RolePlay.Core.Routines;
using RolePlay.Core.Storage;
using RolePlay.Storage.Rows;

namespace RolePlay.Storage.Repositories;

/// <summary>The routine runner's state, one partition per tenant in the Routines table: the cursor (row "cursor",
/// shared by every host, conditional writes) and each routine's last run (rows "run|{routine}", what managers see).
/// Both are point operations; the status list is one range read of the tenant's partition.</summary>
internal sealed class RoutineStateStore(IRowStore rows) : IRoutineCursorStore, IRoutineStatusStore
{
    private const string CursorRow = "cursor";
    private const string RunPrefix = "run|";

    public async Task<RoutineCursor?> GetAsync(TenantScope tenant, CancellationToken ct)
    {
        var row = await rows.GetAsync(Tables.Routines, RowKeys.Tenant(tenant), CursorRow, ct).ConfigureAwait(false);
        return row is null ? null : StorageJson.Read<RoutineCursor>(row) with { Version = row.Version };
    }

    public async Task<RoutineCursor> SaveAsync(RoutineCursor cursor, CancellationToken ct)
    {
        var body = StorageJson.Write(cursor with { Version = null });
        var op = cursor.Version is null ? RowOp.Insert(CursorRow, body) : RowOp.Replace(CursorRow, body, cursor.Version);
        var versions = await rows.SubmitAsync(Tables.Routines, RowKeys.Tenant(cursor.Tenant), [op], ct).ConfigureAwait(false);
        return cursor with { Version = versions[0] };
    }

    public Task RecordAsync(RoutineRunRecord run, CancellationToken ct) =>
        rows.SubmitAsync(Tables.Routines, RowKeys.Tenant(run.Tenant), [RowOp.Upsert(RunRow(run.Routine), StorageJson.Write(run))], ct);

    public async Task<IReadOnlyList<RoutineRunRecord>> ListAsync(TenantScope tenant, CancellationToken ct)
    {
        var found = await rows.RangeAsync(Tables.Routines, RowKeys.Tenant(tenant), RunPrefix, RowKeys.PrefixEnd(RunPrefix), null, ct).ConfigureAwait(false);
        return found.Select(StorageJson.Read<RoutineRunRecord>).ToArray();
    }

    private static string RunRow(RoutineKind routine) => RunPrefix + RowKeys.Part(Core.WireName.Of(routine));
}
