using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using RolePlay.Bot.Hosting;
using RolePlay.Core.Storage;
using RolePlay.Studio.Transcripts;

namespace RolePlay.Browser.Tests.Infrastructure;

/// <summary>The real bot (<see cref="BotHost.Build"/>) in local mode on Kestrel, 127.0.0.1 and a free port, with SQLite in
/// a temporary file: what a newcomer gets from the README's first command.</summary>
public sealed class StudioServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _dataDir;
    private bool _stopped;

    private StudioServer(WebApplication app, Uri baseUri, string dataDir)
    {
        _app = app;
        BaseUri = baseUri;
        _dataDir = dataDir;
    }

    public Uri BaseUri { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<StudioServer> StartAsync(params string[] extraArguments)
    {
        var dataDir = Directory.CreateTempSubdirectory("roleplay-studio-").FullName;
        var app = BotHost.Build(
        [
            "--urls", "http://127.0.0.1:0",
            $"--Storage:Sqlite:Path={Path.Combine(dataDir, "roleplay.db")}",
            $"--Storage:Clips:Path={Path.Combine(dataDir, "clips")}",
            "--Logging:LogLevel:Default=Warning",
            .. extraArguments,
        ], []);
        await app.Services.GetRequiredService<IStorageInitializer>().InitializeAsync(CancellationToken.None);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new StudioServer(app, new Uri(address), dataDir);
    }

    public Uri Url(string path) => new(BaseUri, path);

    /// <summary>The one local person who has used the studio so far (tests start one person per server).</summary>
    public PersonKey OnlyLocalPerson() =>
        Assert.Single(Services.GetRequiredService<StudioTranscripts>().Of(new TenantScope("studio", "local"))).Person;

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>Stops the bot while pages are still open (to see how they cope with it going away).</summary>
    public async Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            await _app.StopAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _app.DisposeAsync();
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
            // SQLite's pool may hold the file a moment longer; the temp folder is cleaned by the OS.
        }
    }
}
