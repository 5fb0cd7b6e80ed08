using RolePlay.Core.Cards;
using RolePlay.Core.Chat;
using RolePlay.Core.Routines;
using RolePlay.Core.Storage;

namespace RolePlay.Core.TeamSetup;

/// <summary>Managers' routine commands in a team channel, the same on Teams and Slack (<c>/practice routines …</c>):
/// "routines status" shows each routine's last run and what it sent; "routines run &lt;routine&gt;" runs one now for
/// this team. Only the team's managers may use them.</summary>
public sealed class RoutineCommands(IPeopleStore people, ITeamStore teams, IRoutineRunner runner, IRoutineStatusStore status)
{
    public static bool IsRoutinesCommand(string text) => Words(text) is ["routines" or "routine", ..];

    public async Task<RouterResult> HandleAsync(MessageReceived message, CancellationToken ct)
    {
        var tenant = new TenantScope(message.From.Platform, message.From.TenantId);
        var teamId = await TeamSettings.TeamIdOfAsync(teams, tenant, message.Conversation, ct).ConfigureAwait(false);
        var person = await people.GetAsync(new PersonKey(tenant, message.From.UserId), ct).ConfigureAwait(false);
        if (!TeamSettings.IsManagerOf(person, teamId))
        {
            return RouterResult.Say("Only this team's managers can see or run its routines.");
        }

        switch (Words(message.Text))
        {
            case [_, "status"]:
                return new RouterResult([new CardOut(RoutineCards.Status(await status.ListAsync(tenant, ct).ConfigureAwait(false)))]);
            case [_, "run", var name] when WireName.TryParse<RoutineKind>(name.Replace('-', '_'), out var routine):
                var run = await runner.RunNowAsync(tenant, teamId, routine, ct).ConfigureAwait(false);
                return RouterResult.Say($"{WireName.Of(routine)}: {run.Summary}.");
            case [_, "run", var name]:
                return RouterResult.Say($"I don't know a routine called “{name}”. {Help}");
            default:
                return RouterResult.Say(Help);
        }
    }

    private static readonly string Help =
        $"Routines: “routines status”, or “routines run <routine>” with one of {string.Join(", ", WireName.All<RoutineKind>())}.";

    private static string[] Words(string text)
    {
        var words = text.Trim().ToLowerInvariant().Split((char[])[' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);
        return words is ["/practice", ..] ? words[1..] : words;
    }
}
