namespace RolePlay.Core.Storage;

/// <summary>A browser's signed-in session, kept in the store rather than in its cookie (which holds only
/// <see cref="Key"/>), so that signing out ends it on every instance at once and a copied cookie stops working.</summary>
/// <param name="Key">A random id the host makes; it is never read from a request unprotected.</param>
/// <param name="Ticket">The host's serialized sign-in (who the identity provider vouched for); opaque here.</param>
public sealed record SignInSession(string Key, string Ticket, DateTimeOffset ExpiresUtc);

public interface ISignInSessionStore
{
    /// <summary>Creates or renews (a sliding expiry moves <see cref="SignInSession.ExpiresUtc"/>).</summary>
    Task SaveAsync(SignInSession session, CancellationToken ct);

    /// <summary>The session, or null when it was never made, was signed out or has expired.</summary>
    Task<SignInSession?> FindAsync(string key, DateTimeOffset nowUtc, CancellationToken ct);

    /// <summary>Signs the session out; nothing if it is already gone.</summary>
    Task RemoveAsync(string key, CancellationToken ct);

    /// <summary>Removes expired sessions (the daily housekeeping job); returns how many.</summary>
    Task<int> PurgeExpiredAsync(DateTimeOffset nowUtc, CancellationToken ct);
}
