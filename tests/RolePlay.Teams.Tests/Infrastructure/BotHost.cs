using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RolePlay.Channels;
using RolePlay.Core.Chat;
using RolePlay.Teams.Inbound;

namespace RolePlay.Teams.Tests.Infrastructure;

/// <summary>Test double for the lead's router: records every event and answers from a script.</summary>
public sealed class RecordingRouter : IConversationRouter
{
    private readonly ConcurrentQueue<IncomingEvent> _events = new();

    public IReadOnlyList<IncomingEvent> Events => _events.ToArray();

    public Func<IncomingEvent, RouterResult> Respond { get; set; } = _ => RouterResult.Nothing;

    public Task<RouterResult> HandleAsync(IncomingEvent incoming, CancellationToken cancellationToken)
    {
        _events.Enqueue(incoming);
        return Task.FromResult(Respond(incoming));
    }
}

/// <summary>A minimal app mapping the Teams endpoint, on Kestrel, with the recording router.</summary>
public sealed class BotHost : IAsyncDisposable
{
    public const string AppId = "5f2b8a34-0c5e-4d7e-9a1b-2c3d4e5f6a7b";
    public const string TenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47";

    private readonly LocalServer _server;

    private BotHost(LocalServer server)
    {
        _server = server;
        Client = new HttpClient { BaseAddress = server.BaseUri };
    }

    public HttpClient Client { get; }

    public RecordingRouter Router => _server.Services.GetRequiredService<RecordingRouter>();

    public InMemoryConversationReferences References => _server.Services.GetRequiredService<InMemoryConversationReferences>();

    public IServiceProvider Services => _server.Services;

    public ConversationOutbox Outbox => _server.Services.GetRequiredService<ConversationOutbox>();

    public static Task<BotHost> StartLocalAsync() => StartAsync(new Dictionary<string, string?>());

    /// <summary>Authenticated mode: keys from <paramref name="keys"/>, connector and token endpoint from
    /// <paramref name="connector"/>.</summary>
    public static Task<BotHost> StartAuthenticatedAsync(KeyServer keys, FakeConnector connector, IDictionary<string, string?>? extra = null)
    {
        var settings = Settings(keys, connector);
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return StartAsync(settings);
    }

    public static Dictionary<string, string?> Settings(KeyServer keys, FakeConnector connector) => new()
    {
        ["Teams:MicrosoftAppId"] = AppId,
        ["Teams:MicrosoftAppPassword"] = "test-secret",
        ["Teams:OpenIdMetadataUrl"] = keys.BotFrameworkMetadataUrl,
        ["Teams:EntraOpenIdMetadataUrlTemplate"] = keys.EntraMetadataUrlTemplate,
        ["Teams:TokenEndpoint"] = connector.TokenEndpointTemplate,
        ["Teams:AllowedServiceUrlHosts:0"] = "127.0.0.1",
        ["Teams:RequireHttpsMetadata"] = "false",
        ["Teams:Retry:BaseDelay"] = "00:00:00.010",
    };

    public static async Task<BotHost> StartAsync(IDictionary<string, string?> settings)
    {
        var server = await LocalServer.StartAsync(
            builder =>
            {
                builder.Configuration.AddInMemoryCollection(settings);
                builder.Services.AddSingleton<RecordingRouter>();
                builder.Services.AddSingleton<IConversationRouter>(sp => sp.GetRequiredService<RecordingRouter>());
                builder.Services.AddTeams(builder.Configuration);
            },
            app => app.MapTeamsEndpoints());
        return new BotHost(server);
    }

    /// <summary>Posts the activity and, once it is answered, waits for the replies it queued to leave.</summary>
    public async Task<HttpResponseMessage> PostAsync(string json, string? bearer = null, string? authorization = null)
    {
        var response = await PostUnsettledAsync(json, bearer, authorization);
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        Assert.True(await Outbox.DrainedAsync(patience.Token), "replies still queued after 15 s");
        return response;
    }

    /// <summary>Posts the activity and returns its answer as soon as it comes, replies perhaps still queued.</summary>
    public Task<HttpResponseMessage> PostUnsettledAsync(string json, string? bearer = null, string? authorization = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "api/messages")
        {
            Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
        };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }
        else if (bearer is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + bearer);
        }

        return Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _server.DisposeAsync();
    }
}
