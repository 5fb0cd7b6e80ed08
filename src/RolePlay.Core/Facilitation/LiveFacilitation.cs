using RolePlay.Core.Chat;
using RolePlay.Core.Content;
using RolePlay.Core.Practice;
using RolePlay.Core.Scene;
using RolePlay.Core.Sessions;
using RolePlay.Core.Storage;
using RolePlay.Core.Voice;

namespace RolePlay.Core.Facilitation;

/// <summary>What a facilitator sees of one person's live practice in a personal chat.</summary>
public sealed record LivePracticeView(PersonKey Learner, string LearnerName, string SessionId, string ScenarioId, string ScenarioTitle,
    string CustomerName, int Turn, bool Paused);

/// <summary>Whose practices a facilitator may see and nudge: people of one tenant and, when <see cref="TeamId"/> is set,
/// only that team's members (a deployed manager's own team). Local mode has no teams to keep apart: one machine, one
/// person practising and facilitating.</summary>
public sealed record FacilitatorScope(TenantScope Tenant, string? TeamId)
{
    public bool Covers(PersonKey learner, PersonRecord? person) =>
        learner.Tenant == Tenant && (TeamId is null || person?.TeamId == TeamId);
}

/// <summary>How a facilitator's nudge ended.</summary>
public abstract record FacilitationOutcome
{
    /// <summary>The scene took the nudge; <see cref="ForLearner"/> is what the learner's chat shows (the coach's line,
    /// and the customer's when the goal changes), delivered by the learner's channel like any proactive message.</summary>
    public sealed record Applied(IReadOnlyList<Outgoing> ForLearner) : FacilitationOutcome;

    public sealed record NoLivePractice : FacilitationOutcome;

    /// <summary>The scene refused it (paused, an outage already under way, an empty cue); the reason is for the facilitator.</summary>
    public sealed record Refused(string Reason) : FacilitationOutcome;
}

/// <summary>A facilitator's mid-scene nudges into one person's live practice in a personal chat (the browser studio's
/// facilitator view): a cue card, a change of environment, a swap of the customer's goal — the same
/// <see cref="PracticeSession.Facilitate"/> a channel practice uses, stored like any turn so the learner's next
/// message continues from it.</summary>
public sealed class LiveFacilitation(ContentCatalog catalog, PracticeEngine engine, IPeopleStore people, ISessionStore sessions,
    CustomerWording wording, TimeProvider time)
{
    /// <summary>A nudge and the learner's own message can cross; the nudge is re-applied on the fresh state this often.</summary>
    private const int Attempts = 3;

    /// <summary>The learner's live practice, or null: none, or the learner is outside <paramref name="scope"/>.</summary>
    public async Task<LivePracticeView?> DescribeAsync(FacilitatorScope scope, PersonKey learner, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var (person, live) = await LoadAsync(learner, ct).ConfigureAwait(false);
        if (live is null || !scope.Covers(learner, person))
        {
            return null;
        }

        var session = SessionPersistence.Restore(engine, live);
        var title = catalog.Scenarios.TryGetValue(live.ScenarioId, out var scenario) ? scenario.Title : live.ScenarioId;
        return new LivePracticeView(learner, person?.DisplayName ?? learner.UserId, live.SessionId, live.ScenarioId, title, CustomerName(live.PersonaId), session.State.Turn,
            session.Outcome == SessionOutcome.Paused);
    }

    /// <summary>Nudges the learner's live practice; outside <paramref name="scope"/> it is as if there were none, so a
    /// facilitator learns nothing of other teams' practices.</summary>
    public async Task<FacilitationOutcome> ApplyAsync(FacilitatorScope scope, PersonKey learner, FacilitatorAction action, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(action);
        for (var attempt = 1; ; attempt++)
        {
            var (person, live) = await LoadAsync(learner, ct).ConfigureAwait(false);
            if (live is null || !scope.Covers(learner, person))
            {
                return new FacilitationOutcome.NoLivePractice();
            }

            var session = SessionPersistence.Restore(engine, live);
            var from = session.Transcript.Count;
            try
            {
                session.Facilitate(action);
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException)
            {
                return new FacilitationOutcome.Refused(e.Message);
            }

            // The learner's channel shows the lines later, as a proactive message: nothing shows them typing meanwhile.
            var said = person is null ? session.Transcript.Skip(from).ToList()
                : await wording.WordAsync(WordingFor.Person(person, typing: null), session, from, ct).ConfigureAwait(false);
            session.Stamp(from, null, time.GetUtcNow());

            var (header, turns) = SessionPersistence.Changes(live, session, time.GetUtcNow());
            try
            {
                await sessions.SaveAsync(header, turns, ct).ConfigureAwait(false);
            }
            catch (ConcurrencyConflictException) when (attempt < Attempts)
            {
                continue;
            }

            return new FacilitationOutcome.Applied(Replies.From(said, catalog.Personas.GetValueOrDefault(live.PersonaId)));
        }
    }

    private async Task<PersonWithLiveSession> LoadAsync(PersonKey learner, CancellationToken ct) =>
        // A channel's facilitated practice keeps a group's state under "channel:…"; it is steered in its channel.
        learner.UserId.StartsWith("channel:", StringComparison.Ordinal)
            ? new PersonWithLiveSession(null, null)
            : await people.GetWithLiveSessionAsync(learner, ct).ConfigureAwait(false);

    private string CustomerName(string personaId) =>
        catalog.Personas.TryGetValue(personaId, out var persona) ? persona.Name.Split(' ')[0] : "Customer";
}
