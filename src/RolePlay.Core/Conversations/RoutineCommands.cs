using RolePlay.Core.Cards;
using RolePlay.Core.Routines;
using RolePlay.Core.Storage;

namespace RolePlay.Core.Conversations;

/// <summary>Managers' routine commands in a team channel, the same on Teams and Slack (<c>/practice routines …</c>):
/// "routines status" shows each routine's last run and what it sent; "routines run &lt;routine&gt;" runs one now for
/// this team. Only the team's managers may use them.</summary>
public sealed class RoutineCommands(IPeopleStore people, IRoutineRunner runner, IRoutineStatusStore status)
{
    public static bool IsRoutinesCommand(string text) => Words(text) is ["routines" or "routine", ..];

    public async Task<RouterResult> HandleAsync(MessageReceived message, CancellationToken ct)
    {
        var tenant = new TenantScope(message.From.Platform, message.From.TenantId);
        var teamId = TeamSetup.TeamIdOf(message.Conversation);
        var person = await people.GetAsync(new PersonKey(tenant, message.From.UserId), ct).ConfigureAwait(false);
        if (!TeamSetup.IsManagerOf(person, teamId))
        {
            return Say("Only this team's managers can see or run its routines.");
        }

        switch (Words(message.Text))
        {
            case [_, "status"]:
                return new RouterResult([new CardOut(RoutineCards.Status(await status.ListAsync(tenant, ct).ConfigureAwait(false)))]);
            case [_, "run", var name] when WireName.TryParse<RoutineKind>(name.Replace('-', '_'), out var routine):
                var run = await runner.RunNowAsync(tenant, teamId, routine, ct).ConfigureAwait(false);
                return Say($"Ran {WireName.Of(routine)} now: {run.Summary}.");
            case [_, "run", var name]:
                return Say($"I don't know a routine called “{name}”. {Help}");
            default:
                return Say(Help);
        }
    }

    private static readonly string Help =
        $"Routines: “routines status”, or “routines run <routine>” with one of {string.Join(", ", WireName.All<RoutineKind>())}.";

    private static string[] Words(string text)
    {
        var words = text.Trim().ToLowerInvariant().Split((char[])[' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);
        return words is ["/practice", ..] ? words[1..] : words;
    }

    private static RouterResult Say(string text) => new([new TextOut(text)]);
}
