using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using RolePlay.Bot.Hosting;
using RolePlay.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RolePlay.Core.Storage;
using RolePlay.Testing.Teams;

namespace RolePlay.Bot.Tests.Teams;

/// <summary>The real host (<see cref="BotHost.Build"/>) on a loopback port with SQLite in a file, JWT validation ON
/// against the local <see cref="KeyServer"/>, sending to the <see cref="FakeConnector"/>. Two instances on the same
/// file are two replicas of one deployment.</summary>
internal sealed class TeamsHost : IAsyncDisposable
{
    public const string AppId = "5f2b8a34-0c5e-4d7e-9a1b-2c3d4e5f6a7b";
    public const string TenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47";

    private readonly WebApplication _app;

    private TeamsHost(WebApplication app, Uri baseUri)
    {
        _app = app;
        Client = new HttpClient { BaseAddress = baseUri };
    }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public static string[] Arguments(string databasePath, KeyServer keys, FakeConnector connector) =>
    [
        "--urls", "http://127.0.0.1:0",
        $"--Storage:Sqlite:Path={databasePath}",
        $"--Teams:MicrosoftAppId={AppId}",
        "--Teams:MicrosoftAppPassword=test-secret",
        $"--Teams:OpenIdMetadataUrl={keys.BotFrameworkMetadataUrl}",
        $"--Teams:EntraOpenIdMetadataUrlTemplate={keys.EntraMetadataUrlTemplate}",
        $"--Teams:TokenEndpoint={connector.TokenEndpointTemplate}",
        "--Teams:AllowedServiceUrlHosts:0=127.0.0.1",
        "--Teams:RequireHttpsMetadata=false",
        "--Teams:Retry:BaseDelay=00:00:00.010",
        // The customer's typing is paced on the wall clock; TeamsCustomerTypingTests turns it on.
        "--Teams:CustomerTyping=false",
        "--Logging:LogLevel:Default=Warning",
    ];

    /// <param name="clock">The host's clock; tokens are issued in real time, so a fake clock starts at the real now and
    /// moves forward only after the last inbound activity.</param>
    public static async Task<TeamsHost> StartAsync(string databasePath, KeyServer keys, FakeConnector connector, TimeProvider? clock = null,
        params string[] settings)
    {
        var app = BotHost.Build([.. Arguments(databasePath, keys, connector), .. settings], [], services =>
        {
            if (clock is not null)
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton(clock);
            }
        });
        await app.Services.GetRequiredService<IStorageInitializer>().InitializeAsync(CancellationToken.None);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new TeamsHost(app, new Uri(address));
    }

    /// <summary>Posts an activity as Teams' channel service does: a Bot Framework token for this app, with the
    /// activity's serviceUrl as its <c>serviceurl</c> claim; once it is answered, waits for the replies it queued to leave.</summary>
    public async Task<HttpResponseMessage> PostAsync(JsonObject activity)
    {
        var token = KeyServer.Issue(AppId, activity["serviceUrl"]!.GetValue<string>());
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await Client.SendAsync(request);
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        Assert.True(await Services.GetRequiredService<ConversationOutbox>().DrainedAsync(patience.Token), "replies still queued after 15 s");
        return response;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
