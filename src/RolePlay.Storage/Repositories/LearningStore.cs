using RolePlay.Core.Storage;
using RolePlay.Storage.Rows;

namespace RolePlay.Storage.Repositories;

/// <summary>
/// Rubrics, reflections, commitments and check-ins live in the person's partition. Commitments are mirrored into
/// a check-in index partitioned by (tenant, day) so the daily check-in routine reads one partition.
/// </summary>
internal sealed class LearningStore(IRowStore rows) : ILearningStore
{
    public Task SaveRubricAsync(RubricResultRecord result, CancellationToken ct) =>
        rows.SubmitAsync(Tables.People, RowKeys.Person(result.Person), [RowOp.Upsert($"rubric|{RowKeys.Part(result.SessionId)}", StorageJson.Write(result))], ct);

    public async Task<RubricResultRecord?> GetRubricAsync(PersonKey person, string sessionId, CancellationToken ct)
    {
        var row = await rows.GetAsync(Tables.People, RowKeys.Person(person), $"rubric|{RowKeys.Part(sessionId)}", ct).ConfigureAwait(false);
        return row is null ? null : StorageJson.Read<RubricResultRecord>(row);
    }

    public Task AddReflectionAsync(ReflectionRecord reflection, CancellationToken ct) =>
        rows.SubmitAsync(Tables.People, RowKeys.Person(reflection.Person), [RowOp.Insert(TimedRow($"reflection|{RowKeys.Part(reflection.SessionId)}|", reflection.AtUtc), StorageJson.Write(reflection))], ct);

    public async Task<IReadOnlyList<ReflectionRecord>> ListReflectionsAsync(PersonKey person, string sessionId, CancellationToken ct)
    {
        var prefix = $"reflection|{RowKeys.Part(sessionId)}|";
        var found = await rows.RangeAsync(Tables.People, RowKeys.Person(person), prefix, RowKeys.PrefixEnd(prefix), null, ct).ConfigureAwait(false);
        return found.Select(StorageJson.Read<ReflectionRecord>).ToArray();
    }

    public async Task<CommitmentRecord> SaveCommitmentAsync(CommitmentRecord commitment, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(commitment.CommitmentId);
        var pk = RowKeys.Person(commitment.Person);
        var row = CommitmentRow(commitment.CommitmentId);
        var body = StorageJson.Write(commitment with { Version = null });
        DateOnly? oldDay = null;
        IReadOnlyList<string?> versions;
        if (commitment.Version is null)
        {
            versions = await rows.SubmitAsync(Tables.People, pk, [RowOp.Insert(row, body)], ct).ConfigureAwait(false);
        }
        else
        {
            oldDay = (await GetCommitmentAsync(commitment.Person, commitment.CommitmentId, ct).ConfigureAwait(false))?.CheckInDay;
            versions = await rows.SubmitAsync(Tables.People, pk, [RowOp.Replace(row, body, commitment.Version)], ct).ConfigureAwait(false);
        }

        // The index mirrors the committed row; after a crash here the next save of the commitment repairs it.
        await rows.SubmitAsync(Tables.CheckInDue, CheckInPartition(commitment.Person.Tenant, commitment.CheckInDay), [RowOp.Upsert(CheckInIndexRow(commitment), body)], ct).ConfigureAwait(false);
        if (oldDay is { } day && day != commitment.CheckInDay)
        {
            await rows.SubmitAsync(Tables.CheckInDue, CheckInPartition(commitment.Person.Tenant, day), [RowOp.Delete(CheckInIndexRow(commitment))], ct).ConfigureAwait(false);
        }

        return commitment with { Version = versions[0] };
    }

    public async Task<CommitmentRecord?> GetCommitmentAsync(PersonKey person, string commitmentId, CancellationToken ct)
    {
        var row = await rows.GetAsync(Tables.People, RowKeys.Person(person), CommitmentRow(commitmentId), ct).ConfigureAwait(false);
        return row is null ? null : StorageJson.Read<CommitmentRecord>(row) with { Version = row.Version };
    }

    public async Task<IReadOnlyList<CommitmentRecord>> ListDueForCheckInAsync(TenantScope tenant, DateOnly day, CancellationToken ct)
    {
        var found = await rows.RangeAsync(Tables.CheckInDue, CheckInPartition(tenant, day), string.Empty, null, null, ct).ConfigureAwait(false);
        return found.Select(StorageJson.Read<CommitmentRecord>).Where(c => c.Status == CommitmentStatus.Open).ToArray();
    }

    public async Task AddCheckInAsync(CheckInRecord checkIn, CancellationToken ct)
    {
        if (checkIn.By.Tenant != checkIn.Person.Tenant)
        {
            throw new ArgumentException($"A check-in on {checkIn.Person} cannot come from another tenant ({checkIn.By.Tenant}).", nameof(checkIn));
        }

        var pk = RowKeys.Person(checkIn.Person);
        var row = TimedRow($"checkin|{RowKeys.Part(checkIn.CommitmentId)}|", checkIn.AtUtc);
        if (checkIn.By != checkIn.Person)
        {
            await Mentions.RecordAsync(rows, checkIn.By, new Mention(Tables.People, pk, row), ct).ConfigureAwait(false);
        }

        await rows.SubmitAsync(Tables.People, pk, [RowOp.Insert(row, StorageJson.Write(checkIn))], ct).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<CheckInRecord>> ListCheckInsAsync(PersonKey person, string commitmentId, CancellationToken ct)
    {
        var prefix = $"checkin|{RowKeys.Part(commitmentId)}|";
        var found = await rows.RangeAsync(Tables.People, RowKeys.Person(person), prefix, RowKeys.PrefixEnd(prefix), null, ct).ConfigureAwait(false);
        return found.Select(StorageJson.Read<CheckInRecord>).ToArray();
    }

    internal static string CommitmentRow(string commitmentId) => $"commitment|{RowKeys.Part(commitmentId)}";

    internal static string CheckInPartition(TenantScope tenant, DateOnly day) => RowKeys.Join(RowKeys.Tenant(tenant), RowKeys.Day(day));

    internal static string CheckInIndexRow(CommitmentRecord c) => RowKeys.Join(RowKeys.Part(c.Person.UserId), RowKeys.Part(c.CommitmentId));

    /// <summary>Chronological and unique even for two rows in the same tick.</summary>
    private static string TimedRow(string prefix, DateTimeOffset at) =>
        $"{prefix}{at.UtcTicks:D19}|{Guid.NewGuid():N}";
}
