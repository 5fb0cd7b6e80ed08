using RolePlay.Core.Storage;
using RolePlay.Storage.Rows;

namespace RolePlay.Storage.Repositories;

/// <summary>Partitioned by (tenant, team, ISO week) so the weekly celebration reads one partition.</summary>
internal sealed class RecognitionStore(IRowStore rows) : IRecognitionStore
{
    public async Task AddAsync(RecognitionRecord recognition, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(recognition.RecognitionId);
        if (recognition.ReactedBy.Tenant != recognition.Tenant || recognition.Recipient.Tenant != recognition.Tenant)
        {
            throw new ArgumentException($"Recognition {recognition.RecognitionId} names a person outside tenant {recognition.Tenant}.", nameof(recognition));
        }

        var pk = Partition(recognition.Tenant, recognition.TeamId, DateOnly.FromDateTime(recognition.AtUtc.UtcDateTime));
        var row = RowKeys.Part(recognition.RecognitionId);
        await Mentions.RecordAsync(rows, [recognition.ReactedBy, recognition.Recipient], new Mention(Tables.Recognitions, pk, row), ct).ConfigureAwait(false);
        try
        {
            await rows.SubmitAsync(Tables.Recognitions, pk, [RowOp.Insert(row, StorageJson.Write(recognition))], ct).ConfigureAwait(false);
        }
        catch (ConcurrencyConflictException)
        {
            // The platform retried the reaction event: the first copy stands.
        }
    }

    // The people's mention rows stay: a pointer to a deleted row is ignored by export and forget.
    public Task RemoveAsync(TenantScope tenant, string teamId, string recognitionId, DateOnly dayInWeek, CancellationToken ct) =>
        rows.SubmitAsync(Tables.Recognitions, Partition(tenant, teamId, dayInWeek), [RowOp.Delete(RowKeys.Part(recognitionId))], ct);

    public async Task<IReadOnlyList<RecognitionRecord>> ListWeekAsync(TenantScope tenant, string teamId, DateOnly dayInWeek, CancellationToken ct)
    {
        var found = await rows.RangeAsync(Tables.Recognitions, Partition(tenant, teamId, dayInWeek), string.Empty, null, null, ct).ConfigureAwait(false);
        return found.Select(StorageJson.Read<RecognitionRecord>).OrderBy(r => r.AtUtc).ToArray();
    }

    private static string Partition(TenantScope tenant, string teamId, DateOnly day) =>
        RowKeys.Join(RowKeys.Tenant(tenant), RowKeys.Part(teamId), RowKeys.Day(WeekBucket.Monday(day)));
}
