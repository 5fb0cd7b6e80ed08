namespace RolePlay.Core.Storage;

/// <summary>The person a bot message speaks for (relayed peer feedback), so a reaction to that message can be
/// credited to them on a platform that names only the reactor and the message (Teams). <see cref="ExpiresUtc"/>
/// null keeps it until the author is forgotten.</summary>
public sealed record MessageAuthor(
    TenantScope Tenant,
    string ConversationId,
    string MessageId,
    PersonKey Author,
    DateTimeOffset? ExpiresUtc);

public interface IMessageAuthorStore
{
    /// <summary>Records (or overwrites) who a message speaks for. The author must be in <see cref="MessageAuthor.Tenant"/>.</summary>
    Task SaveAsync(MessageAuthor author, CancellationToken ct);

    /// <summary>Who the message speaks for, or null when unknown or expired at <paramref name="nowUtc"/>.</summary>
    Task<PersonKey?> GetAsync(TenantScope tenant, string conversationId, string messageId, DateTimeOffset nowUtc, CancellationToken ct);
}
