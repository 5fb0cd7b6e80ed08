using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RolePlay.Slack.Api;
using RolePlay.Slack.Installs;

namespace RolePlay.Slack;

/// <summary>OAuth v2 install: <c>/install</c> redirects to Slack with a CSRF <c>state</c> that is both signed with an
/// expiry (Data Protection) and bound to a cookie in this browser; <c>/oauth/callback</c> checks both, exchanges the
/// code and stores the install with its token encrypted.</summary>
public static class SlackOAuth
{
    public const string StateCookie = "roleplay_slack_oauth_state";
    public static readonly TimeSpan StateLifetime = TimeSpan.FromMinutes(10);
    private const string StatePurpose = "RolePlay.Slack.OAuthState";

    internal static IResult BeginInstall(HttpContext context, IOptions<SlackOptions> options, IDataProtectionProvider protection)
    {
        var settings = options.Value;
        if (!settings.OAuthEnabled)
        {
            return Results.NotFound("OAuth install is not configured (Slack:ClientId / Slack:ClientSecret).");
        }

        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var state = protection.CreateProtector(StatePurpose).ToTimeLimitedDataProtector().Protect(nonce, StateLifetime);
        context.Response.Cookies.Append(StateCookie, nonce, new CookieOptions
        {
            HttpOnly = true,
            Secure = context.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            MaxAge = StateLifetime,
            Path = "/api/slack",
        });
        var query = QueryString.Create(new Dictionary<string, string?>
        {
            ["client_id"] = settings.ClientId,
            ["scope"] = settings.Scopes,
            ["redirect_uri"] = settings.RedirectUri!.ToString(), // required with OAuth, checked at start-up
            ["state"] = state,
        });
        return Results.Redirect(settings.AuthorizeUrl + query.ToUriComponent());
    }

    internal static async Task<IResult> CompleteInstallAsync(HttpContext context, IOptions<SlackOptions> options,
        IDataProtectionProvider protection, ISlackInstallStore installs, TimeProvider time, ILoggerFactory loggers)
    {
        var settings = options.Value;
        var logger = loggers.CreateLogger(typeof(SlackOAuth));
        if (!settings.OAuthEnabled)
        {
            return Results.NotFound("OAuth install is not configured.");
        }

        var query = context.Request.Query;
        if (!string.IsNullOrEmpty(query["error"]))
        {
            return Results.BadRequest($"Slack did not install the app: {query["error"]}.");
        }

        if (!StateMatches(query["state"], context.Request.Cookies[StateCookie], protection))
        {
            logger.LogWarning("Refused a Slack OAuth callback: state missing, expired, forged or not from this browser");
            return Results.BadRequest("The install link expired or did not start here. Start again from /api/slack/install.");
        }

        if (string.IsNullOrEmpty(query["code"]))
        {
            return Results.BadRequest("The callback has no code.");
        }

        context.Response.Cookies.Delete(StateCookie, new CookieOptions { Path = "/api/slack" });
        SlackOAuthAccess access;
        try
        {
            access = await context.RequestServices.GetRequiredService<SlackApiClient>()
                .ExchangeOAuthCodeAsync(query["code"]!, settings.RedirectUri!, context.RequestAborted);
        }
        catch (SlackApiException ex)
        {
            logger.LogWarning("Slack OAuth code exchange failed: {Error}", ex.Error);
            return Results.BadRequest($"Slack refused the install: {ex.Error}.");
        }

        await installs.SaveAsync(new SlackInstallation(access.TenantId, access.TeamId, access.EnterpriseId, access.BotUserId,
            access.AccessToken, time.GetUtcNow(), access.AuthedUserId, access.IsEnterpriseInstall), context.RequestAborted);
        logger.LogInformation("Slack app installed in {Tenant}", access.TenantId);
        return Results.Text($"RolePlay is installed in {access.TeamName ?? access.TenantId}. You can close this page.");
    }

    private static bool StateMatches(string? state, string? cookie, IDataProtectionProvider protection)
    {
        if (string.IsNullOrEmpty(state) || string.IsNullOrEmpty(cookie))
        {
            return false;
        }

        try
        {
            var nonce = protection.CreateProtector(StatePurpose).ToTimeLimitedDataProtector().Unprotect(state);
            return CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(nonce), System.Text.Encoding.UTF8.GetBytes(cookie));
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}
