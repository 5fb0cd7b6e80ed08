using RolePlay.Core.Storage;

namespace RolePlay.LearningRecords;

/// <summary>A tenant's logged statements of some days as JSON Lines (one statement per line, oldest first), the same
/// statements its LRS receives, for a team that loads them by hand.</summary>
public static class StatementExport
{
    public static async Task<int> WriteAsync(IStatementOutbox log, TenantScope tenant, DateOnly from, DateOnly to, TextWriter output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(output);
        var written = 0;
        await foreach (var statement in log.ListLoggedAsync(tenant, from, to, ct).ConfigureAwait(false))
        {
            await output.WriteAsync(statement.Json.AsMemory(), ct).ConfigureAwait(false);
            await output.WriteAsync("\n".AsMemory(), ct).ConfigureAwait(false);
            written++;
        }

        return written;
    }
}
