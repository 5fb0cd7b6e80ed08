using RolePlay.Core.Content;
using RolePlay.Core.Detection;
using RolePlay.Core.Practice.Reading;

namespace RolePlay.Core.Practice;

/// <summary>What the engine made of one agent message: which behaviours landed with this customer (and how much,
/// <see cref="Weight"/>), the act the customer answers, and what they tell in reply.</summary>
internal sealed record TurnDecision(Behaviour Landed, Reaction Reaction, double Weight = 1.0)
{
    public HiddenFact? Fact { get; init; }
    /// <summary>The customer's own words to say (a detail, a channel they cannot use, the worry a summary missed).</summary>
    public IReadOnlyList<string>? Told { get; init; }
    public IReadOnlyDictionary<string, string>? Slots { get; init; }
    public bool BlamedPolicy { get; init; }
}

/// <summary>Decides how the customer answers one agent message, before the state moves. The customer answers the
/// act that matters most to them in it: harm first, then being talked past (a repeat, a recital, a plan they
/// cannot use, jargon, a wall of text), then what the agent asked or proposed, then what it acknowledged.</summary>
internal static class ReactionPolicy
{
    public const Behaviour Harmful = Behaviour.Blame | Behaviour.Dismissive;
    public const Behaviour Solutions = Behaviour.NextStep | Behaviour.Collaboration | Behaviour.Boundary;
    public const Behaviour Acknowledging = Behaviour.Empathy | Behaviour.Summary | Behaviour.Confirmation;

    /// <summary>Moves that land in a message that is too long or full of jargon for this customer land by half.</summary>
    private const double HardToRead = 0.5;

    /// <summary>A generic but relevant message moves a customer less than one about their situation.</summary>
    private const double Unspecific = 0.6;

    private static readonly string[] Acknowledgements = ["Okay.", "Right.", "Okay, go on."];

    private static readonly string[] NothingMore = ["That's everything, really.", "That's all of it.", "Nothing else, no."];

    public static TurnDecision Decide(SessionState state, ScenePlan plan, TurnReading r)
    {
        var persona = plan.Persona;
        var landed = Landed(state, plan, r);
        var weight = (r.Responsive ? 1.0 : Unspecific) * (r.Long || Struggles(persona, r) ? HardToRead : 1.0);
        var blamedPolicy = plan.HasFixedPolicy && (state.Refused || r.Refusal);

        if (r.Has(Behaviour.Blame))
        {
            return new(landed, Reaction.Blamed, weight) { BlamedPolicy = blamedPolicy };
        }

        if (r.Has(Behaviour.Dismissive))
        {
            // Rushed, a customer who needs time says so: the harm lands all the same.
            return new(landed, persona.Needs.Pace == Pace.Unhurried && r.Rushed ? Reaction.NeedsTime : Reaction.Dismissed, weight);
        }

        if (r.Repeated)
        {
            return new(Behaviour.None, Reaction.Repeated, 0);
        }

        if (r.Recital)
        {
            return new(Behaviour.None, r.Has(Behaviour.Empathy) && state.FeelingNamed ? Reaction.Canned : Reaction.Unheard, 0);
        }

        if (r.PlanBlockedBy is { } limit)
        {
            return new(landed & ~Behaviour.NextStep, Reaction.Tells, weight) { Told = limit.Says };
        }

        if (Struggles(persona, r))
        {
            return new(landed, Reaction.AsksJargon, weight) { Slots = Slot("term", r.Jargon!) };
        }

        if (r.TooLong)
        {
            return new(landed, Reaction.TooLong, weight);
        }

        if (r.Summary == SummaryCheck.Wrong && r.SummaryContradiction is var (said, wrong))
        {
            return new(landed, Reaction.CorrectsSummary, weight)
            {
                Slots = new Dictionary<string, string> { ["said"] = said, ["wrong"] = wrong },
            };
        }

        // A closed question gets the detail; an open one gets their story (below).
        if (r.Detail is { } detail && !(r.AsksTheirStory && r.Has(Behaviour.OpenQuestion) && r.Fact is not null))
        {
            return new(landed, Reaction.Tells, weight) { Told = detail.Says };
        }

        if (r.Choice is { } choice)
        {
            return persona.Choices.Prefers.Count == 0 && persona.Choices.Avoids.Count == 0 && choice.Options.Count > 2
                ? new(landed, Reaction.AsksAboutChoice, weight)
                : new(landed, Reaction.AnswersChoice, weight) { Slots = Slot("choice", ChoiceOffer.InCustomersWords(choice.PickFor(persona.Choices))) };
        }

        if (r.Refusal && plan.HasFixedPolicy && !state.SuccessTurns.ContainsKey(SuccessCriterion.BoundaryWithoutBlame))
        {
            // A limit is taken when the customer feels heard or is offered something instead.
            var cushioned = state.FeelingNamed || (landed & (Behaviour.Empathy | Behaviour.NextStep | Behaviour.Collaboration)) != 0;
            return cushioned
                ? new(landed | Behaviour.Boundary, Reaction.BoundaryAccepted, weight)
                : new(landed, state.Refused ? Reaction.ExceptionPush : Reaction.BoundaryPushback, weight);
        }

        if (r.VaguePromise && !state.PlanAgreed)
        {
            return new(landed, Reaction.WantsSpecifics, weight);
        }

        var blocked = r.Labels & ~landed & ~Harmful;
        if ((blocked & Solutions) != 0 && persona.NeedsFeelingNamedFirst)
        {
            return new(landed, Reaction.RepeatsFeeling, weight);
        }

        if ((blocked & Behaviour.NextStep) != 0)
        {
            return new(landed, Reaction.Unheard, weight);
        }

        if ((landed & Behaviour.NextStep) != 0)
        {
            return state.PlanAgreed ? new(landed, Reaction.PlanHolds, weight)
                : r.PlanWhen is { } when ? new(landed, Reaction.PlanEcho, weight) { Slots = Slot("when", when) }
                : new(landed, Reaction.NextStepAccepted, weight);
        }

        if (r.Summary == SummaryCheck.MissesWorry)
        {
            return new(landed, Reaction.Tells, weight) { Told = persona.Worry!.Says };
        }

        if (r.Summary == SummaryCheck.Accurate)
        {
            return new(landed, Reaction.SummaryConfirmed, weight);
        }

        if (r.DisclosesOutage && !state.OutageAcknowledged)
        {
            return new(landed, Reaction.OutageDisclosed, weight);
        }

        if ((landed & Behaviour.Empathy) != 0 && !state.FeelingNamed)
        {
            // Feeling heard comes first; an open question asked in the same breath still draws out a fact.
            return new(landed, Reaction.FeelingNamed, weight) { Fact = r.Fact };
        }

        if (r.AsksTheirStory)
        {
            return r.Fact is { } fact
                ? new(landed, Reaction.OpensUp, weight) { Fact = fact }
                : new(landed, Reaction.Tells, weight) { Told = NothingMore };
        }

        if (r.OffTopic)
        {
            return new(landed & ~Behaviour.OpenQuestion, Reaction.OffTopic, weight);
        }

        if ((landed & Behaviour.Collaboration) != 0)
        {
            return new(landed, Reaction.CollaborationWelcomed, weight);
        }

        if ((landed & Behaviour.Empathy) != 0 && r.EmpathyNamesTheirs)
        {
            return new(landed, Reaction.FeelingNamed, weight);
        }

        if (state.PlanAgreed)
        {
            return new(landed, Reaction.PlanHolds, weight);
        }

        if (r.Responsive && (landed & ~Behaviour.Empathy) == Behaviour.None && NextUntold(state, plan) is { } volunteered)
        {
            // Talked to about their own situation, a customer goes on with their story, unprompted.
            return new(landed, Reaction.OpensUp, weight) { Fact = volunteered };
        }

        if (r.Has(Behaviour.Empathy))
        {
            return new(landed, Reaction.Canned, weight);
        }

        if (r.Responsive)
        {
            // About their situation but asking nothing of them: they take it in and wait for more.
            var leads = state.Frustration >= MoodModel.TenseFrom ? persona.Leads.Tense : persona.Leads.Easing;
            return new(landed, Reaction.Tells, weight) { Told = leads.Count > 0 ? leads : Acknowledgements };
        }

        if (persona.Needs.Pace == Pace.Unhurried && r.Rushed)
        {
            return new(landed, Reaction.NeedsTime, weight);
        }

        if (persona.Needs.Pace == Pace.Unhurried && r.Plain && r.Responsive)
        {
            return new(landed, Reaction.PlainThanks, weight);
        }

        return new(landed, state.FeelingNamed ? Reaction.Unheard : Reaction.RepeatsFeeling, weight);
    }

    /// <summary>Harm sours everything said with it; a repeat or a recital lands nothing; solutions do not land with
    /// a customer who needs their feeling named first, a next step not during an outage nobody has acknowledged
    /// nor when it needs a channel the customer cannot use; a summary of nothing, or a wrong one, is no summary;
    /// stock sympathy after the first wears off.</summary>
    private static Behaviour Landed(SessionState state, ScenePlan plan, TurnReading r)
    {
        if (r.Repeated || r.Recital)
        {
            return r.Labels & Harmful;
        }

        var landed = r.Labels;
        if ((landed & Harmful) != 0)
        {
            return landed;
        }

        var feelingNamed = state.FeelingNamed || (landed & Behaviour.Empathy) != 0;
        if (plan.Persona.NeedsFeelingNamedFirst && !feelingNamed)
        {
            landed &= ~Solutions;
        }

        var outageAcknowledged = state.OutageAcknowledged || r.DisclosesOutage || (landed & Acknowledging) != 0;
        if (state.OutageActive && !outageAcknowledged)
        {
            landed &= ~Behaviour.NextStep;
        }

        if (r.PlanBlockedBy is not null)
        {
            landed &= ~Behaviour.NextStep;
        }

        if (r.Summary is SummaryCheck.Empty or SummaryCheck.Wrong)
        {
            landed &= ~Behaviour.Summary;
        }

        if ((landed & Behaviour.Empathy) != 0 && !r.EmpathyNamesTheirs && state.StockEmpathy > 0)
        {
            landed &= ~Behaviour.Empathy;
        }

        if (r.OffTopic)
        {
            landed &= ~Behaviour.OpenQuestion;
        }

        return landed;
    }

    private static HiddenFact? NextUntold(SessionState state, ScenePlan plan) =>
        plan.Persona.Facts.FirstOrDefault(f => !state.RevealedFacts.Contains(f.Id));

    private static bool Struggles(Persona persona, TurnReading r) =>
        r.Jargon is not null && persona.Needs.Jargon == JargonTolerance.Struggles;

    private static Dictionary<string, string> Slot(string name, string value) => new() { [name] = value };
}
