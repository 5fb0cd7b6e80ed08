using RolePlay.Core.Chat;
using RolePlay.Core.CueStrips;
using RolePlay.Core.GroupPractice;
using RolePlay.Core.PeerFeedback;
using RolePlay.Core.Recognition;
using RolePlay.Core.Sharing;
using RolePlay.Core.TeamSetup;

namespace RolePlay.Core.Routing;

/// <summary>Everything the bot does in a team's channels, the same on Teams and Slack: team set-up, recognition by
/// reaction, peer feedback relayed by the bot, transcripts shared for peer feedback (from a personal chat) and facilitated
/// practice, and the team's cue of the week.
/// <see cref="PracticeRouter"/> hands it these events; it holds no logic of its own beyond choosing the service.</summary>
public sealed class ChannelRouter(TeamSettings setup, RecognitionService recognition, TranscriptSharing sharing, ChannelPractice practice,
    RoutineCommands routines, CueOfTheWeek cueOfTheWeek)
{
    public const string ChannelHelp =
        "In a channel: “team help” for team set-up, “feedback <text>” to give a teammate feedback, " +
        "“practice facilitate <scenario>” for a group practice, “cue of the week” for the team's cue. " +
        "Practice on your own happens in a personal chat with me: message me “start”, then “share” to post it here for feedback.";

    /// <summary>A message in a channel or group chat (a mention), or a Slack "/practice team …" from anywhere.</summary>
    public async Task<RouterResult> OnChannelMessageAsync(MessageReceived message, CancellationToken ct)
    {
        if (TeamSetupParser.IsTeamCommand(message.Text))
        {
            return await setup.HandleAsync(message, ct).ConfigureAwait(false);
        }

        if (RoutineCommands.IsRoutinesCommand(message.Text))
        {
            return await routines.HandleAsync(message, ct).ConfigureAwait(false);
        }

        if (CueOfTheWeek.IsCommand(message.Text))
        {
            return await cueOfTheWeek.HandleAsync(message, await setup.TeamIdOfAsync(message, ct).ConfigureAwait(false), ct).ConfigureAwait(false);
        }

        if (FeedbackRelay.TryRelay(message) is { } relay)
        {
            return relay;
        }

        return await practice.TryHandleAsync(message, ct).ConfigureAwait(false) ?? new RouterResult([new TextOut(ChannelHelp)]);
    }

    public Task<RouterResult> OnReactionAsync(ReactionChanged reaction, CancellationToken ct) => recognition.OnReactionAsync(reaction, ct);

    public Task<RouterResult> ShareAsync(ChannelUser from, CancellationToken ct) => sharing.ShareAsync(from, ct);

    /// <summary>The channel cards' verbs: leaving the team, and the captain's pick of the cue of the week.</summary>
    public static bool Handles(string verb) => verb is TeamSetupCards.LeaveVerb or CueOfTheWeek.PickVerb;

    public Task<RouterResult> OnCardAsync(CardSubmitted card, CancellationToken ct) =>
        card.Verb == CueOfTheWeek.PickVerb ? cueOfTheWeek.OnCardAsync(card, ct) : setup.LeaveByCardAsync(card, ct);
}
