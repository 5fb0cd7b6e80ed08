using Microsoft.Extensions.Logging;
using RolePlay.Core.Chat;
using RolePlay.Core.Routines;
using RolePlay.Core.Storage;

namespace RolePlay.Core.Voice;

/// <summary>Tells a team's managers, once a day across every host, that the model voice's daily budget is spent and the
/// rule voice answers until tomorrow. Sent once or not at all: a notice lost to an unreachable manager is not retried,
/// since the practices go on either way.</summary>
public sealed class VoiceBudgetNotice(
    IVoiceUsageStore usage,
    ITeamStore teams,
    IPeopleStore people,
    IEnumerable<IProactiveSender> senders,
    ILogger<VoiceBudgetNotice> log)
{
    private readonly Dictionary<Platform, IProactiveSender> _senders = senders.ToDictionary(s => s.Platform);

    public async Task TellOnceAsync(TeamRecord team, DateOnly day, long spent, long budget, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(team);
        if (!await usage.MarkToldAsync(team.Tenant, team.TeamId, day, ct).ConfigureAwait(false)
            || !_senders.TryGetValue(team.Tenant.Platform, out var sender))
        {
            return;
        }

        var text = Text(team, spent, budget);
        foreach (var member in await teams.ListMembersAsync(team.Tenant, team.TeamId, ct).ConfigureAwait(false))
        {
            if (await people.GetAsync(member.Person, ct).ConfigureAwait(false) is { } person && person.Manages(team.TeamId))
            {
                var outcome = await sender.SendAsync(new RoutineTarget.Person(person.Key), [new TextOut(text)], ct).ConfigureAwait(false);
                if (outcome is not ProactiveOutcome.Sent)
                {
                    log.LogWarning("The model-voice budget notice did not reach a manager: {Outcome}.", outcome);
                }
            }
        }
    }

    private static string Text(TeamRecord team, long spent, long budget) =>
        $"Today's model-voice budget for {team.Name} is spent ({spent:N0} of {budget:N0} tokens), so the customer speaks in " +
        "the rule voice until tomorrow. Practices go on as before. To change it, raise PersonaVoice:DailyTokenBudget, " +
        "or choose the voice with “team voice rule” or “team voice model”.";
}
