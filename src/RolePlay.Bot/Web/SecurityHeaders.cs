namespace RolePlay.Bot.Web;

/// <summary>The browser's own defences, on every response the host sends (pages, assets, APIs, errors): content is
/// what its type says, scripts and styles come only from the bot, no page may frame it, and no URL leaks as a referrer.
/// Set as the response starts, so a handler that clears the response (a 503 for a storage outage) keeps them.</summary>
internal static class SecurityHeaders
{
    /// <summary>Inline styles are allowed because Microsoft's Adaptive Cards renderer sets them; inline scripts are not.
    /// Media plays from the bot (voice clips) and from <c>blob:</c>, the studio's preview of a recording before it is saved.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; media-src 'self' blob:; connect-src 'self'; " +
        "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static void Use(WebApplication app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(static state =>
        {
            var headers = ((HttpResponse)state).Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY"; // frame-ancestors for browsers that predate it
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        }, context.Response);
        return next(context);
    });
}
