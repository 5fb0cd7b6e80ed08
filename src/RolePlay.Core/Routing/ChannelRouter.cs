using RolePlay.Core.Chat;
using RolePlay.Core.GroupPractice;
using RolePlay.Core.PeerFeedback;
using RolePlay.Core.Recognition;
using RolePlay.Core.Sharing;
using RolePlay.Core.TeamSetup;

namespace RolePlay.Core.Routing;

/// <summary>Everything the bot does in a team's channels, the same on Teams and Slack: team set-up, recognition by
/// reaction, peer feedback relayed by the bot, transcripts shared for peer feedback (from a personal chat) and facilitated
/// practice.
/// <see cref="PracticeRouter"/> hands it these events; it holds no logic of its own beyond choosing the service.</summary>
public sealed class ChannelRouter(TeamSettings setup, RecognitionService recognition, TranscriptSharing sharing, ChannelPractice practice,
    RoutineCommands routines)
{
    public const string ChannelHelp =
        "In a channel: “team help” for team set-up, “feedback <text>” to give a teammate feedback, " +
        "“practice facilitate <scenario>” for a group practice. " +
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

        if (FeedbackRelay.TryRelay(message) is { } relay)
        {
            return relay;
        }

        return await practice.TryHandleAsync(message, ct).ConfigureAwait(false) ?? new RouterResult([new TextOut(ChannelHelp)]);
    }

    public Task<RouterResult> OnReactionAsync(ReactionChanged reaction, CancellationToken ct) => recognition.OnReactionAsync(reaction, ct);

    public Task<RouterResult> ShareAsync(ChannelUser from, CancellationToken ct) => sharing.ShareAsync(from, ct);

    public Task<RouterResult> OnCardAsync(CardSubmitted card, CancellationToken ct) => setup.LeaveByCardAsync(card, ct);
}
