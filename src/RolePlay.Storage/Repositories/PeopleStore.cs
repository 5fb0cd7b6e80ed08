using RolePlay.Core.Practice;
using RolePlay.Core.Storage;
using RolePlay.Storage.Rows;

namespace RolePlay.Storage.Repositories;

/// <summary>
/// People live in their own partition of the People table (row "profile"), beside their live session ("live"),
/// so the hot path reads both with one single-partition query. A due-prompt index partitioned by
/// (tenant, UTC minute) answers "who is due now" without a scan.
/// </summary>
internal sealed class PeopleStore(IRowStore rows) : IPeopleStore
{
    internal const string ProfileRow = "profile";
    internal const string LiveRow = "live";
    private const string TenantsPartition = "tenants";

    public async Task<PersonRecord?> GetAsync(PersonKey key, CancellationToken ct)
    {
        var row = await rows.GetAsync(Tables.People, RowKeys.Person(key), ProfileRow, ct).ConfigureAwait(false);
        return row is null ? null : ReadPerson(row);
    }

    public async Task<PersonWithLiveSession> GetWithLiveSessionAsync(PersonKey key, CancellationToken ct)
    {
        var found = await rows.GetManyAsync(Tables.People, RowKeys.Person(key), [LiveRow, ProfileRow], ct).ConfigureAwait(false);
        var person = found.FirstOrDefault(r => r.RowKey == ProfileRow) is { } p ? ReadPerson(p) : null;
        var live = found.FirstOrDefault(r => r.RowKey == LiveRow) is { } l ? SessionStore.ReadHeader(l) : null;
        return new PersonWithLiveSession(person, live);
    }

    public async Task<PersonRecord> SaveAsync(PersonRecord person, CancellationToken ct)
    {
        Validate(person);
        var pk = RowKeys.Person(person.Key);
        var body = StorageJson.Write(person with { Version = null });
        if (person.Version is null)
        {
            var created = await rows.SubmitAsync(Tables.People, pk, [RowOp.Insert(ProfileRow, body)], ct).ConfigureAwait(false);
            await rows.SubmitAsync(Tables.Tenants, TenantsPartition, [RowOp.Upsert(RowKeys.Tenant(person.Key.Tenant), StorageJson.Write(person.Key.Tenant))], ct).ConfigureAwait(false);
            await IndexDueAsync(person, ct).ConfigureAwait(false);
            return person with { Version = created[0] };
        }

        var stored = await GetAsync(person.Key, ct).ConfigureAwait(false)
            ?? throw new ConcurrencyConflictException($"Person {person.Key} was deleted since it was read.");
        var moved = Bucket(stored.NextPromptUtc) != Bucket(person.NextPromptUtc);

        // New index row first, old one last: a crash leaves an extra (stale) entry, never a missing one.
        // Routines re-check NextPromptUtc on the person they load.
        if (moved)
        {
            await IndexDueAsync(person, ct).ConfigureAwait(false);
        }

        var updated = await rows.SubmitAsync(Tables.People, pk, [RowOp.Replace(ProfileRow, body, person.Version)], ct).ConfigureAwait(false);
        if (moved && stored.NextPromptUtc is { } old)
        {
            await rows.SubmitAsync(Tables.DuePrompts, DuePartition(person.Key.Tenant, old), [RowOp.Delete(RowKeys.Part(person.Key.UserId))], ct).ConfigureAwait(false);
        }

        return person with { Version = updated[0] };
    }

    public async Task<IReadOnlyList<PersonKey>> ListDueAsync(TenantScope tenant, DateTimeOffset minuteUtc, CancellationToken ct)
    {
        var found = await rows.RangeAsync(Tables.DuePrompts, DuePartition(tenant, minuteUtc), string.Empty, null, null, ct).ConfigureAwait(false);
        return found.Select(StorageJson.Read<PersonKey>).ToArray();
    }

    public async Task<IReadOnlyList<TenantScope>> ListTenantsAsync(CancellationToken ct)
    {
        var found = await rows.RangeAsync(Tables.Tenants, TenantsPartition, string.Empty, null, null, ct).ConfigureAwait(false);
        return found.Select(StorageJson.Read<TenantScope>).ToArray();
    }

    internal static string DuePartition(TenantScope tenant, DateTimeOffset utc) => RowKeys.Join(RowKeys.Tenant(tenant), RowKeys.Minute(utc));

    internal static PersonRecord ReadPerson(StoredRow row) => StorageJson.Read<PersonRecord>(row) with { Version = row.Version };

    private async Task IndexDueAsync(PersonRecord person, CancellationToken ct)
    {
        if (person.NextPromptUtc is { } due)
        {
            await rows.SubmitAsync(Tables.DuePrompts, DuePartition(person.Key.Tenant, due), [RowOp.Upsert(RowKeys.Part(person.Key.UserId), StorageJson.Write(person.Key))], ct).ConfigureAwait(false);
        }
    }

    private static string? Bucket(DateTimeOffset? utc) => utc is { } u ? RowKeys.Minute(u) : null;

    private static void Validate(PersonRecord person)
    {
        ArgumentNullException.ThrowIfNull(person);
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(person.TimeZone, out _))
        {
            throw new ArgumentException($"Person {person.Key}: '{person.TimeZone}' is not a known IANA time zone.", nameof(person));
        }

        // Core stores the Intensity enum as its number: 0 low, 1 medium, 2 high.
        if (!Enum.IsDefined((Intensity)person.Intensity))
        {
            throw new ArgumentException($"Person {person.Key}: intensity must be 0 (low) to 2 (high), not {person.Intensity}.", nameof(person));
        }

        ArgumentNullException.ThrowIfNull(person.WorkingDays);
    }
}
