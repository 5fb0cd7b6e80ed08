using RolePlay.Core.Storage;
using RolePlay.Storage.Rows;

namespace RolePlay.Storage.Repositories;

/// <summary>Delivery addresses by (tenant) / (owner: a user or channel id).</summary>
internal sealed class DeliveryAddressStore(IRowStore rows) : IDeliveryAddressStore
{
    public Task SaveAsync(DeliveryAddress address, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(address.OwnerId);
        ArgumentException.ThrowIfNullOrWhiteSpace(address.ConversationId);
        return rows.SubmitAsync(Tables.ConversationRefs, RowKeys.Tenant(address.Tenant), [RowOp.Upsert(RowKeys.Part(address.OwnerId), StorageJson.Write(address))], ct);
    }

    public async Task<DeliveryAddress?> GetAsync(TenantScope tenant, string ownerId, CancellationToken ct)
    {
        var row = await rows.GetAsync(Tables.ConversationRefs, RowKeys.Tenant(tenant), RowKeys.Part(ownerId), ct).ConfigureAwait(false);
        return row is null ? null : StorageJson.Read<DeliveryAddress>(row);
    }
}

/// <summary>Aliases by (tenant) / (alias). The alias row is listed as a mention of the person first, so "forget me"
/// removes it with everything else.</summary>
internal sealed class PersonAliasStore(IRowStore rows) : IPersonAliasStore
{
    public async Task SaveAsync(PersonKey person, string alias, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(alias);
        var row = new Mention(Tables.Aliases, RowKeys.Tenant(person.Tenant), RowKeys.Part(alias));
        await Mentions.RecordAsync(rows, person, row, ct).ConfigureAwait(false);
        await rows.SubmitAsync(row.Table, row.PartitionKey, [RowOp.Upsert(row.RowKey, StorageJson.Write(new AliasRow(person.UserId)))], ct)
            .ConfigureAwait(false);
    }

    public async Task<PersonKey?> FindAsync(TenantScope tenant, string alias, CancellationToken ct)
    {
        var row = await rows.GetAsync(Tables.Aliases, RowKeys.Tenant(tenant), RowKeys.Part(alias), ct).ConfigureAwait(false);
        return row is null ? null : new PersonKey(tenant, StorageJson.Read<AliasRow>(row).UserId);
    }

    private sealed record AliasRow(string UserId);
}

/// <summary>One partition per tenant, one "install" row holding the adapter's payload as its body.</summary>
internal sealed class ChannelInstallStore(IRowStore rows) : IChannelInstallStore
{
    private const string InstallRow = "install";

    public Task SaveAsync(ChannelInstall install, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(install.Payload);
        return rows.SubmitAsync(Tables.Installs, RowKeys.Tenant(install.Tenant), [RowOp.Upsert(InstallRow, install.Payload)], ct);
    }

    public async Task<ChannelInstall?> GetAsync(TenantScope tenant, CancellationToken ct)
    {
        var row = await rows.GetAsync(Tables.Installs, RowKeys.Tenant(tenant), InstallRow, ct).ConfigureAwait(false);
        return row is null ? null : new ChannelInstall(tenant, row.Body);
    }

    public Task DeleteAsync(TenantScope tenant, CancellationToken ct) =>
        rows.SubmitAsync(Tables.Installs, RowKeys.Tenant(tenant), [RowOp.Delete(InstallRow)], ct);
}
