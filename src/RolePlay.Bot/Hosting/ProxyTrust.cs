using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace RolePlay.Bot.Hosting;

/// <summary>The reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed (section
/// <c>ForwardedHeaders</c>: <c>KnownProxies</c> addresses, <c>KnownNetworks</c> in CIDR). Behind them the bot sees the
/// real client and scheme (sign-in redirect URIs, secure cookies); from anyone else the headers are ignored. With none
/// configured nothing is believed, and local mode refuses any request that came through a proxy at all.</summary>
public sealed class ProxyTrust
{
    public const string Section = "ForwardedHeaders";

    public List<string> KnownProxies { get; } = [];

    public List<string> KnownNetworks { get; } = [];

    public bool IsConfigured => KnownProxies.Count > 0 || KnownNetworks.Count > 0;

    public IEnumerable<string> Problems()
    {
        foreach (var (proxy, i) in KnownProxies.Select((p, i) => (p, i)).Where(x => !IPAddress.TryParse(x.p, out _)))
        {
            yield return $"{Section}:KnownProxies:{i} must be an IP address, got '{proxy}'.";
        }

        foreach (var (network, i) in KnownNetworks.Select((n, i) => (n, i)).Where(x => !System.Net.IPNetwork.TryParse(x.n, out _)))
        {
            yield return $"{Section}:KnownNetworks:{i} must be a network in CIDR notation (10.0.0.0/8), got '{network}'.";
        }
    }

    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ProxyTrust>().Bind(configuration.GetSection(Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ProxyTrust>, Validator>();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxyTrust>>((forwarded, trust) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.KnownProxies.Clear(); // the defaults trust loopback; only what is configured is believed
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in trust.Value.KnownProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in trust.Value.KnownNetworks)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
    }

    /// <summary>First in the pipeline, so everything after sees the real client and scheme.</summary>
    public static void Use(WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<ProxyTrust>>().Value.IsConfigured)
        {
            app.UseForwardedHeaders();
        }
    }

    private sealed class Validator : IValidateOptions<ProxyTrust>
    {
        public ValidateOptionsResult Validate(string? name, ProxyTrust options) =>
            options.Problems().ToArray() is { Length: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }
}
