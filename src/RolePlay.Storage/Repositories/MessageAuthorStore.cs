using System.Security.Cryptography;
using System.Text;
using RolePlay.Core.Storage;
using RolePlay.Storage.Rows;

namespace RolePlay.Storage.Repositories;

/// <summary>One row per (tenant) / (conversation, message): a lookup is one point read. The row names a person, so
/// it is listed in their partition as a mention first (export and "forget me" find it there).</summary>
internal sealed class MessageAuthorStore(IRowStore rows) : IMessageAuthorStore
{
    public async Task SaveAsync(MessageAuthor author, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(author.ConversationId);
        ArgumentException.ThrowIfNullOrWhiteSpace(author.MessageId);
        if (author.Author.Tenant != author.Tenant)
        {
            throw new ArgumentException($"Message {author.MessageId} names an author outside tenant {author.Tenant}.", nameof(author));
        }

        var pk = RowKeys.Tenant(author.Tenant);
        var row = Row(author.ConversationId, author.MessageId);
        await Mentions.RecordAsync(rows, author.Author, new Mention(Tables.MessageAuthors, pk, row), ct).ConfigureAwait(false);
        await rows.SubmitAsync(Tables.MessageAuthors, pk, [RowOp.Upsert(row, StorageJson.Write(author))], ct).ConfigureAwait(false);
    }

    public async Task<PersonKey?> GetAsync(TenantScope tenant, string conversationId, string messageId, DateTimeOffset nowUtc, CancellationToken ct)
    {
        var row = await rows.GetAsync(Tables.MessageAuthors, RowKeys.Tenant(tenant), Row(conversationId, messageId), ct).ConfigureAwait(false);
        return row is not null && StorageJson.Read<MessageAuthor>(row) is { } found && !(found.ExpiresUtc <= nowUtc) ? found.Author : null;
    }

    /// <summary>Conversation and message ids come from request bodies (Teams channel ids hold ';', '@' and can be long):
    /// hashed, they make a short key that is safe on both stores.</summary>
    private static string Row(string conversationId, string messageId) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{conversationId}\n{messageId}")))[..32].ToLowerInvariant();
}
