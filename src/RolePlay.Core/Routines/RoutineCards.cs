using System.Globalization;
using RolePlay.Core.Cards;
using RolePlay.Core.Chat;
using RolePlay.Core.Practice;
using Inputs = RolePlay.Core.Chat.CardVerbs.Inputs;

namespace RolePlay.Core.Routines;

/// <summary>The cards routines send, authored once for every channel.</summary>
public static class RoutineCards
{
    /// <summary>The daily prompt: an invitation to a 3-minute role-play (or a warm-up for someone who practised in the
    /// last day), one tap to start it.</summary>
    public static Card DailyPrompt(PracticeSuggestion suggestion, Intensity intensity)
    {
        var skill = SkillText(suggestion.Skill);
        var start = new SubmitAction("Start (3 minutes)", CardVerbs.Start, new Dictionary<string, string>
        {
            [Inputs.Scenario] = suggestion.Scenario.Id,
            [Inputs.Intensity] = WireName.Of(intensity),
        }, ActionStyle.Positive);
        var body = new List<CardElement>();
        if (suggestion.WarmUp is { } warmUp)
        {
            body.Add(new TextBlock("Warm-up", TextStyle.Heading));
            body.Add(new TextBlock(warmUp.Prompt));
            body.Add(new TextBlock($"When you have three minutes: {suggestion.Scenario.Title}, with {suggestion.Persona.Name}.", TextStyle.Subtle));
        }
        else
        {
            body.Add(new TextBlock($"Today's customer: {suggestion.Persona.Name} — {suggestion.Scenario.Title}."));
            body.Add(new TextBlock($"A chance to practise {skill}."));
        }

        body.Add(new TextBlock("Pause or stop any time; nothing is scored if you do.", TextStyle.Subtle));
        return new Card(suggestion.WarmUp is null ? "routine.daily_prompt" : "routine.warm_up",
            suggestion.WarmUp is null ? "Three minutes of practice?" : "Today's warm-up",
            body,
            [start, new SubmitAction("Settings", CardVerbs.OpenSettings)]);
    }

    /// <summary>"Still want daily prompts?" — asked every few weeks; no answer means keep.</summary>
    public static Card ConsentCheck() => new(
        "routine.consent_check",
        "Still want daily prompts?",
        [
            new TextBlock("You've had daily practice prompts for a while. Are they still welcome?"),
            new TextBlock("If you don't answer, nothing changes.", TextStyle.Subtle),
        ],
        [
            new SubmitAction("Keep them", CardVerbs.ConsentKeep, ActionStyle.Positive),
            new SubmitAction("Pause a week", CardVerbs.ConsentPauseWeek),
            new SubmitAction("Stop", CardVerbs.ConsentStop, ActionStyle.Destructive),
        ]);

    /// <summary>What managers see for "routines status": each routine's last run and what it sent.</summary>
    public static Card Status(IReadOnlyList<RoutineRunRecord> runs)
    {
        var facts = runs.OrderBy(r => r.Routine)
            .Select(r => new Fact(WireName.Of(r.Routine).Replace('_', ' '),
                $"last run {r.LastRunUtc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC: {r.Summary}"))
            .ToArray();
        return new Card(
            "routines.status",
            "Routines",
            facts.Length == 0
                ? [new TextBlock("No routine has had anything to send here yet.")]
                : [new FactSet(facts), new TextBlock("Run one now: “routines run <name>”, e.g. “routines run daily_prompt”.", TextStyle.Subtle)],
            []);
    }

    private static string SkillText(RubricCriterion skill) => skill switch
    {
        RubricCriterion.ActiveListening => "naming what the customer feels",
        RubricCriterion.AlignmentWithValues => "holding a boundary without blame",
        RubricCriterion.ClarityOfSummary => "summing up what you heard",
        _ => "shaping the next step together",
    };
}
