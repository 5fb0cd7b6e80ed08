using System.Globalization;
using RolePlay.Core.Cards;
using RolePlay.Core.Chat;
using RolePlay.Core.Content;
using RolePlay.Core.Storage;
using Inputs = RolePlay.Core.Chat.CardVerbs.Inputs;

namespace RolePlay.Core.PeerCoaching;

/// <summary>The peer coaching cards: the invitation to review, the checklist itself (a form: an Adaptive Card in Teams
/// and the studio, a modal in Slack), and the review as the learner receives it beside the rubric's view.</summary>
public static class ChecklistCards
{
    public const int MaxLineLength = 280;

    private static readonly Choice[] Answers =
    [
        new("Yes", WireName.Of(ChecklistAnswer.Yes)),
        new("Partly", WireName.Of(ChecklistAnswer.Partly)),
        new("No", WireName.Of(ChecklistAnswer.No)),
    ];

    /// <summary>An invitation to one reviewer; <paramref name="lines"/> are the practice's lines when the reviewer did not
    /// watch it (a buddy).</summary>
    public static Card Invitation(ReviewRequest request, IReadOnlyList<string> lines)
    {
        var body = new List<CardElement>
        {
            new TextBlock($"{request.LearnerName} would like your peer coaching checklist on their practice “{request.ScenarioTitle}”. " +
                          "It takes a couple of minutes: say what you saw, kindly and specifically."),
        };
        body.AddRange(lines.Select(l => new TextBlock(l, TextStyle.Quote)));
        return new Card("review.invite", "Peer coaching checklist", body, [Open(request, "Open the checklist")]);
    }

    public static SubmitAction Open(ReviewRequest request, string title) =>
        new(title, CardVerbs.ReviewOpen, Keys(request), ActionStyle.Positive);

    public static SubmitAction Withdraw(ReviewRequest request) =>
        new("Withdraw (author only)", CardVerbs.ShareWithdraw, Keys(request), ActionStyle.Destructive);

    /// <summary>The checklist: each behaviour yes / partly / no, then what landed (required, first) and what to try next.</summary>
    public static Card Form(PeerChecklist checklist, ReviewRequest request)
    {
        var body = new List<CardElement>
        {
            new TextBlock($"Your checklist for {request.LearnerName} on “{request.ScenarioTitle}”. Answer from what you saw in the chat, not how you'd have done it."),
        };
        body.AddRange(checklist.Behaviours.Select(b => new ChoiceInput(Inputs.ChecklistPrefix + b.Id, b.Text, Answers, Required: true)));
        body.Add(new TextInput(Inputs.Landed, "What landed: one thing they did that worked", "Quote them if you can", MaxLength: MaxLineLength, Required: true));
        body.Add(new TextInput(Inputs.TryNext, "Try next time: one small thing (optional)", MaxLength: MaxLineLength));
        return new Card("review.form", checklist.Title, body, [new SubmitAction($"Send to {request.LearnerName}", CardVerbs.ReviewSubmit, Keys(request), ActionStyle.Positive)]);
    }

    /// <summary>The review as the learner gets it: each behaviour with the peer's answer and the rubric's beside it.</summary>
    public static Card Received(PeerChecklist? checklist, PeerReview review, string scenarioTitle)
    {
        var facts = (checklist?.Behaviours.Select(b => (b.Id, b.Text)) ?? review.Answers.Keys.Select(k => (k, k)))
            .Where(b => review.Answers.ContainsKey(b.Item1))
            .Select(b => new Fact(b.Item2, $"{review.ReviewerName}: {Say(review.Answers[b.Item1])} · rubric: {Say(review.Engine.GetValueOrDefault(b.Item1))}"))
            .ToList();
        var body = new List<CardElement>
        {
            new TextBlock($"{review.ReviewerName} reviewed your practice “{scenarioTitle}” ({Describe(review.Source)})."),
            new FactSet(facts),
            new TextBlock($"What landed: {review.Landed}", TextStyle.Quote),
        };
        if (review.TryNext is { } next)
        {
            body.Add(new TextBlock($"Try next time: {next}", TextStyle.Quote));
        }

        body.Add(new TextBlock("Where your peer and the rubric differ is worth a look: the rubric reads only the words, your peer saw the whole practice.", TextStyle.Subtle));
        var week = DateOnly.FromDateTime(review.AtUtc.UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var data = new Dictionary<string, string> { [Inputs.Team] = review.TeamId, [Inputs.Review] = review.ReviewId, [Inputs.Week] = week };
        return new Card("review.received", $"Peer checklist from {review.ReviewerName}", body,
            review.Helpful ? [] : [new SubmitAction("This helped", CardVerbs.ReviewHelpful, data, ActionStyle.Positive)]);
    }

    public static string Say(ChecklistAnswer? answer) => answer switch
    {
        ChecklistAnswer.Yes => "yes",
        ChecklistAnswer.Partly => "partly",
        ChecklistAnswer.No => "no",
        _ => "didn't come up",
    };

    private static string Describe(ReviewSource source) => source switch
    {
        ReviewSource.Observer => "as an observer",
        ReviewSource.Shared => "from the practice you shared",
        _ => "as your buddy",
    };

    private static Dictionary<string, string> Keys(ReviewRequest request) =>
        new() { [Inputs.Team] = request.TeamId, [Inputs.Request] = request.RequestId };
}
