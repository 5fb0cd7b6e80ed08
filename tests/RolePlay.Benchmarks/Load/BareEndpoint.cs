using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RolePlay.Benchmarks.Load;

/// <summary>The baseline for the endpoint load runs: Kestrel on loopback with one endpoint that reads the whole body
/// and answers 200, measured by the same generator in the same run as the bot.</summary>
internal static class BareEndpoint
{
    public static async Task<(WebApplication App, Uri Uri)> StartAsync(string path)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost(path, async (HttpRequest request) =>
        {
            await request.Body.CopyToAsync(Stream.Null);
            return Results.Ok();
        });
        await app.StartAsync();
        return (app, UriOf(app, path));
    }

    /// <summary>Where a started app listens, with <paramref name="path"/>.</summary>
    public static Uri UriOf(WebApplication app, string path) =>
        new(new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First()), path);
}
