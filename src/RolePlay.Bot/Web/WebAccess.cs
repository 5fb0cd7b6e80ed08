using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using RolePlay.Channels;
using RolePlay.Core;
using RolePlay.Core.Storage;
using RolePlay.Core.Web;
using RolePlay.Slack.Inbound;
using RolePlay.Teams.Inbound;

namespace RolePlay.Bot.Web;

/// <summary>Who may open the browser pages (dashboard, studio). Local mode — neither a Teams app id nor Slack
/// configured — serves the machine's own user: loopback callers only, no sign-in. Deployed mode requires sign-in with
/// Entra ID or Slack (OpenID Connect, authorization-code flow), then a session in the store (<see cref="StoredSignIns"/>,
/// the cookie holding its key) whose identity is only <see cref="WebClaims"/>: the tenant and user the identity provider
/// vouched for, which is all a page ever reads to choose data.</summary>
internal static class WebAccess
{
    /// <summary>The policy the host puts on every browser route group.</summary>
    public const string Policy = "roleplay-web";

    /// <summary>The facilitator's routes (colleagues' live practices, nudges into them): in local mode this machine, as
    /// for every route; deployed, a signed-in manager.</summary>
    public const string FacilitatorPolicy = "roleplay-facilitator";

    public const string EntraScheme = "entra";
    public const string SlackScheme = "slack";
    private const string LoopbackScheme = "loopback";

    public sealed record Mode(bool Local, IReadOnlyList<SignInProvider> Providers);

    public sealed record SignInProvider(string Scheme, string Label);

    /// <param name="local">The deployment mode as <see cref="RolePlay.Bot.Channels.ChannelWiring"/> decided it.</param>
    public static Mode Add(WebApplicationBuilder builder, bool local)
    {
        var configuration = builder.Configuration;
        var services = builder.Services;
        if (local)
        {
            services.AddAuthentication(LoopbackScheme).AddScheme<AuthenticationSchemeOptions, LoopbackOnlyHandler>(LoopbackScheme, null);
            services.AddSingleton<IAuthorizationHandler, LoopbackCallerHandler>();
            services.AddAuthorization(o =>
            {
                o.AddPolicy(Policy, p => p.AddRequirements(new LoopbackCallerRequirement()));
                o.AddPolicy(FacilitatorPolicy, p => p.AddRequirements(new LoopbackCallerRequirement()));
                o.FallbackPolicy = o.GetPolicy(Policy); // a route that states no rule answers this machine only
            });
            return new Mode(true, []);
        }

        services.AddSingleton<ITicketStore, StoredSignIns>();
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<ITicketStore>((o, store) => o.SessionStore = store);
        var auth = services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.Cookie.Name = "roleplay.signin";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                o.LoginPath = "/signin";
                o.Events.OnRedirectToLogin = c => ApiOr(c, StatusCodes.Status401Unauthorized);
                // Signed in but not allowed (an agent on a facilitator's page): 403, not another sign-in.
                o.Events.OnRedirectToAccessDenied = c =>
                {
                    c.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
            });
        var providers = new List<SignInProvider>();
        if (configuration.GetSection("Web:Entra") is var entra && !string.IsNullOrWhiteSpace(entra["ClientId"]))
        {
            auth.AddOpenIdConnect(EntraScheme, "Microsoft Entra ID", o => ConfigureEntra(o, entra));
            providers.Add(new SignInProvider(EntraScheme, "Sign in with Microsoft"));
        }

        if (configuration.GetSection("Web:Slack") is var slack && !string.IsNullOrWhiteSpace(slack["ClientId"]))
        {
            auth.AddOpenIdConnect(SlackScheme, "Slack", o => ConfigureSlack(o, slack));
            providers.Add(new SignInProvider(SlackScheme, "Sign in with Slack"));
        }

        services.AddSingleton<IAuthorizationHandler, ManagerHandler>();
        services.AddAuthorization(o =>
        {
            o.AddPolicy(Policy, p => SignedIn(p));
            o.AddPolicy(FacilitatorPolicy, p => SignedIn(p).AddRequirements(new ManagerRequirement()));
            o.FallbackPolicy = o.GetPolicy(Policy); // a route that states no rule needs a sign-in
        });
        return new Mode(false, providers);
    }

    public static void Map(WebApplication app, Mode mode)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        if (mode.Local)
        {
            return;
        }

        // Signing in and out are for anyone; the rest of the site is behind the fallback policy.
        var signIn = app.MapGroup("").AllowAnonymous();
        signIn.MapGet("/signin", (string? returnUrl, string? failed) =>
            Results.Content(SignInPage(mode, ReturnPath.OnThisSite(returnUrl), failed is not null), "text/html; charset=utf-8"));
        signIn.MapGet("/signin/{scheme}", (string scheme, string? returnUrl) =>
            mode.Providers.Any(p => p.Scheme == scheme)
                ? Results.Challenge(new AuthenticationProperties { RedirectUri = ReturnPath.OnThisSite(returnUrl) }, [scheme])
                : Results.NotFound());
        signIn.MapPost("/signout", async (HttpContext c) =>
        {
            await c.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.Redirect("/signin");
        });
    }

    private static void ConfigureEntra(OpenIdConnectOptions o, IConfigurationSection entra)
    {
        var tenant = entra["TenantId"] is { Length: > 0 } t ? t : "organizations";
        Common(o, entra, entra["Authority"] ?? $"https://login.microsoftonline.com/{tenant}/v2.0", "/signin-entra");
        var allowed = entra.GetSection("AllowedTenants").Get<string[]>() ?? [];

        // Multi-tenant metadata names its issuer with a {tenantid} placeholder: the token's own tid fills it in, so a
        // token is only accepted as issued by the tenant it claims (Entra's documented v2.0 issuer format).
        var issuerTemplate = entra["IssuerTemplate"] ?? "https://login.microsoftonline.com/{tenantid}/v2.0";
        o.TokenValidationParameters.IssuerValidator = (issuer, token, _) =>
        {
            var tid = (token as Microsoft.IdentityModel.JsonWebTokens.JsonWebToken)?.GetPayloadValue<string>("tid");
            return tid is { Length: > 0 } && issuer == issuerTemplate.Replace("{tenantid}", tid, StringComparison.Ordinal)
                ? issuer
                : throw new SecurityTokenInvalidIssuerException($"Issuer '{issuer}' is not the token's tenant's issuer.");
        };
        o.Events.OnTokenValidated = c => MapIdentity(c, ActivityTranslator.Platform, tenantClaim: "tid", userClaim: "oid", allowed);
    }

    private static void ConfigureSlack(OpenIdConnectOptions o, IConfigurationSection slack)
    {
        Common(o, slack, slack["Authority"] ?? "https://slack.com", "/signin-slack");
        var allowed = slack.GetSection("AllowedWorkspaces").Get<string[]>() ?? [];
        o.Events.OnTokenValidated = c => MapIdentity(c, SlackInbound.Platform, "https://slack.com/team_id", "https://slack.com/user_id", allowed);
    }

    private static void Common(OpenIdConnectOptions o, IConfigurationSection section, string authority, string callbackPath)
    {
        o.Authority = authority;
        o.ClientId = section["ClientId"];
        o.ClientSecret = section["ClientSecret"];
        o.CallbackPath = callbackPath;
        o.ResponseType = OpenIdConnectResponseType.Code;
        o.ResponseMode = OpenIdConnectResponseMode.Query;
        o.UsePkce = true;
        o.Scope.Clear();
        o.Scope.Add("openid");
        o.Scope.Add("profile");
        o.MapInboundClaims = false;
        o.SaveTokens = false; // the cookie carries who you are, not tokens to act as you
        o.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;

        // A refused sign-in (bad signature, wrong issuer, tenant not allowed, the person said no) goes back to the
        // sign-in page with a plain message; the reason is logged by the handler, not shown.
        o.Events.OnRemoteFailure = c =>
        {
            c.Response.Redirect("/signin?failed=1");
            c.HandleResponse();
            return Task.CompletedTask;
        };

        // The provider returns with a top-level GET (response_mode=query), which Lax cookies accompany; None would
        // demand https even on a loopback test host. Over https the cookies are Secure as well.
        foreach (var cookie in new[] { o.CorrelationCookie, o.NonceCookie })
        {
            cookie.SameSite = SameSiteMode.Lax;
            cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        }

        // Plain http metadata only for a provider on this machine (the tests' fake); anything else must be https.
        o.RequireHttpsMetadata = !Uri.TryCreate(authority, UriKind.Absolute, out var uri) || !uri.IsLoopback;
    }

    /// <summary>Replaces the provider's identity with the four claims the pages read; a token without a tenant or a user,
    /// or from a tenant not on the allow-list, signs no one in. An Entra token names the person's object id: the Teams
    /// person it belongs to (their alias, kept from their chats) is who signs in.</summary>
    private static async Task MapIdentity(TokenValidatedContext context, Platform platform, string tenantClaim, string userClaim,
        IReadOnlyCollection<string> allowedTenants)
    {
        var source = context.Principal!;
        var tenant = source.FindFirst(tenantClaim)?.Value;
        var user = source.FindFirst(userClaim)?.Value ?? source.FindFirst("sub")?.Value;
        if (string.IsNullOrWhiteSpace(tenant) || string.IsNullOrWhiteSpace(user))
        {
            context.Fail("The sign-in named no tenant or no user.");
            return;
        }

        if (allowedTenants.Count > 0 && !allowedTenants.Contains(tenant, StringComparer.OrdinalIgnoreCase))
        {
            context.Fail("This tenant is not allowed here.");
            return;
        }

        var aliases = context.HttpContext.RequestServices.GetRequiredService<IPersonAliasStore>();
        if (await aliases.FindAsync(new TenantScope(platform, tenant), user, context.HttpContext.RequestAborted).ConfigureAwait(false) is { } known)
        {
            user = known.UserId;
        }

        var identity = new ClaimsIdentity(
        [
            new Claim(WebClaims.Platform, platform.Id),
            new Claim(WebClaims.TenantId, tenant),
            new Claim(WebClaims.UserId, user),
            new Claim(WebClaims.DisplayName, source.FindFirst("name")?.Value ?? user),
        ], context.Scheme.Name, WebClaims.DisplayName, null);
        context.Principal = new ClaimsPrincipal(identity);
    }

    /// <summary>A fetch from a page gets a status it can show; a person navigating gets the sign-in page.</summary>
    private static Task ApiOr(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.Value?.Contains("/api/", StringComparison.Ordinal) == true)
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }

    private static string SignInPage(Mode mode, string returnUrl, bool failed)
    {
        var notice = failed ? "<p role=\"alert\"><strong>That sign-in did not succeed.</strong> Please try again.</p>" : "";
        var buttons = mode.Providers.Count == 0
            ? "<p>No sign-in is configured: set <code>Web:Entra:ClientId</code> or <code>Web:Slack:ClientId</code>.</p>"
            : string.Concat(mode.Providers.Select(p =>
                $"<p><a class=\"button\" href=\"/signin/{p.Scheme}?returnUrl={UrlEncoder.Default.Encode(returnUrl)}\">{HtmlEncoder.Default.Encode(p.Label)}</a></p>"));
        return $$"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Sign in — RolePlay</title>
            <style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#1b1b1b}
            .button{display:inline-block;padding:.6rem 1rem;border-radius:.4rem;background:#1f4e8c;color:#fff;text-decoration:none}
            .button:focus{outline:3px solid #f0b400;outline-offset:2px}</style></head>
            <body><main><h1>Sign in to RolePlay</h1><p>Sign in with the account you use for Teams or Slack: you will see your own team.</p>
            {{notice}}{{buttons}}</main></body></html>
            """;
    }

    private static AuthorizationPolicyBuilder SignedIn(AuthorizationPolicyBuilder policy) => policy
        .AddAuthenticationSchemes(CookieAuthenticationDefaults.AuthenticationScheme)
        .RequireAuthenticatedUser()
        .RequireClaim(WebClaims.Platform)
        .RequireClaim(WebClaims.TenantId)
        .RequireClaim(WebClaims.UserId);

    private sealed class ManagerRequirement : IAuthorizationRequirement;

    /// <summary>The signed-in person manages a team: read from the store each time, so a manager who steps down loses
    /// the facilitator's routes at once, not when their cookie expires.</summary>
    private sealed class ManagerHandler(IPeopleStore people, IHttpContextAccessor accessor) : AuthorizationHandler<ManagerRequirement>
    {
        protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, ManagerRequirement requirement)
        {
            var user = context.User;
            if (user.FindFirst(WebClaims.Platform)?.Value is { Length: > 0 } platform
                && user.FindFirst(WebClaims.TenantId)?.Value is { Length: > 0 } tenant
                && user.FindFirst(WebClaims.UserId)?.Value is { Length: > 0 } userId
                && await people.GetAsync(new PersonKey(platform, tenant, userId), accessor.HttpContext?.RequestAborted ?? default).ConfigureAwait(false)
                    is { Role: PersonRole.Manager })
            {
                context.Succeed(requirement);
            }
        }
    }

    private sealed class LoopbackCallerRequirement : IAuthorizationRequirement;

    /// <summary>Local mode's one rule: the caller is this machine.</summary>
    private sealed class LoopbackCallerHandler(IHttpContextAccessor accessor) : AuthorizationHandler<LoopbackCallerRequirement>
    {
        protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, LoopbackCallerRequirement requirement)
        {
            var http = context.Resource as HttpContext ?? accessor.HttpContext;
            if (http is not null && LoopbackCaller.IsThisMachine(http))
            {
                context.Succeed(requirement);
            }

            return Task.CompletedTask;
        }
    }

    /// <summary>Local mode has no sign-in to offer: a caller the policy refuses gets 403, not a challenge.</summary>
    private sealed class LoopbackOnlyHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        protected override Task<AuthenticateResult> HandleAuthenticateAsync() => Task.FromResult(AuthenticateResult.NoResult());

        protected override Task HandleChallengeAsync(AuthenticationProperties properties)
        {
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        }
    }
}
