using System.Globalization;
using RolePlay.Core.Cards;
using RolePlay.Core.Chat;
using RolePlay.Core.Clips;
using RolePlay.Core.CueStrips;
using RolePlay.Core.Routing;
using RolePlay.Core.Storage;
using Inputs = RolePlay.Core.Chat.CardVerbs.Inputs;

namespace RolePlay.Core.Routines;

/// <summary>The team routines' cards, authored once for every channel.</summary>
public static class TeamRoutineCards
{
    /// <summary>What a check-in answer can say; the wire names are the choice values.</summary>
    public enum CheckInOutcome { Kept, Partly, NotYet }

    public const int MaxCelebrationPhrases = 5;

    public static Card Standup(string prompt) => new(
        "routine.standup",
        "60-second standup",
        [
            new TextBlock(prompt, TextStyle.Heading),
            new TextBlock("Answer in this thread — one line is plenty.", TextStyle.Subtle),
        ],
        []);

    public static Card EndOfShift() => new(
        "routine.phrase",
        "End of shift",
        [
            new TextBlock("Before you go: log one phrase that unlocked a customer today."),
            new TextInput(Inputs.Phrase, "The phrase, as you said it", "“That sounds really frustrating — let's fix it together.”",
                Multiline: true, MaxLength: CommonCards.MaxReflectionLength, Required: true),
            new TextBlock("It goes into your team's phrase library, with your name.", TextStyle.Subtle),
            new TextBlock($"Said it well? Send me a voice clip of it too (up to {ClipLimits.MaxSeconds} seconds): I'll ask who may hear it before I keep it.",
                TextStyle.Subtle),
        ],
        [new SubmitAction("Log it", CardVerbs.LogPhrase, ActionStyle.Positive)]);

    /// <param name="listens">True when this person is the round's listener (gives feedback), false when they lead.</param>
    public static Card Buddy(int roundNumber, IReadOnlyList<string> buddyNames, bool listens, bool trio)
    {
        var names = string.Join(" and ", buddyNames);
        var body = new List<CardElement>
        {
            new TextBlock(trio
                ? $"This round you're a trio with {names}: the team is odd, so three of you practise together."
                : $"Your practice buddy this round is {names}."),
            new TextBlock(listens
                ? "You listen first: ask how their last practice went and share one phrase that landed."
                : "You lead first: tell them about a call or a practice, and ask which phrase landed."),
            new TextBlock("Fifteen minutes this week is enough. Your buddy will also check in on your next commitment.", TextStyle.Subtle),
        };
        return new Card("routine.buddy", $"Buddy round {roundNumber}", body, []);
    }

    public static Card NoBuddy(int roundNumber) => new(
        "routine.buddy",
        $"Buddy round {roundNumber}",
        [new TextBlock("No buddy for you this round: everyone available is someone you (or they) asked not to be paired with. You'll be in the next round.")],
        []);

    /// <param name="learnerName">Null when the card goes to the learner themselves.</param>
    public static Card CheckIn(CommitmentRecord commitment, string? learnerName) => new(
        "routine.checkin",
        "Buddy check-in",
        [
            new TextBlock(learnerName is null
                ? $"A week ago you committed to: “{commitment.Text}”. How did it go?"
                : $"A week ago {learnerName} committed to: “{commitment.Text}”. How did it go, from what you saw?"),
            new ChoiceInput(Inputs.CheckInOutcome, "It was…",
            [
                new Choice("Kept", WireName.Of(CheckInOutcome.Kept)),
                new Choice("Partly", WireName.Of(CheckInOutcome.Partly)),
                new Choice("Not yet", WireName.Of(CheckInOutcome.NotYet)),
            ], Required: true),
            new TextInput(Inputs.CheckInNote, "A note (optional)", Multiline: true, MaxLength: CommonCards.MaxReflectionLength),
        ],
        [
            new SubmitAction("Send", CardVerbs.CheckIn, new Dictionary<string, string>
            {
                [Inputs.Learner] = commitment.Person.UserId,
                [Inputs.CommitmentId] = commitment.CommitmentId,
            }, ActionStyle.Positive),
        ]);

    /// <summary>The cue cards the captain picks the week's cue from (in the team's language), the one picked already if
    /// any, and the team's strip sheet when the bot has a public address to link to.</summary>
    public sealed record CaptainCues(string TeamId, IReadOnlyList<Choice> Choices, string? Picked, Uri? Sheet);

    public static Card Captain(string captainName, DateOnly weekMonday, CaptainCues cues)
    {
        ArgumentNullException.ThrowIfNull(cues);
        var actions = new List<CardAction>
        {
            new SubmitAction("Pick the cue of the week", CueOfTheWeek.PickVerb, new Dictionary<string, string>
            {
                [Inputs.Team] = cues.TeamId,
                [Inputs.Week] = CueOfTheWeek.WeekValue(weekMonday),
            }, ActionStyle.Positive),
        };
        if (cues.Sheet is { } sheet)
        {
            actions.Add(new OpenUrlAction("Print the cue strips", sheet));
        }

        return new(
            "routine.captain",
            "Practice captain",
            [
                new TextBlock($"{captainName} is this week's practice captain (week of {weekMonday.ToString("d MMMM", CultureInfo.InvariantCulture)})."),
                new TextBlock("The captain opens one practice for the team, cheers on the standup thread and picks the cue of the week: " +
                              "it goes first on the team's keyboard strips. Next week it's someone else's turn.", TextStyle.Subtle),
                new ChoiceInput(CueOfTheWeek.CueInput, "Cue of the week", cues.Choices, Value: cues.Picked, Required: true),
            ],
            actions);
    }

    public sealed record CelebrationContent(
        DateOnly WeekMonday,
        IReadOnlyList<(string Name, int Count)> Recognitions,
        IReadOnlyList<(string Name, int Count)> EmpathyWins,
        IReadOnlyList<(string Text, string Author, string? Behaviour)> Phrases)
    {
        public bool IsEmpty => Recognitions.Count == 0 && EmpathyWins.Count == 0 && Phrases.Count == 0;
    }

    public static Card Celebration(CelebrationContent week)
    {
        var body = new List<CardElement>
        {
            new TextBlock($"Week of {week.WeekMonday.ToString("d MMMM", CultureInfo.InvariantCulture)}: thank you, all.", TextStyle.Heading),
        };
        if (week.Recognitions.Count > 0)
        {
            body.Add(new FactSet([new Fact("Recognised for peer feedback", Counted(week.Recognitions))]));
        }

        if (week.EmpathyWins.Count > 0)
        {
            body.Add(new FactSet([new Fact("Empathy wins", Counted(week.EmpathyWins))]));
        }

        if (week.Phrases.Count > 0)
        {
            body.Add(new TextBlock("Phrases that unlocked a customer:"));
            body.AddRange(week.Phrases.Select(p => new TextBlock(
                $"“{p.Text}” — {p.Author}{(p.Behaviour is null ? "" : $" ({p.Behaviour.Replace('_', ' ')})")}", TextStyle.Quote)));
        }

        return new Card("routine.celebration", "This week's empathy wins", body, []);
    }

    private static string Counted(IReadOnlyList<(string Name, int Count)> people) =>
        string.Join(", ", people.Select(p => p.Count > 1 ? $"{p.Name} ×{p.Count}" : p.Name));
}
