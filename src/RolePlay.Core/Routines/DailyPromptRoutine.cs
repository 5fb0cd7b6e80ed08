using System.Globalization;
using System.Runtime.CompilerServices;
using RolePlay.Core.Chat;
using RolePlay.Core.Settings;
using RolePlay.Core.Storage;

namespace RolePlay.Core.Routines;

/// <summary>The daily micro-practice prompt: the people due in a minute (one index read, never a scan) each get a
/// card in their personal chat — an invitation to a 3-minute role-play, or a warm-up — chosen from their own
/// history. Once the occasion is settled their next prompt is computed in their zone and saved conditionally.</summary>
public sealed class DailyPromptRoutine(DuePeople due, PracticeSuggestions suggestions, ITeamStore teams, TimeProvider time) : IRoutine
{
    public RoutineKind Kind => RoutineKind.DailyPrompt;

    public async IAsyncEnumerable<PlannedMessage> PlanAsync(TenantScope tenant, DateTimeOffset minuteUtc,
        [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var person in due.ListAsync(tenant, minuteUtc, ct).ConfigureAwait(false))
        {
            if (DuePeople.MayPrompt(person, minuteUtc))
            {
                yield return Plan(person, DuePeople.Occasion(person, minuteUtc), minuteUtc,
                    (_, token) => due.MoveOnAsync(person.Key, minuteUtc, token));
            }
            else
            {
                await due.MoveOnAsync(person.Key, minuteUtc, ct).ConfigureAwait(false);
            }
        }
    }

    /// <summary>A manager's "run it now": every member of the team who would get a prompt today gets one now, under an
    /// occasion of its own, so their scheduled prompt still comes.</summary>
    public async IAsyncEnumerable<PlannedMessage> PlanNowAsync(TenantScope tenant, string teamId, DateTimeOffset nowUtc,
        [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var person in due.MembersAsync(tenant, teamId, teams, ct).ConfigureAwait(false))
        {
            if (DuePeople.MayPrompt(person, nowUtc))
            {
                yield return Plan(person, DuePeople.NowOccasion(nowUtc), nowUtc, null);
            }
        }
    }

    private PlannedMessage Plan(PersonRecord person, string occasion, DateTimeOffset dueUtc,
        Func<ProactiveOutcome, CancellationToken, Task>? after) => new(
        Kind,
        new RoutineTarget.Person(person.Key),
        occasion,
        dueUtc,
        async ct =>
        {
            var suggestion = await suggestions.ForAsync(person, time.GetUtcNow(), ct).ConfigureAwait(false);
            return [new CardOut(RoutineCards.DailyPrompt(suggestion, PersonSettings.IntensityOf(person)))];
        },
        after);
}

/// <summary>The people whose next prompt falls in a minute, re-checked against their stored record (the index may
/// hold a stale row), and the conditional move to their next prompt. Shared by the daily prompt and the consent check,
/// which both ride on the prompt's minute.</summary>
public sealed class DuePeople(IPeopleStore people, TimeProvider time)
{
    private const int Attempts = 5;

    public async IAsyncEnumerable<PersonRecord> ListAsync(TenantScope tenant, DateTimeOffset minuteUtc,
        [EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var key in await people.ListDueAsync(tenant, minuteUtc, ct).ConfigureAwait(false))
        {
            var person = await people.GetAsync(key, ct).ConfigureAwait(false);
            if (person?.NextPromptUtc is { } next && DueBucket.Minute(next) == minuteUtc)
            {
                yield return person;
            }
        }
    }

    public async IAsyncEnumerable<PersonRecord> MembersAsync(TenantScope tenant, string teamId, ITeamStore teams,
        [EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var member in await teams.ListMembersAsync(tenant, teamId, ct).ConfigureAwait(false))
        {
            if (await people.GetAsync(member.Person, ct).ConfigureAwait(false) is { } person)
            {
                yield return person;
            }
        }
    }

    /// <summary>Opted in, not paused, reachable: the only people a prompt (or a consent check) may reach.</summary>
    public static bool MayPrompt(PersonRecord person, DateTimeOffset atUtc) =>
        person is { Consent: ConsentState.OptedIn, UnreachableSinceUtc: null } && !PersonSettings.IsPaused(person, atUtc);

    /// <summary>The person's local date: one prompt per person per day, whatever the UTC minute.</summary>
    public static string Occasion(PersonRecord person, DateTimeOffset minuteUtc) =>
        PersonSettings.LocalToday(person, minuteUtc).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string NowOccasion(DateTimeOffset nowUtc) =>
        "now-" + DueBucket.Minute(nowUtc).ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture);

    /// <summary>Moves a person whose prompt was due in <paramref name="minuteUtc"/> on to their next one (none while
    /// opted out or unreachable). Idempotent: someone already moved on — by another host, or by their own settings
    /// change — is left alone. Retries on a concurrent change.</summary>
    public async Task MoveOnAsync(PersonKey key, DateTimeOffset minuteUtc, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var person = await people.GetAsync(key, ct).ConfigureAwait(false);
            if (person?.NextPromptUtc is not { } next || DueBucket.Minute(next) > minuteUtc)
            {
                return;
            }

            var after = minuteUtc > time.GetUtcNow() ? minuteUtc : time.GetUtcNow();
            try
            {
                await people.SaveAsync(PersonSettings.Reschedule(person, after), ct).ConfigureAwait(false);
                return;
            }
            catch (ConcurrencyConflictException) when (attempt < Attempts)
            {
                // They changed a setting meanwhile: read again.
            }
        }
    }
}
