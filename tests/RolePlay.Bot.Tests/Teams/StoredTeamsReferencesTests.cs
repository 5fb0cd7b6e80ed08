using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RolePlay.Bot.Channels;
using RolePlay.Core.Storage;
using RolePlay.Storage;
using RolePlay.Teams.Inbound;

namespace RolePlay.Bot.Tests.Teams;

public sealed class StoredTeamsReferencesTests : IAsyncLifetime
{
    private static readonly TenantScope Tenant = new("teams", "tenant-1");
    private readonly string _dir = Directory.CreateTempSubdirectory("roleplay-refs-").FullName;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
    private ServiceProvider _services = null!;
    private StoredTeamsReferences _sink = null!;

    private IDeliveryAddressStore Store => _services.GetRequiredService<IDeliveryAddressStore>();

    private IPersonAliasStore Aliases => _services.GetRequiredService<IPersonAliasStore>();

    public async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Sqlite:Path"] = Path.Combine(_dir, "roleplay.db") })
            .Build();
        _services = new ServiceCollection().AddLogging().AddRolePlayStorage(configuration).BuildServiceProvider();
        await _services.GetRequiredService<IStorageInitializer>().InitializeAsync(CancellationToken.None);
        _sink = new StoredTeamsReferences(Store, Aliases, _clock);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    private static TeamsConversationReference Personal(string serviceUrl) =>
        new(serviceUrl, "a:chat-1", "tenant-1", "28:bot", "29:user", null, "personal");

    [Fact]
    public async Task A_personal_chat_keeps_the_persons_Entra_object_id_as_their_alias_and_a_channel_does_not()
    {
        await _sink.SaveAsync(Personal("https://smba.trafficmanager.net/emea/") with { UserAadObjectId = "aad-erin" }, CancellationToken.None);
        await _sink.SaveAsync(new TeamsConversationReference("https://smba.trafficmanager.net/emea/", "19:channel@thread.tacv2",
            "tenant-1", "28:bot", "29:someone", "aad-someone", "channel"), CancellationToken.None);

        Assert.Equal(new PersonKey(Tenant, "29:user"), await Aliases.FindAsync(Tenant, "aad-erin", CancellationToken.None));
        Assert.Null(await Aliases.FindAsync(Tenant, "aad-someone", CancellationToken.None));
    }

    [Fact]
    public async Task A_person_is_reachable_at_their_newest_serviceUrl()
    {
        await _sink.SaveAsync(Personal("https://smba.trafficmanager.net/emea/"), CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(1));
        await _sink.SaveAsync(Personal("https://smba.trafficmanager.net/amer/"), CancellationToken.None);

        var stored = await Store.GetAsync(Tenant, "29:user", CancellationToken.None);

        Assert.Equal("https://smba.trafficmanager.net/amer/", stored!.Endpoint);
        Assert.Equal("a:chat-1", stored.ConversationId);
    }

    [Fact]
    public async Task An_unchanged_reference_is_not_written_again_until_the_refresh_interval()
    {
        var reference = Personal("https://smba.trafficmanager.net/emea/");
        await _sink.SaveAsync(reference, CancellationToken.None);
        var first = (await Store.GetAsync(Tenant, "29:user", CancellationToken.None))!.UpdatedUtc;

        _clock.Advance(TimeSpan.FromMinutes(59));
        await _sink.SaveAsync(reference, CancellationToken.None);
        Assert.Equal(first, (await Store.GetAsync(Tenant, "29:user", CancellationToken.None))!.UpdatedUtc);

        _clock.Advance(TimeSpan.FromMinutes(2));
        await _sink.SaveAsync(reference, CancellationToken.None);
        Assert.Equal(_clock.GetUtcNow(), (await Store.GetAsync(Tenant, "29:user", CancellationToken.None))!.UpdatedUtc);
    }
}
