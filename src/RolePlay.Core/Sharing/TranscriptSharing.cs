using RolePlay.Core.Chat;
using RolePlay.Core.Content;
using RolePlay.Core.PeerCoaching;
using RolePlay.Core.Storage;
using RolePlay.Core.TeamSetup;

namespace RolePlay.Core.Sharing;

/// <summary>"share" in a personal chat posts the person's last finished practice to their team's standup channel for
/// peer feedback. Only the person can share their own practice, and only one they finished (a stopped one was never
/// scored and stays private). A shared practice invites the team's peer checklists until its person withdraws it.</summary>
public sealed class TranscriptSharing(ContentCatalog catalog, IPeopleStore people, ISessionStore sessions, ITeamStore teams, PeerReviews peerReviews)
{
    /// <summary>How far back to look for a finished practice past ones that were stopped.</summary>
    private const int Lookback = 10;

    public static bool IsShareCommand(string text) =>
        text.Trim().ToLowerInvariant() is "share" or "/share" or "/practice share";

    public async Task<RouterResult> ShareAsync(ChannelUser from, CancellationToken ct)
    {
        var key = new PersonKey(from.Platform, from.TenantId, from.UserId);
        var person = await people.GetAsync(key, ct).ConfigureAwait(false);
        if (person?.TeamId is null)
        {
            return RouterResult.Say("You're not in a team yet: type “team join” in your team's channel, then “share” here again.");
        }

        var team = await teams.GetAsync(key.Tenant, person.TeamId, ct).ConfigureAwait(false);
        if (team?.StandupChannelId is null)
        {
            return RouterResult.Say("Your team has no channel for sharing yet: a manager can set one by typing “team standup 09:15” in it.");
        }

        var ended = await sessions.ListEndedAsync(key, Lookback, ct).ConfigureAwait(false);
        var last = ended.FirstOrDefault(s => s.Outcome != "stopped");
        if (last is null)
        {
            return RouterResult.Say("There's no finished practice to share yet. Type “start” for one.");
        }

        var turns = await sessions.GetTurnsAsync(key, last.SessionId, ct).ConfigureAwait(false);
        var title = catalog.Scenarios.TryGetValue(last.ScenarioId, out var scenario) ? scenario.Title : last.ScenarioId;
        var customer = catalog.Personas.TryGetValue(last.PersonaId, out var persona) ? persona.Name.Split(' ')[0] : "Customer";
        var channel = new ConversationAddress(from.Platform, from.TenantId, team.StandupChannelId, ConversationKind.Channel,
            TeamId: team.TeamId);
        var request = await peerReviews.RequestForShareAsync(person, team, last, channel, ct).ConfigureAwait(false);
        var card = TeamSetupCards.SharedTranscript(person.DisplayName, title, last.Outcome ?? "ended", turns, customer, team,
            [ChecklistCards.Open(request, "Review with the checklist"), ChecklistCards.Withdraw(request)]);
        return new RouterResult([new CardOut(card) { Target = channel }, new TextOut("Shared with your team for feedback.")]);
    }
}
