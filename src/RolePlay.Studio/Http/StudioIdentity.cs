using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using RolePlay.Core.Chat;
using RolePlay.Core.Storage;
using RolePlay.Core.Web;
using RolePlay.Studio.Transcripts;

namespace RolePlay.Studio.Http;

/// <summary>Who is using the studio. Signed in (deployed mode): the tenant-scoped identity the host's sign-in put in
/// <see cref="WebClaims"/>. Local mode: a local person ("studio", "local", id) whose id sits in a Data Protection-signed,
/// HttpOnly, SameSite=Strict cookie, so a page can neither read nor forge it and another site cannot send it.</summary>
public sealed class StudioIdentity(IDataProtectionProvider protection, IOptions<StudioOptions> options)
{
    public const string CookieName = "roleplay_studio";
    public const string LocalTenant = "local";
    private static readonly TimeSpan CookieLifetime = TimeSpan.FromDays(365);

    private readonly IDataProtector _protector = protection.CreateProtector("RolePlay.Studio.LocalPerson.v1");

    /// <summary>The caller, or null: not signed in (deployed mode), or no valid local-person cookie (local mode).</summary>
    public ChannelUser? Resolve(HttpContext context)
    {
        var principal = context.User;
        if (principal.Identity?.IsAuthenticated == true)
        {
            var platform = principal.FindFirst(WebClaims.Platform)?.Value;
            var tenant = principal.FindFirst(WebClaims.TenantId)?.Value;
            var user = principal.FindFirst(WebClaims.UserId)?.Value;
            return string.IsNullOrEmpty(platform) || string.IsNullOrEmpty(tenant) || string.IsNullOrEmpty(user)
                ? null
                : new ChannelUser(platform, tenant, user, principal.FindFirst(WebClaims.DisplayName)?.Value);
        }

        if (!options.Value.LocalMode || context.Request.Cookies[CookieName] is not { Length: > 0 } cookie)
        {
            return null;
        }

        try
        {
            return Local(_protector.Unprotect(cookie), null);
        }
        catch (CryptographicException)
        {
            // A cookie from another key ring or a tampered one: the page asks for a name again.
            return null;
        }
    }

    /// <summary>Whose practices a facilitator may see and nudge: their own tenant when signed in; in local mode the
    /// studio's local people (a facilitator on this machine needs no name of their own); otherwise nobody's.</summary>
    public TenantScope? FacilitatorTenant(HttpContext context) =>
        Resolve(context) is { } user ? new TenantScope(user.Platform, user.TenantId)
        : options.Value.LocalMode && context.User.Identity?.IsAuthenticated != true ? new TenantScope(StudioDelivery.Platform, LocalTenant)
        : null;

    /// <summary>Issues a new local person's cookie; the caller stores the person.</summary>
    public ChannelUser IssueLocalPerson(HttpContext context, string displayName)
    {
        var user = Local("local-" + Guid.NewGuid().ToString("N"), displayName);
        context.Response.Cookies.Append(CookieName, _protector.Protect(user.UserId), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            Path = "/",
            MaxAge = CookieLifetime,
            IsEssential = true,
        });
        return user;
    }

    private static ChannelUser Local(string userId, string? displayName) =>
        new(StudioDelivery.Platform, LocalTenant, userId, displayName);
}
