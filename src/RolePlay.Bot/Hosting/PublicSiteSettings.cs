using Microsoft.Extensions.Options;
using RolePlay.Core.Web;

namespace RolePlay.Bot.Hosting;

/// <summary><c>Web:PublicUrl</c>: the address people reach this bot's pages at from their chat (behind its proxy, the
/// proxy's), for links in posts such as the captain's link to the team's cue strips. Optional; checked at start-up:
/// an absolute https address, or http only on this machine (a local try-out).</summary>
internal sealed class PublicSiteSettings
{
    public string? PublicUrl { get; set; }

    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PublicSiteSettings>()
            .Bind(configuration.GetSection("Web"))
            .Validate(s => s.PublicUrl is null || Parse(s.PublicUrl) is not null,
                "Web:PublicUrl must be an absolute https address (http only for a loopback one), with no query or fragment.")
            .ValidateOnStart();
        services.AddSingleton(sp => new PublicSite(sp.GetRequiredService<IOptions<PublicSiteSettings>>().Value.PublicUrl is { } url ? Parse(url) : null));
    }

    /// <summary>The address with a trailing "/", so paths join under it; null when it is not one the setting allows.</summary>
    private static Uri? Parse(string url) =>
        Uri.TryCreate(url.EndsWith('/') ? url : url + "/", UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
        && uri.Query.Length == 0 && uri.Fragment.Length == 0 && uri.UserInfo.Length == 0
            ? uri
            : null;
}
