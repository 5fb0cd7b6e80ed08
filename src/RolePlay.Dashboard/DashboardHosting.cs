using System.Security.Claims;
using RolePlay.Core.Insights;
using RolePlay.Core.Storage;
using RolePlay.Core.Web;

namespace RolePlay.Dashboard;

/// <summary>How the host serves the dashboard. <see cref="LocalTenant"/> set: local mode, where the host lets only
/// loopback callers in and every one of them is the local manager of that tenant; null: deployed, where every caller
/// has signed in and carries <see cref="WebClaims"/>.</summary>
public sealed record DashboardHosting(TenantScope? LocalTenant);

/// <summary>Who the caller is, from their sign-in claims only: the tenant is never taken from the URL.</summary>
internal static class Viewers
{
    public static async Task<DashboardViewer?> ResolveAsync(ClaimsPrincipal user, DashboardHosting hosting, IPeopleStore people, CancellationToken ct)
    {
        if (user.FindFirst(WebClaims.Platform)?.Value is { Length: > 0 } platform
            && user.FindFirst(WebClaims.TenantId)?.Value is { Length: > 0 } tenant
            && user.FindFirst(WebClaims.UserId)?.Value is { Length: > 0 } userId)
        {
            var key = new PersonKey(platform, tenant, userId);
            var person = await people.GetAsync(key, ct).ConfigureAwait(false);
            return DashboardViewer.Of(key, person) with { DisplayName = person?.DisplayName ?? user.FindFirst(WebClaims.DisplayName)?.Value ?? userId };
        }

        return hosting.LocalTenant is { } local ? DashboardViewer.Local(local) : null;
    }
}
