using System.Collections.Concurrent;
using Microsoft.AspNetCore.DataProtection;

namespace RolePlay.Slack.Installs;

/// <summary>One install of the app. <see cref="TenantId"/> is the workspace id, or the enterprise id of an org-wide
/// install (where Slack sends <c>team: null</c>).</summary>
public sealed record SlackInstallation(
    string TenantId, string? TeamId, string? EnterpriseId, string BotUserId, string BotToken, DateTimeOffset InstalledAt,
    string? InstalledBy = null, bool IsEnterpriseInstall = false)
{
    /// <summary>Never print the token, even in a debugger or a log line that formats the record.</summary>
    public override string ToString() =>
        $"SlackInstallation {{ TenantId = {TenantId}, TeamId = {TeamId}, EnterpriseId = {EnterpriseId}, BotUserId = {BotUserId} }}";
}

/// <summary>Where installs live. Implementations keep bot tokens encrypted at rest (<see cref="SlackTokenProtector"/>).</summary>
public interface ISlackInstallStore
{
    Task SaveAsync(SlackInstallation installation, CancellationToken cancellationToken);

    Task<SlackInstallation?> FindAsync(string tenantId, CancellationToken cancellationToken);

    /// <summary>Forgets a tenant's tokens (app uninstalled, tokens revoked). False when nothing was stored.</summary>
    Task<bool> RemoveAsync(string tenantId, CancellationToken cancellationToken);
}

/// <summary>Encrypts bot tokens with ASP.NET Core Data Protection under one purpose string, for every store.</summary>
public sealed class SlackTokenProtector(IDataProtectionProvider provider)
{
    public const string Purpose = "RolePlay.Slack.BotToken";

    private readonly IDataProtector _protector = provider.CreateProtector(Purpose);

    public string Protect(string token) => _protector.Protect(token);

    public string Unprotect(string protectedToken) => _protector.Unprotect(protectedToken);
}

/// <summary>The in-memory store: installs vanish on restart, tokens are still held only in encrypted form.</summary>
public sealed class InMemorySlackInstallStore(SlackTokenProtector protector) : ISlackInstallStore
{
    private readonly ConcurrentDictionary<string, SlackInstallation> _byTenant = new(StringComparer.Ordinal);

    /// <summary>What is held in memory (tokens encrypted), for tests that check nothing is stored in clear.</summary>
    internal IReadOnlyCollection<SlackInstallation> StoredRecords => _byTenant.Values.ToList();

    public Task SaveAsync(SlackInstallation installation, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(installation.TenantId);
        ArgumentException.ThrowIfNullOrWhiteSpace(installation.BotToken);
        _byTenant[installation.TenantId] = installation with { BotToken = protector.Protect(installation.BotToken) };
        return Task.CompletedTask;
    }

    public Task<SlackInstallation?> FindAsync(string tenantId, CancellationToken cancellationToken) =>
        Task.FromResult(_byTenant.TryGetValue(tenantId, out var stored)
            ? stored with { BotToken = protector.Unprotect(stored.BotToken) }
            : null);

    public Task<bool> RemoveAsync(string tenantId, CancellationToken cancellationToken) =>
        Task.FromResult(_byTenant.TryRemove(tenantId, out _));
}
