namespace RolePlay.Core.Storage;

/// <summary>An xAPI statement for the tenant's learning record store, as the JSON that will be sent. Its id is derived
/// from what it records, so adding it again (a retried turn) changes nothing, and sending it again (a crash after the
/// LRS took it) is a statement the LRS already has, which it accepts without storing twice.
/// <see cref="People"/> are everyone it names (the actor first), so forgetting any of them forgets it;
/// <see cref="AtUtc"/> is when what it records happened (its timestamp), which orders the queue, then
/// <see cref="Sequence"/>, its place among one event's statements (a practice attempted, then completed). A statement the LRS
/// refused for good is kept <see cref="Parked"/> with the LRS's reason, for the manager to see; it is never sent again
/// by itself.</summary>
public sealed record QueuedStatement(
    TenantScope Tenant,
    string StatementId,
    IReadOnlyList<PersonKey> People,
    string Json,
    DateTimeOffset AtUtc,
    int Sequence = 0,
    string? Parked = null,
    string? Version = null);

/// <summary>A tenant's statements: every one kept in a log by the day it happened (for exports, and for a tenant that
/// loads them by hand), and those for its LRS queued until the LRS has them.</summary>
public interface IStatementOutbox
{
    /// <summary>Logs the statements and, when <paramref name="send"/>, queues them; one logged already (same id, same
    /// time) is left as it is, sent or not.</summary>
    Task AddAsync(IReadOnlyList<QueuedStatement> statements, bool send, CancellationToken ct);

    /// <summary>A tenant's logged statements of the UTC days <paramref name="from"/> to <paramref name="to"/> (both
    /// included), sent or not, oldest first.</summary>
    IAsyncEnumerable<QueuedStatement> ListLoggedAsync(TenantScope tenant, DateOnly from, DateOnly to, CancellationToken ct);

    /// <summary>A tenant's statements not parked, oldest first, at most <paramref name="take"/>.</summary>
    Task<IReadOnlyList<QueuedStatement>> ListWaitingAsync(TenantScope tenant, int take, CancellationToken ct);

    /// <summary>A tenant's parked statements, oldest first.</summary>
    Task<IReadOnlyList<QueuedStatement>> ListParkedAsync(TenantScope tenant, CancellationToken ct);

    /// <summary>The LRS has them: removed. Gone already is fine.</summary>
    Task RemoveAsync(IReadOnlyList<QueuedStatement> statements, CancellationToken ct);

    /// <summary>Keeps a statement the LRS refused for good, with its reason.</summary>
    Task ParkAsync(QueuedStatement statement, string reason, CancellationToken ct);

    /// <summary>Puts a tenant's parked statements back in its queue (the LRS, or what it refused them for, was
    /// fixed); how many.</summary>
    Task<int> UnparkAsync(TenantScope tenant, CancellationToken ct);

    /// <summary>The logged statements naming <paramref name="person"/> that have left the queue, neither waiting nor
    /// parked: those the LRS has (what forgetting the person must void there).</summary>
    Task<IReadOnlyList<QueuedStatement>> ListSentAboutAsync(PersonKey person, CancellationToken ct);
}

/// <summary>How a team's LMS knows one of its people: an email (<see cref="Mbox"/>, <c>mailto:</c>) or an account on
/// the LMS (<see cref="HomePage"/> and <see cref="Name"/>). Statements about the person name them so instead of by
/// their chat platform id. Imported by a manager (<c>lrs actors</c>); forgetting the person forgets it.</summary>
public sealed record LmsActor(PersonKey Person, string? Mbox, string? HomePage, string? Name);

public interface ILmsActorStore
{
    /// <summary>Replaces the tenant's whole mapping with <paramref name="actors"/> (all of one tenant).</summary>
    Task ReplaceAsync(TenantScope tenant, IReadOnlyList<LmsActor> actors, CancellationToken ct);

    /// <summary>The mapped ones among <paramref name="people"/>.</summary>
    Task<IReadOnlyList<LmsActor>> GetAsync(IReadOnlyList<PersonKey> people, CancellationToken ct);
}
