using System.Runtime.CompilerServices;
using RolePlay.Core.Chat;
using RolePlay.Core.Storage;

namespace RolePlay.Core.Routines;

/// <summary>Every few weeks (<see cref="RoutineOptions.ConsentCheckWeeks"/>) an opted-in person's daily prompt is
/// preceded by "still want daily prompts?" (Keep / Pause a week / Stop). No answer means keep; the ask is recorded
/// in <see cref="PersonRecord.ConsentAskedUtc"/>, so the next one comes that many weeks later.</summary>
public sealed class ConsentCheckRoutine(DuePeople due, IPeopleStore people, ITeamStore teams, RoutineOptions options) : IRoutine
{
    private const int Attempts = 5;

    public RoutineKind Kind => RoutineKind.ConsentCheck;

    public async IAsyncEnumerable<PlannedMessage> PlanAsync(TenantScope tenant, DateTimeOffset minuteUtc,
        [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var person in due.ListAsync(tenant, minuteUtc, ct).ConfigureAwait(false))
        {
            if (DuePeople.MayPrompt(person, minuteUtc) && IsDue(person, minuteUtc))
            {
                yield return Plan(person, DuePeople.Occasion(person, minuteUtc), minuteUtc);
            }
        }
    }

    public async IAsyncEnumerable<PlannedMessage> PlanNowAsync(TenantScope tenant, string teamId, DateTimeOffset nowUtc,
        [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var person in due.MembersAsync(tenant, teamId, teams, ct).ConfigureAwait(false))
        {
            if (DuePeople.MayPrompt(person, nowUtc))
            {
                yield return Plan(person, DuePeople.NowOccasion(nowUtc), nowUtc);
            }
        }
    }

    public bool IsDue(PersonRecord person, DateTimeOffset atUtc) =>
        person.ConsentAskedUtc is not { } asked || atUtc - asked >= TimeSpan.FromDays(7 * options.ConsentCheckWeeks);

    private PlannedMessage Plan(PersonRecord person, string occasion, DateTimeOffset dueUtc) => new(
        Kind,
        new RoutineTarget.Person(person.Key),
        occasion,
        dueUtc,
        _ => Task.FromResult<IReadOnlyList<Outgoing>>([new CardOut(RoutineCards.ConsentCheck())]),
        (outcome, ct) => outcome is ProactiveOutcome.Sent ? RecordAskedAsync(person.Key, dueUtc, ct) : Task.CompletedTask);

    /// <summary>Asked at the occasion's due time (not "now"), so a replay writes the same value.</summary>
    private async Task RecordAskedAsync(PersonKey key, DateTimeOffset askedUtc, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var person = await people.GetAsync(key, ct).ConfigureAwait(false);
            if (person is null || person.ConsentAskedUtc >= askedUtc)
            {
                return;
            }

            try
            {
                await people.SaveAsync(person with { ConsentAskedUtc = askedUtc }, ct).ConfigureAwait(false);
                return;
            }
            catch (ConcurrencyConflictException) when (attempt < Attempts)
            {
                // The daily prompt's follow-up or a settings change saved them meanwhile: read again.
            }
        }
    }
}
