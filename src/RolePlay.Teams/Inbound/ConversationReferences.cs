using System.Collections.Concurrent;
using RolePlay.Teams.Protocol;

namespace RolePlay.Teams.Inbound;

/// <summary>Where a Teams person or conversation can be reached later (a scheduled prompt, a check-in): the
/// serviceUrl (it can change, so the newest wins), conversation id, tenant, bot and user ids.</summary>
public sealed record TeamsConversationReference(
    string ServiceUrl, string ConversationId, string TenantId, string BotId, string UserId, string? UserAadObjectId,
    string ConversationType)
{
    /// <summary>The Bot Framework shape the connector expects.</summary>
    public ConversationReference ToBotFramework() => new()
    {
        ServiceUrl = ServiceUrl,
        ChannelId = "msteams",
        Bot = new ChannelAccount { Id = BotId },
        User = new ChannelAccount { Id = UserId, AadObjectId = UserAadObjectId },
        Conversation = new ConversationAccount { Id = ConversationId, TenantId = TenantId, ConversationType = ConversationType },
    };
}

/// <summary>Receives the reference of every verified inbound activity.</summary>
public interface IConversationReferenceSink
{
    ValueTask SaveAsync(TeamsConversationReference reference, CancellationToken cancellationToken);
}

/// <summary>Keeps the latest reference per conversation and per person's 1:1 chat, in memory.</summary>
public sealed class InMemoryConversationReferences : IConversationReferenceSink
{
    private readonly ConcurrentDictionary<string, TeamsConversationReference> _byConversation = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Tenant, string User), TeamsConversationReference> _personal = new();

    public ValueTask SaveAsync(TeamsConversationReference reference, CancellationToken cancellationToken)
    {
        _byConversation[reference.ConversationId] = reference;
        if (reference.ConversationType == "personal")
        {
            _personal[(reference.TenantId, reference.UserId)] = reference;
        }

        return ValueTask.CompletedTask;
    }

    public TeamsConversationReference? FindConversation(string conversationId) => _byConversation.GetValueOrDefault(conversationId);

    public TeamsConversationReference? FindPersonal(string tenantId, string userId) => _personal.GetValueOrDefault((tenantId, userId));
}
