using System.Globalization;
using RolePlay.Core.Detection;
using RolePlay.Core.Practice;
using RolePlay.Core.Storage;
using RolePlay.Storage.Rows;

namespace RolePlay.Storage.Repositories;

/// <summary>
/// Sessions share the person's partition: the live header at row "live", ended headers at "session|{id}",
/// turns at "turn|{id}|{index:D6}" (one row each, so no row grows without bound). A save is one atomic batch:
/// the new turns plus the header, conditional on the header's version.
/// Versions are tagged with the row they belong to ("L:" live, "E:" ended) so a save knows which row to check.
/// </summary>
internal sealed class SessionStore(IRowStore rows) : ISessionStore
{
    /// <summary>A save is one batch: 100 operations less the two header operations of ending a session.</summary>
    public const int MaxTurnsPerSave = RowLimits.MaxBatch - 2;

    private const string LiveTag = "L:";
    private const string EndedTag = "E:";

    public async Task<SessionRecord> SaveAsync(SessionRecord header, IReadOnlyList<TurnRecord> newTurns, CancellationToken ct)
    {
        Validate(header, newTurns);
        var body = StorageJson.Write(header with { Version = null });
        var ops = newTurns.Select(t => RowOp.Insert(TurnRow(header.SessionId, t.Index), StorageJson.Write(t))).ToList();
        var endedRow = EndedRow(header.SessionId);
        string tag;
        switch (header.Version)
        {
            case null:
                ops.Add(RowOp.Insert(header.IsLive ? PeopleStore.LiveRow : endedRow, body));
                tag = header.IsLive ? LiveTag : EndedTag;
                break;
            case var v when v.StartsWith(LiveTag, StringComparison.Ordinal) && header.IsLive:
                ops.Add(RowOp.Replace(PeopleStore.LiveRow, body, v[LiveTag.Length..]));
                tag = LiveTag;
                break;
            case var v when v.StartsWith(LiveTag, StringComparison.Ordinal):
                // Ending frees the live slot and files the header under its id, in the same transaction.
                ops.Add(RowOp.Delete(PeopleStore.LiveRow, v[LiveTag.Length..]));
                ops.Add(RowOp.Insert(endedRow, body));
                tag = EndedTag;
                break;
            case var v when v.StartsWith(EndedTag, StringComparison.Ordinal) && !header.IsLive:
                ops.Add(RowOp.Replace(endedRow, body, v[EndedTag.Length..]));
                tag = EndedTag;
                break;
            default:
                throw new ArgumentException($"Session {header.SessionId}: an ended session cannot become live again, and '{header.Version}' is not a version this store issued.", nameof(header));
        }

        var versions = await rows.SubmitAsync(Tables.People, RowKeys.Person(header.Person), ops, ct).ConfigureAwait(false);
        return header with { Version = tag + versions[^1] };
    }

    public async Task<SessionRecord?> GetAsync(PersonKey person, string sessionId, CancellationToken ct)
    {
        var found = await rows.GetManyAsync(Tables.People, RowKeys.Person(person), [PeopleStore.LiveRow, EndedRow(sessionId)], ct).ConfigureAwait(false);
        return found.Select(ReadHeader).FirstOrDefault(s => s.SessionId == sessionId);
    }

    public async Task<IReadOnlyList<TurnRecord>> GetTurnsAsync(PersonKey person, string sessionId, CancellationToken ct)
    {
        if (await GetAsync(person, sessionId, ct).ConfigureAwait(false) is not { } header || header.TurnCount == 0)
        {
            return [];
        }

        var prefix = $"turn|{RowKeys.Part(sessionId)}|";
        var found = await rows.RangeAsync(Tables.People, RowKeys.Person(person), prefix, RowKeys.PrefixEnd(prefix), header.TurnCount, ct).ConfigureAwait(false);
        return found.Select(StorageJson.Read<TurnRecord>).ToArray();
    }

    public async Task<IReadOnlyList<SessionRecord>> ListEndedAsync(PersonKey person, int take, CancellationToken ct)
    {
        const string prefix = "session|";
        var found = await rows.RangeAsync(Tables.People, RowKeys.Person(person), prefix, RowKeys.PrefixEnd(prefix), null, ct).ConfigureAwait(false);
        return found.Select(ReadHeader).OrderByDescending(s => s.StartedUtc).Take(take).ToArray();
    }

    internal static SessionRecord ReadHeader(StoredRow row) =>
        StorageJson.Read<SessionRecord>(row) with { Version = (row.RowKey == PeopleStore.LiveRow ? LiveTag : EndedTag) + row.Version };

    private static string EndedRow(string sessionId) => $"session|{RowKeys.Part(sessionId)}";

    private static string TurnRow(string sessionId, int index) =>
        $"turn|{RowKeys.Part(sessionId)}|{index.ToString("D6", CultureInfo.InvariantCulture)}";

    private static void Validate(SessionRecord header, IReadOnlyList<TurnRecord> newTurns)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(newTurns);
        KeyTextGuard(header.SessionId, "SessionId");
        if (newTurns.Count > MaxTurnsPerSave)
        {
            throw new ArgumentException($"Session {header.SessionId}: at most {MaxTurnsPerSave} turns per save, not {newTurns.Count}.", nameof(newTurns));
        }

        var first = header.TurnCount - newTurns.Count;
        for (var i = 0; i < newTurns.Count; i++)
        {
            var turn = newTurns[i];
            if (turn.Index != first + i)
            {
                throw new ArgumentException($"Session {header.SessionId}: new turns must be numbered {first}..{header.TurnCount - 1} in order (TurnCount {header.TurnCount}); found {turn.Index} at position {i}.", nameof(newTurns));
            }

            if (!TurnSpeakers.IsKnown(turn.Speaker))
            {
                throw new ArgumentException($"Session {header.SessionId}, turn {turn.Index}: speaker '{turn.Speaker}' is not customer, agent or coach.", nameof(newTurns));
            }

            ArgumentNullException.ThrowIfNull(turn.Text);
            ArgumentNullException.ThrowIfNull(turn.Labels);
            if (turn.Labels.FirstOrDefault(l => !BehaviourNames.TryParse(l, out _)) is { } unknown)
            {
                throw new ArgumentException($"Session {header.SessionId}, turn {turn.Index}: '{unknown}' is not a behaviour wire name.", nameof(newTurns));
            }
        }
    }

    private static void KeyTextGuard(string value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{name} must not be empty.", name);
        }
    }
}
