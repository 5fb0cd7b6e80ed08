using RolePlay.Core.Storage;
using RolePlay.Storage.Rows;

namespace RolePlay.Storage.Repositories;

/// <summary>Conversation references by (tenant) / (owner: a user or channel id).</summary>
internal sealed class ConversationReferenceStore(IRowStore rows) : IConversationReferenceStore
{
    public Task SaveAsync(ConversationReference reference, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reference.OwnerId);
        ArgumentException.ThrowIfNullOrWhiteSpace(reference.ConversationId);
        return rows.SubmitAsync(Tables.ConversationRefs, RowKeys.Tenant(reference.Tenant), [RowOp.Upsert(RowKeys.Part(reference.OwnerId), StorageJson.Write(reference))], ct);
    }

    public async Task<ConversationReference?> GetAsync(TenantScope tenant, string ownerId, CancellationToken ct)
    {
        var row = await rows.GetAsync(Tables.ConversationRefs, RowKeys.Tenant(tenant), RowKeys.Part(ownerId), ct).ConfigureAwait(false);
        return row is null ? null : StorageJson.Read<ConversationReference>(row);
    }
}

/// <summary>One partition per Slack workspace (the workspace is the tenant), one "install" row.</summary>
internal sealed class SlackInstallStore(IRowStore rows) : ISlackInstallStore
{
    private const string InstallRow = "install";

    public Task SaveAsync(SlackInstall install, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(install.EncryptedBotToken);
        return rows.SubmitAsync(Tables.SlackInstalls, Partition(install.TeamId), [RowOp.Upsert(InstallRow, StorageJson.Write(install))], ct);
    }

    public async Task<SlackInstall?> GetAsync(string teamId, CancellationToken ct)
    {
        var row = await rows.GetAsync(Tables.SlackInstalls, Partition(teamId), InstallRow, ct).ConfigureAwait(false);
        return row is null ? null : StorageJson.Read<SlackInstall>(row);
    }

    public Task DeleteAsync(string teamId, CancellationToken ct) =>
        rows.SubmitAsync(Tables.SlackInstalls, Partition(teamId), [RowOp.Delete(InstallRow)], ct);

    private static string Partition(string teamId) => RowKeys.Tenant(new TenantScope("slack", teamId));
}
