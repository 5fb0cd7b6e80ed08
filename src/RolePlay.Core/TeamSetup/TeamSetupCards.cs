using RolePlay.Core.Cards;
using RolePlay.Core.Content;
using RolePlay.Core.Practice;
using RolePlay.Core.Scheduling;
using RolePlay.Core.Storage;
using RolePlay.Core.Voice;

namespace RolePlay.Core.TeamSetup;

/// <summary>The team cards, authored once for every channel: the set-up, a member's one-click way out, and a practice
/// transcript shared for peer feedback.</summary>
public static class TeamSetupCards
{
    public const string LeaveVerb = "team.leave";
    public const string TeamInput = "team";

    /// <summary>Transcripts are posted whole up to this many lines; longer ones keep their last lines, where the scene
    /// turned.</summary>
    public const int MaxTranscriptLines = 16;

    public const int MaxLineLength = 400;

    public static Card Summary(TeamRecord team) => new(
        "team.summary",
        // A team set up in a channel is named after its id; one made on the studio's Team page has a name of its own.
        team.Name == team.TeamId ? "Team set-up" : $"{team.Name}: team set-up",
        [
            new FactSet(
            [
                new Fact("Standup", team.StandupChannelId is null
                    ? "not set"
                    : $"{team.StandupTime?.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture) ?? "no time yet"} in {team.StandupChannelId}"),
                new Fact("Time zone", team.TimeZone),
                new Fact("Service values", team.ServiceValues.Count == 0 ? "not set" : string.Join("; ", team.ServiceValues)),
                new Fact("Empathy-win emoji", $":{team.EmpathyWinEmoji}: (anyone)"),
                new Fact("Recognition emoji", $":{team.RecognitionEmoji}: (managers, on peer feedback)"),
                new Fact("Standup days", DayList(TeamSchedule.WorkingDays(team))),
                new Fact("Buddy pairing", PairingText(team)),
                new Fact("Weekly celebration", CelebrationText(team)),
                new Fact("Customer's voice", VoiceText(team)),
                new Fact("Peer checklist", team.Checklist ?? PeerChecklist.Shipped),
                new Fact("Voice clips kept", $"{team.ClipRetentionDays} days"),
                new Fact("Cue strips language", CueStrips.CueStripSheet.LanguageName(team.CueLanguage ?? Content.CueCard.OwnLanguage)),
            ]),
        ],
        []);

    /// <summary>Membership never implies consent; leaving is one click.</summary>
    public static Card Joined(string teamId) => new(
        "team.joined",
        null,
        [new TextBlock("Being in the team never signs you up for anything: practice prompts need your own opt-in.", TextStyle.Subtle)],
        [new SubmitAction("Leave the team", LeaveVerb, new Dictionary<string, string> { [TeamInput] = teamId })]);

    public static Card Left() => new("team.joined", null, [new TextBlock("You left the team.")], []);

    /// <summary>A finished practice posted to the team's channel. Coach lines stay private: peers see the scene.</summary>
    public static Card SharedTranscript(string sharedBy, string scenarioTitle, string outcome, IReadOnlyList<TurnRecord> turns,
        string customerName, TeamRecord team, IReadOnlyList<CardAction> actions)
    {
        // A burst a model voice's words went before is empty: nothing of its own to show.
        var lines = turns.Where(t => t.Speaker != TurnSpeakers.Coach && t.Text.Length > 0).ToList();
        var body = new List<CardElement>
        {
            new TextBlock($"{sharedBy} practised “{scenarioTitle}” ({outcome.Replace('_', ' ')}) and would like your feedback."),
        };
        if (lines.Count > MaxTranscriptLines)
        {
            body.Add(new TextBlock($"… the last {MaxTranscriptLines} of {lines.Count} lines:", TextStyle.Subtle));
            lines = lines[^MaxTranscriptLines..];
        }

        body.AddRange(lines.Select(t => new TextBlock(
            $"{(t.Speaker == TurnSpeakers.Agent ? sharedBy : customerName)}: {Shorten(t.Text)}",
            t.Speaker == TurnSpeakers.Agent ? TextStyle.Normal : TextStyle.Quote)));
        body.Add(new TextBlock(
            $"Reply in the thread with one phrase that landed, or review it with the peer checklist (only {sharedBy} sees it). " +
            $"React :{team.EmpathyWinEmoji}: for an empathy win.", TextStyle.Subtle));
        return new Card("team.transcript", "Practice for peer feedback", body, actions);
    }

    /// <summary>What a model voice is sent, said wherever a team chooses it.</summary>
    public const string VoicePrivacy = "What is sent to the model: the persona, the scenario and the practice's transcript, " +
                                       "with the agent's names taken out; no names or ids of the people practising.";

    /// <summary>The voice in a few words.</summary>
    public static string VoiceName(TeamRecord team) => team switch
    {
        { Voice: VoiceKind.Model, VoiceEndpoint: { } own } => $"language model, the team's own endpoint “{own}” only",
        { Voice: VoiceKind.Model } => "language model",
        _ => "rule voice (built-in lines; nothing is sent anywhere)",
    };

    /// <summary>The voice, and for a model what it is sent.</summary>
    public static string VoiceText(TeamRecord team) => team.Voice == VoiceKind.Model ? $"{VoiceName(team)}. {VoicePrivacy}" : VoiceName(team);

    public static string DayList(IEnumerable<DayOfWeek> days) =>
        string.Join(", ", days.Select(d => System.Globalization.CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedDayName(d)));

    public static string PairingText(TeamRecord team) => team.Pairing == PairingCadence.Off
        ? "off"
        : $"{WireName.Of(team.Pairing)} on {team.PairingDay} at {Clock(team.PairingTime ?? TeamSchedule.DefaultPairingTime)} ({team.TimeZone})";

    public static string CelebrationText(TeamRecord team) => team.CelebrationDay is { } day
        ? $"{day} at {Clock(team.CelebrationTime ?? TeamSchedule.DefaultCelebrationTime)} ({team.TimeZone})"
        : "off";

    private static string Clock(TimeOnly time) => time.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    private static string Shorten(string text) => text.Length <= MaxLineLength ? text : text[..(MaxLineLength - 1)] + "…";
}
