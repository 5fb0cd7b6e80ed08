using Microsoft.Extensions.Configuration;

namespace RolePlay.Bot.Hosting;

/// <summary>Where the bot listens when nothing says otherwise: this machine only, on the Bot Framework's customary
/// port. Any of ASP.NET Core's own ways wins, as in any ASP.NET Core app: <c>--urls</c> or <c>ASPNETCORE_URLS</c>,
/// <c>ASPNETCORE_HTTP_PORTS</c> / <c>ASPNETCORE_HTTPS_PORTS</c> (set by Microsoft's container images), and
/// <c>Kestrel:Endpoints</c>. A default pinned in appsettings.json would outrank the environment, so it lives here.</summary>
public static class LocalDefaultUrl
{
    public const string Url = "http://127.0.0.1:3978";

    /// <summary>True when the host's configuration names no address of its own.</summary>
    public static bool Applies(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return string.IsNullOrWhiteSpace(configuration["urls"])
            && string.IsNullOrWhiteSpace(configuration["http_ports"])
            && string.IsNullOrWhiteSpace(configuration["https_ports"])
            && !configuration.GetSection("Kestrel:Endpoints").GetChildren().Any();
    }
}
