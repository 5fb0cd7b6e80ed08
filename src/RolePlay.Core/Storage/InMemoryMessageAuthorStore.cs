using System.Collections.Concurrent;

namespace RolePlay.Core.Storage;

/// <summary>Message authors held in process memory: the default for channel tests and a single instance that has no
/// store. Lost on restart, so a reaction after one credits nobody; the bot host uses the store's implementation.</summary>
public sealed class InMemoryMessageAuthorStore : IMessageAuthorStore
{
    private readonly ConcurrentDictionary<(TenantScope Tenant, string ConversationId, string MessageId), MessageAuthor> _authors = new();

    public Task SaveAsync(MessageAuthor author, CancellationToken ct)
    {
        if (author.Author.Tenant != author.Tenant)
        {
            throw new ArgumentException($"Message {author.MessageId} names an author outside tenant {author.Tenant}.", nameof(author));
        }

        _authors[(author.Tenant, author.ConversationId, author.MessageId)] = author;
        return Task.CompletedTask;
    }

    public Task<PersonKey?> GetAsync(TenantScope tenant, string conversationId, string messageId, DateTimeOffset nowUtc, CancellationToken ct) =>
        Task.FromResult(_authors.TryGetValue((tenant, conversationId, messageId), out var found) && !(found.ExpiresUtc <= nowUtc)
            ? found.Author
            : null);
}
