using RolePlay.Bot.Channels;
using RolePlay.Core.Storage;
using RolePlay.Teams.Inbound;

namespace RolePlay.Bot.Tests.Channels;

public class StoredTeamsReferencesTests
{
    /// <summary>Records what reaches the store port, to count writes.</summary>
    private sealed class RecordingStore : IConversationReferenceStore
    {
        public List<ConversationReference> Saved { get; } = [];

        public Task SaveAsync(ConversationReference reference, CancellationToken ct)
        {
            Saved.Add(reference);
            return Task.CompletedTask;
        }

        public Task<ConversationReference?> GetAsync(TenantScope tenant, string ownerId, CancellationToken ct) =>
            Task.FromResult(Saved.LastOrDefault(r => r.Tenant == tenant && r.OwnerId == ownerId));
    }

    private static TeamsConversationReference Personal(string serviceUrl) =>
        new(serviceUrl, "a:1on1", "tenant-1", "28:bot", "29:ana", "aad-ana", "personal");

    [Fact]
    public async Task A_reference_is_written_once_and_again_only_when_it_changes()
    {
        var store = new RecordingStore();
        var sink = new StoredTeamsReferences(store, TimeProvider.System);

        await sink.SaveAsync(Personal("https://smba.trafficmanager.net/emea/"), default);
        await sink.SaveAsync(Personal("https://smba.trafficmanager.net/emea/"), default);
        await sink.SaveAsync(Personal("https://smba.trafficmanager.net/amer/"), default);

        Assert.Equal(2, store.Saved.Count);
        var latest = await store.GetAsync(new TenantScope("teams", "tenant-1"), "29:ana", default);
        Assert.Equal("https://smba.trafficmanager.net/amer/", latest!.ServiceUrl);
    }

    [Fact]
    public async Task Channel_conversations_are_kept_under_the_conversation_not_the_sender()
    {
        var store = new RecordingStore();
        var sink = new StoredTeamsReferences(store, TimeProvider.System);

        await sink.SaveAsync(new TeamsConversationReference("https://smba.trafficmanager.net/emea/", "19:general@thread.tacv2",
            "tenant-1", "28:bot", "29:ana", null, "channel"), default);

        Assert.Equal("19:general@thread.tacv2", Assert.Single(store.Saved).OwnerId);
    }
}
