using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using RolePlay.Core.Storage;

namespace RolePlay.Studio.Http;

/// <summary>A team's invite: the tenant and team, sealed and time-stamped by Data Protection, so it can be neither read
/// nor forged nor stretched, and needs no table. It lasts <see cref="Lifetime"/>; the team page always shows a fresh
/// one. The link is <c>/?invite=…</c>; the same text pasted alone is the invite code. Expiry is read against the
/// bot's clock as well as Data Protection's own, so it is the clock the rest of the bot keeps.</summary>
public sealed class TeamInvites(IDataProtectionProvider protection, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(14);

    private readonly ITimeLimitedDataProtector _protector =
        protection.CreateProtector("RolePlay.Studio.TeamInvite.v1").ToTimeLimitedDataProtector();

    public string Issue(TenantScope tenant, string teamId)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        return _protector.Protect(string.Join('\n', tenant.Platform.Id, tenant.TenantId, teamId), time.GetUtcNow() + Lifetime);
    }

    /// <summary>The tenant and team an invite names; null when it is not one of ours, tampered with or expired. A whole
    /// link is read for its <c>invite</c> parameter.</summary>
    public (TenantScope Tenant, string TeamId)? Read(string invite)
    {
        ArgumentNullException.ThrowIfNull(invite);
        var code = invite.Trim();
        if (code.Contains("invite=", StringComparison.Ordinal))
        {
            code = Uri.UnescapeDataString(code[(code.IndexOf("invite=", StringComparison.Ordinal) + "invite=".Length)..].Split('&', '#')[0]);
        }

        try
        {
            var named = _protector.Unprotect(code, out var expires);
            return expires > time.GetUtcNow() && named.Split('\n') is [var platform, var tenant, var team]
                ? (new TenantScope(platform, tenant), team)
                : null;
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return null;
        }
    }
}
