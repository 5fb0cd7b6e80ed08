using RolePlay.Core.Storage;
using RolePlay.Storage.Rows;

namespace RolePlay.Storage.Repositories;

/// <summary>One row per session in one partition: sessions are looked up by key alone (the cookie names no tenant),
/// and sign-ins are few enough for a single partition's throughput.</summary>
internal sealed class SignInSessionStore(IRowStore rows) : ISignInSessionStore
{
    private const string Partition = "signin";

    private sealed record Body(string Ticket, DateTimeOffset ExpiresUtc);

    public Task SaveAsync(SignInSession session, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(session.Key);
        ArgumentException.ThrowIfNullOrWhiteSpace(session.Ticket);
        return rows.SubmitAsync(Tables.SignIns, Partition,
            [RowOp.Upsert(RowKeys.Part(session.Key), StorageJson.Write(new Body(session.Ticket, session.ExpiresUtc)))], ct);
    }

    public async Task<SignInSession?> FindAsync(string key, DateTimeOffset nowUtc, CancellationToken ct)
    {
        var row = await rows.GetAsync(Tables.SignIns, Partition, RowKeys.Part(key), ct).ConfigureAwait(false);
        return row is not null && StorageJson.Read<Body>(row) is var body && body.ExpiresUtc > nowUtc
            ? new SignInSession(key, body.Ticket, body.ExpiresUtc)
            : null;
    }

    /// <summary>An unconditional delete, which the store allows on a missing row.</summary>
    public Task RemoveAsync(string key, CancellationToken ct) =>
        rows.SubmitAsync(Tables.SignIns, Partition, [RowOp.Delete(RowKeys.Part(key))], ct);

    public Task<int> PurgeExpiredAsync(DateTimeOffset nowUtc, CancellationToken ct) =>
        ExpiredRows.PurgeAsync(rows, Tables.SignIns, Partition, r => StorageJson.Read<Body>(r).ExpiresUtc <= nowUtc, ct);
}
