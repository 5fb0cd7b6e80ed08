using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace RolePlay.Bot.Hosting;

/// <summary>Kestrel binding its addresses. A port another process holds stops the start with one line naming
/// <c>--urls</c> (<see cref="Refusal"/>); any other failure there leaves <see cref="BotHost"/> as the exception it is.
/// Either way the host first logs it, stack trace and all, so once the server has failed to start the host's errors
/// are not logged: the one it is about to throw is reported by whoever catches it.</summary>
internal sealed partial class ServerStart
{
    private const string HostCategory = "Microsoft.Extensions.Hosting.Internal.Host";

    private volatile bool _failed;

    /// <summary>Wraps the server the builder registered. Below warnings the host logs only its own steps (debug), so
    /// its rule keeps warnings and up, as the default levels do.</summary>
    public static void Add(WebApplicationBuilder builder)
    {
        var start = new ServerStart();
        var kestrel = builder.Services.Single(d => d.ServiceType == typeof(IServer)).ImplementationType!;
        builder.Services.Replace(ServiceDescriptor.Singleton<IServer>(services =>
            new Watched(start, (IServer)ActivatorUtilities.CreateInstance(services, kestrel))));
        builder.Services.Configure<LoggerFilterOptions>(options => options.Rules.Add(
            new LoggerFilterRule(null, HostCategory, LogLevel.Warning, (_, _, level) => level < LogLevel.Error || !start._failed)));
    }

    /// <summary>The line for a port already in use, or null for anything else. Kestrel names the address only in its
    /// message; should that change, its own sentence is shown.</summary>
    public static string? Refusal(Exception e)
    {
        if (e is not IOException { InnerException: AddressInUseException })
        {
            return null;
        }

        const string Remedy = "Stop the other process or choose another address with --urls";
        return KestrelMessage().Match(e.Message) is { Success: true } match && Uri.TryCreate(match.Groups["address"].Value, UriKind.Absolute, out var address)
            ? $"port {address.Port} on {address.Host} is already in use. {Remedy}, e.g. --urls {address.Scheme}://{address.Host}:{address.Port + 1}."
            : $"{e.Message} {Remedy}.";
    }

    [GeneratedRegex(@"^Failed to bind to address (?<address>\S+): address already in use\.$")]
    private static partial Regex KestrelMessage();

    private sealed class Watched(ServerStart start, IServer server) : IServer
    {
        public IFeatureCollection Features => server.Features;

        public async Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken)
            where TContext : notnull
        {
            try
            {
                await server.StartAsync(application, cancellationToken);
            }
            catch (Exception)
            {
                start._failed = true;
                throw;
            }
        }

        public Task StopAsync(CancellationToken cancellationToken) => server.StopAsync(cancellationToken);

        public void Dispose() => server.Dispose();
    }
}
