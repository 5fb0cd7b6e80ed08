using RolePlay.Core.Content;
using RolePlay.Core.Detection;
using RolePlay.Core.Practice.Reading;

namespace RolePlay.Core.Practice;

/// <summary>Spots the moments an agent missed and says which cue card to show: at most one a turn, each at most once
/// per session; blame is the exception: every new blame earns the nudge again.</summary>
internal static class CoachRules
{
    /// <summary>The coach waits this many turns for an open question before nudging.</summary>
    public const int OpenQuestionByTurn = 3;

    /// <summary>A feeling voiced this many times without being named is a missed moment.</summary>
    public const int FeelingVoicedLimit = 2;

    /// <summary>The moments this turn missed. A nudge never asks for what the agent just did.</summary>
    public static void Check(SessionState state, ScenePlan plan, TurnReading reading, TurnDecision decision, List<CueTrigger> due)
    {
        if (reading.Has(Behaviour.Blame))
        {
            due.Add(CueTrigger.Blame);
        }

        if (reading.Has(Behaviour.Dismissive))
        {
            AddOnce(state, CueTrigger.Dismissive, due);
        }

        if (reading.Repeated || reading.Recital)
        {
            AddOnce(state, CueTrigger.NotListening, due);
        }

        if (!state.FeelingNamed && state.FeelingVoicedUnnamed >= FeelingVoicedLimit && !reading.Has(Behaviour.Empathy))
        {
            AddOnce(state, CueTrigger.FeelingUnnamed, due);
        }

        if (!state.OpenQuestionAsked && state.Turn >= OpenQuestionByTurn && !reading.AsksTheirStory &&
            state.RevealedFacts.Count < plan.Persona.Facts.Count)
        {
            AddOnce(state, CueTrigger.NoOpenQuestion, due);
        }

        // "Near the end" is when one turn is left: late enough to matter, early enough to act on.
        if (state.Turn == plan.TurnBudget - 1 && !state.SuccessTurns.ContainsKey(SuccessCriterion.AgreedNextStep) &&
            plan.Requires(SuccessCriterion.AgreedNextStep) && (decision.Landed & Behaviour.NextStep) == 0)
        {
            AddOnce(state, CueTrigger.NoNextStep, due);
        }

        // One nudge a turn, the most pressing (harm, then not listening, then what is still missing): a coach who
        // says three things at once is not heard. The others stay due and may show on a later turn.
        if (due.Count > 1)
        {
            due.RemoveRange(1, due.Count - 1);
        }

        foreach (var trigger in due)
        {
            state.CuesShown.Add(trigger);
        }
    }

    /// <summary>Which moment was missed, said before the cue card so the agent knows why the coach speaks.</summary>
    public static string Why(CueTrigger trigger, SessionState state, ScenePlan plan)
    {
        var name = plan.Persona.Name.Split(' ')[0];
        return trigger switch
        {
            CueTrigger.FeelingUnnamed => $"Missed moment: {name} has told you how this feels and nobody has named it yet.",
            CueTrigger.NoOpenQuestion => $"Missed moment: {state.Turn} turns in, and no open question about {name}'s situation yet.",
            CueTrigger.NoNextStep => "Missed moment: one turn left and no next step agreed.",
            CueTrigger.Blame => "That message put the fault on someone instead of owning what you can do.",
            CueTrigger.Dismissive => $"That message brushed {name}'s concern aside.",
            CueTrigger.NotListening => LastCustomerLine(state) is { } said
                ? $"Missed moment: {name} said \"{said}\", and your message did not answer it."
                : $"Missed moment: your message did not answer anything {name} said.",
            _ => "",
        };
    }

    /// <summary>The customer's last words before the agent's latest message, as the agent read them (styled, or in a
    /// model's words): the coach quotes what was on the screen. Nothing reads the coach's line back.</summary>
    private static string? LastCustomerLine(SessionState state)
    {
        var agentSeen = false;
        for (var i = state.Transcript.Count - 1; i >= 0; i--)
        {
            var utterance = state.Transcript[i];
            if (utterance.Speaker == Speaker.Agent)
            {
                agentSeen = true;
            }
            else if (agentSeen && utterance is { Speaker: Speaker.Customer, Seen.Length: > 0 })
            {
                return utterance.Seen;
            }
        }

        return null;
    }

    private static void AddOnce(SessionState state, CueTrigger trigger, List<CueTrigger> due)
    {
        if (!state.CuesShown.Contains(trigger))
        {
            due.Add(trigger);
        }
    }
}

/// <summary>Finds the cue card text for a trigger: one of the catalog's cards for it (chosen by seed), else a
/// built-in card so the coach still speaks when a pack ships none.</summary>
internal sealed class CueDeck
{
    private readonly Dictionary<CueTrigger, CueCard[]> _byTrigger;
    private readonly IReadOnlyDictionary<string, CueCard> _byId;

    public CueDeck(IReadOnlyDictionary<string, CueCard> cards)
    {
        _byId = cards;
        _byTrigger = cards.Values
            .GroupBy(card => card.Trigger)
            .ToDictionary(group => group.Key, group => group.OrderBy(card => card.Id, StringComparer.Ordinal).ToArray());
    }

    public string TextFor(CueTrigger trigger, int seed, int turn)
    {
        if (_byTrigger.TryGetValue(trigger, out var cards) && cards.Length > 0)
        {
            return cards[StableRandom.Below(cards.Length, seed, turn, RandomPurpose.CueCard, (int)trigger)].Text;
        }

        return trigger switch
        {
            CueTrigger.FeelingUnnamed => "Name the feeling now: what is the customer feeling?",
            CueTrigger.NoOpenQuestion => "Ask one open question: what, how, or tell me more.",
            CueTrigger.Blame => "Drop the blame: own what you can do instead.",
            CueTrigger.Dismissive => "Slow down: take the customer's worry seriously.",
            CueTrigger.NoNextStep => "Agree one concrete next step before time runs out.",
            CueTrigger.NotListening => "Answer what they just said, in their words, before anything else.",
            _ => throw new ArgumentOutOfRangeException(nameof(trigger), trigger, "The coach has no card for this trigger."),
        };
    }

    /// <summary>A facilitator's cue: a card id from the catalog, else their own words.</summary>
    public string TextForInjected(string cueIdOrText) =>
        _byId.TryGetValue(cueIdOrText, out var card) ? card.Text : cueIdOrText.Trim();
}
