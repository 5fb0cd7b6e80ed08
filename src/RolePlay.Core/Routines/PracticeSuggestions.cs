using RolePlay.Core.Content;
using RolePlay.Core.Practice;
using RolePlay.Core.Scheduling;
using RolePlay.Core.Storage;

namespace RolePlay.Core.Routines;

/// <summary>Today's suggestion for one person: the skill they have practised least, a scenario that exercises it
/// with a customer they have not met yet, and — when they practised in the last day — a light warm-up instead of a
/// full invitation.</summary>
public sealed record PracticeSuggestion(RubricCriterion Skill, Scenario Scenario, Persona Persona, WarmUp? WarmUp);

/// <summary>Chooses <see cref="PracticeSuggestion"/>s from a person's own history (their recent ended sessions and the
/// rubric of each), never from anyone else's.</summary>
public sealed class PracticeSuggestions(ContentCatalog catalog, ISessionStore sessions, ILearningStore learning)
{
    /// <summary>Enough history to know someone's habits, small enough to read at prompt time.</summary>
    private const int HistoryDepth = 12;

    public async Task<PracticeSuggestion> ForAsync(PersonRecord person, DateTimeOffset now, CancellationToken ct)
    {
        var ended = await sessions.ListEndedAsync(person.Key, HistoryDepth, ct).ConfigureAwait(false);
        var practised = new Dictionary<RubricCriterion, int>();
        foreach (var session in ended)
        {
            var rubric = await learning.GetRubricAsync(person.Key, session.SessionId, ct).ConfigureAwait(false);
            foreach (var score in rubric?.Scores ?? [])
            {
                if (WireName.TryParse<RubricCriterion>(score.Criterion, out var criterion))
                {
                    practised[criterion] = practised.GetValueOrDefault(criterion) + score.Score;
                }
            }
        }

        // Least practised: the lowest total of earned points (evidence shown) across the recent history.
        var skill = Enum.GetValues<RubricCriterion>().OrderBy(c => practised.GetValueOrDefault(c)).First();
        var met = ended.Select(s => s.PersonaId).ToHashSet(StringComparer.Ordinal);
        var day = LocalClock.Today(now, LocalClock.Zone(person.TimeZone)).DayNumber;
        var scenario = catalog.Scenarios.Values
            .OrderBy(s => met.Contains(s.PersonaId) ? 1 : 0)
            .ThenBy(s => Exercises(s, skill) ? 0 : 1)
            .ThenBy(s => Variety(person.Key.UserId, day, s.Id))
            .First();
        var practisedRecently = ended.Any(s => s.EndedUtc is { } end && now - end < TimeSpan.FromDays(1));
        var warmUp = practisedRecently && catalog.WarmUps.Count > 0
            ? catalog.WarmUps.Values.OrderBy(w => w.Id, StringComparer.Ordinal).ElementAt((int)(Variety(person.Key.UserId, day, "warm-up") % (ulong)catalog.WarmUps.Count))
            : null;
        return new PracticeSuggestion(skill, scenario, catalog.Personas[scenario.PersonaId], warmUp);
    }

    /// <summary>Which declared success criteria give a skill room to show.</summary>
    public static bool Exercises(Scenario scenario, RubricCriterion skill) => skill switch
    {
        RubricCriterion.ActiveListening => scenario.Success.Contains(SuccessCriterion.ValidatedFeelings),
        RubricCriterion.AlignmentWithValues => scenario.Success.Contains(SuccessCriterion.BoundaryWithoutBlame),
        _ => scenario.Success.Contains(SuccessCriterion.AgreedNextStep),
    };

    /// <summary>A stable shuffle per person and day (FNV-1a), so two people — or two days — do not all get the same
    /// first scenario, and a replayed plan chooses the same one.</summary>
    private static ulong Variety(string userId, int day, string id)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in $"{userId}\n{day}\n{id}")
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }
}
