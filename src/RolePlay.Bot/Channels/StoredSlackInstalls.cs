using RolePlay.Slack.Installs;
using CoreInstalls = RolePlay.Core.Storage.ISlackInstallStore;
using SlackInstall = RolePlay.Core.Storage.SlackInstall;

namespace RolePlay.Bot.Channels;

/// <summary>Slack installs kept in the bot's store, bot tokens encrypted with Data Protection before they leave
/// the process: the Slack channel's install seam backed by the storage port.</summary>
internal sealed class StoredSlackInstalls(CoreInstalls store, SlackTokenProtector protector) : ISlackInstallStore
{
    public Task SaveAsync(SlackInstallation installation, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(installation.TenantId);
        ArgumentException.ThrowIfNullOrWhiteSpace(installation.BotToken);
        return store.SaveAsync(new SlackInstall(
            installation.TenantId,
            installation.EnterpriseId,
            installation.BotUserId,
            protector.Protect(installation.BotToken),
            Scopes: "",
            installation.InstalledAt,
            installation.IsEnterpriseInstall), cancellationToken);
    }

    public async Task<SlackInstallation?> FindAsync(string tenantId, CancellationToken cancellationToken)
    {
        var stored = await store.GetAsync(tenantId, cancellationToken).ConfigureAwait(false);
        return stored is null
            ? null
            : new SlackInstallation(
                stored.TeamId,
                stored.IsEnterpriseInstall ? null : stored.TeamId,
                stored.EnterpriseId,
                stored.BotUserId,
                protector.Unprotect(stored.EncryptedBotToken),
                stored.InstalledUtc,
                IsEnterpriseInstall: stored.IsEnterpriseInstall);
    }

    public async Task<bool> RemoveAsync(string tenantId, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(tenantId, cancellationToken).ConfigureAwait(false) is null)
        {
            return false;
        }

        await store.DeleteAsync(tenantId, cancellationToken).ConfigureAwait(false);
        return true;
    }
}
