using System.Text.Json;
using RolePlay.Core.Storage;
using RolePlay.Slack.Inbound;

namespace RolePlay.Slack.Installs;

/// <summary>Slack installs in the host's store, behind Core's platform-neutral install port: the install is written as
/// this adapter's own JSON payload, its bot token encrypted with Data Protection before it leaves the process.</summary>
public sealed class StoredSlackInstalls(IChannelInstallStore store, SlackTokenProtector protector) : ISlackInstallStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task SaveAsync(SlackInstallation installation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(installation);
        ArgumentException.ThrowIfNullOrWhiteSpace(installation.TenantId);
        ArgumentException.ThrowIfNullOrWhiteSpace(installation.BotToken);
        var payload = new Payload(installation.TenantId, installation.EnterpriseId, installation.BotUserId,
            protector.Protect(installation.BotToken), installation.InstalledAt, installation.IsEnterpriseInstall);
        return store.SaveAsync(new ChannelInstall(Scope(installation.TenantId), JsonSerializer.Serialize(payload, Json)), cancellationToken);
    }

    public async Task<SlackInstallation?> FindAsync(string tenantId, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(Scope(tenantId), cancellationToken).ConfigureAwait(false) is not { } stored)
        {
            return null;
        }

        var payload = JsonSerializer.Deserialize<Payload>(stored.Payload, Json)
                      ?? throw new InvalidOperationException($"The stored install of {tenantId} is empty.");
        return new SlackInstallation(
            payload.TeamId,
            payload.IsEnterpriseInstall ? null : payload.TeamId,
            payload.EnterpriseId,
            payload.BotUserId,
            protector.Unprotect(payload.EncryptedBotToken),
            payload.InstalledUtc,
            IsEnterpriseInstall: payload.IsEnterpriseInstall);
    }

    public async Task<bool> RemoveAsync(string tenantId, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(Scope(tenantId), cancellationToken).ConfigureAwait(false) is null)
        {
            return false;
        }

        await store.DeleteAsync(Scope(tenantId), cancellationToken).ConfigureAwait(false);
        return true;
    }

    private static TenantScope Scope(string tenantId) => new(SlackInbound.Platform, tenantId);

    /// <summary>The stored install. Its names are those installs were first stored under, so those still load;
    /// <see cref="TeamId"/> is the tenant: the workspace, or the enterprise of an org-wide install.</summary>
    private sealed record Payload(string TeamId, string? EnterpriseId, string BotUserId, string EncryptedBotToken, DateTimeOffset InstalledUtc,
        bool IsEnterpriseInstall);
}
