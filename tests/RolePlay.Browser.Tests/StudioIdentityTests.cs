using System.Security.Claims;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using RolePlay.Core.Chat;
using RolePlay.Core.Storage;
using RolePlay.Core.Web;
using RolePlay.Studio;
using RolePlay.Studio.Http;

namespace RolePlay.Browser.Tests;

/// <summary>Who the studio thinks a request is: the signed-in identity when there is one, the local person's signed
/// cookie in local mode, nobody otherwise.</summary>
public sealed class StudioIdentityTests
{
    private static readonly IDataProtectionProvider Protection = DataProtectionProvider.Create("RolePlay.Studio.Tests");

    [Fact]
    public void A_signed_in_request_is_the_tenant_scoped_person_its_claims_name()
    {
        var identity = Identity(localMode: false);
        var context = new DefaultHttpContext { User = SignedIn("teams", "tenant-a", "user-1", "Ada") };

        Assert.Equal(new ChannelUser("teams", "tenant-a", "user-1", "Ada"), identity.Resolve(context));
        Assert.Equal(new TenantScope("teams", "tenant-a"), identity.FacilitatorTenant(context));
    }

    [Fact]
    public void Deployed_and_not_signed_in_is_nobody_even_with_a_local_cookie()
    {
        var local = Identity(localMode: true);
        var issuing = new DefaultHttpContext();
        local.IssueLocalPerson(issuing, "Ana");
        var cookie = CookieValue(issuing);

        var deployed = Identity(localMode: false);
        var context = WithCookie(cookie);

        Assert.Null(deployed.Resolve(context));
        Assert.Null(deployed.FacilitatorTenant(context));
        Assert.Null(deployed.Resolve(new DefaultHttpContext { User = SignedIn("teams", "tenant-a", "", null) }));
    }

    [Fact]
    public void In_local_mode_the_cookie_names_a_studio_person_and_a_tampered_one_names_nobody()
    {
        var identity = Identity(localMode: true);
        var issuing = new DefaultHttpContext();
        var issued = identity.IssueLocalPerson(issuing, "Ana");
        var cookie = CookieValue(issuing);

        var back = identity.Resolve(WithCookie(cookie));
        var tampered = identity.Resolve(WithCookie(cookie[..^4] + (cookie.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA")));

        Assert.Equal(new ChannelUser("studio", "local", issued.UserId), back);
        Assert.StartsWith("local-", issued.UserId, StringComparison.Ordinal);
        Assert.Null(tampered);
        Assert.Equal(new TenantScope("studio", "local"), identity.FacilitatorTenant(new DefaultHttpContext()));
    }

    private static StudioIdentity Identity(bool localMode) =>
        new(Protection, Options.Create(new StudioOptions { LocalMode = localMode }));

    private static ClaimsPrincipal SignedIn(string platform, string tenant, string user, string? name) => new(new ClaimsIdentity(
        new[]
        {
            new Claim(WebClaims.Platform, platform), new Claim(WebClaims.TenantId, tenant), new Claim(WebClaims.UserId, user),
        }.Concat(name is null ? [] : [new Claim(WebClaims.DisplayName, name)]),
        authenticationType: "test"));

    private static string CookieValue(HttpContext issuing)
    {
        var header = issuing.Response.Headers.SetCookie.ToString();
        var start = header.IndexOf('=', StringComparison.Ordinal) + 1;
        return header[start..header.IndexOf(';', StringComparison.Ordinal)];
    }

    private static DefaultHttpContext WithCookie(string value)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.Cookie = $"{StudioIdentity.CookieName}={value}";
        return context;
    }
}
