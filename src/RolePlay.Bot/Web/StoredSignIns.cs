using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using RolePlay.Core.Storage;

namespace RolePlay.Bot.Web;

/// <summary>The cookie handler's session store: the sign-in lives in the bot's store and the cookie carries only its
/// key, so <c>POST /signout</c> revokes it for good (a copy of the cookie no longer signs anyone in) and every instance
/// sharing the store agrees at once.</summary>
internal sealed class StoredSignIns(ISignInSessionStore sessions, TimeProvider time) : ITicketStore
{
    /// <summary>Used only when the ticket carries no expiry of its own (the cookie handler always sets one).</summary>
    private static readonly TimeSpan FallbackLifetime = TimeSpan.FromHours(8);

    public Task<string> StoreAsync(AuthenticationTicket ticket) => StoreAsync(ticket, CancellationToken.None);

    public async Task<string> StoreAsync(AuthenticationTicket ticket, CancellationToken cancellationToken)
    {
        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        await RenewAsync(key, ticket, cancellationToken).ConfigureAwait(false);
        return key;
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket) => RenewAsync(key, ticket, CancellationToken.None);

    public Task RenewAsync(string key, AuthenticationTicket ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var expires = ticket.Properties.ExpiresUtc ?? time.GetUtcNow() + FallbackLifetime;
        return sessions.SaveAsync(new SignInSession(key, Convert.ToBase64String(TicketSerializer.Default.Serialize(ticket)), expires), cancellationToken);
    }

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => RetrieveAsync(key, CancellationToken.None);

    public async Task<AuthenticationTicket?> RetrieveAsync(string key, CancellationToken cancellationToken) =>
        await sessions.FindAsync(key, time.GetUtcNow(), cancellationToken).ConfigureAwait(false) is { } session
            ? TicketSerializer.Default.Deserialize(Convert.FromBase64String(session.Ticket))
            : null;

    public Task RemoveAsync(string key) => RemoveAsync(key, CancellationToken.None);

    public Task RemoveAsync(string key, CancellationToken cancellationToken) => sessions.RemoveAsync(key, cancellationToken);
}
