using Microsoft.Extensions.Options;
using RolePlay.Core.Content;
using RolePlay.Core.Storage;

namespace RolePlay.LearningRecords;

/// <summary>Forgetting a person: what their tenant's LRS already has about them is voided first (the voiding
/// statements name nobody, so they outlive the person and reach the LRS), then everything RolePlay keeps about them
/// goes, the statements not sent yet among it.</summary>
public sealed class XapiForgetting(IOptions<LrsOptions> options, ContentCatalog catalog, IStatementOutbox outbox, IPersonalDataStore personalData,
    TimeProvider time)
{
    /// <summary>How many statements were voided, and how many rows were removed.</summary>
    public async Task<(int Voided, int Removed)> ForgetAsync(PersonKey person, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(person);
        var voided = 0;
        if (options.Value.For(person.Tenant) is { Endpoint: not null } lrs)
        {
            var sent = await outbox.ListSentAboutAsync(person, ct).ConfigureAwait(false);
            var statements = new XapiStatements(lrs, catalog);
            var now = time.GetUtcNow();
            await outbox.AddAsync(statements.Queued([], [.. sent.Select(s => statements.Forgotten(s.StatementId, now))]), send: true, ct)
                .ConfigureAwait(false);
            voided = sent.Count;
        }

        return (voided, await personalData.ForgetAsync(person, ct).ConfigureAwait(false));
    }
}
