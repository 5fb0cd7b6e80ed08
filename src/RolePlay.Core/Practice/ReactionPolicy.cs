using RolePlay.Core.Content;
using RolePlay.Core.Detection;

namespace RolePlay.Core.Practice;

/// <summary>What the engine made of one agent message: which behaviours actually landed with this customer, how
/// the customer reacts, and the fact they reveal (if any).</summary>
internal readonly record struct TurnDecision(Behaviour Landed, Reaction Reaction, HiddenFact? Fact, bool BlamedPolicy);

/// <summary>Decides the customer's reaction from the detected behaviours and the state, before the state moves.</summary>
internal static class ReactionPolicy
{
    public const Behaviour Harmful = Behaviour.Blame | Behaviour.Dismissive;
    public const Behaviour Solutions = Behaviour.NextStep | Behaviour.Collaboration | Behaviour.Boundary;
    public const Behaviour Acknowledging = Behaviour.Empathy | Behaviour.Summary | Behaviour.Confirmation;

    /// <summary>After this many pushes the customer stops asking for the exception and reacts to the turn itself.</summary>
    private const int MaxExceptionPushes = 2;

    public static TurnDecision Decide(SessionState state, ScenePlan plan, Behaviour labels, string agentText)
    {
        var persona = plan.Persona;
        var landed = Landed(state, persona, labels);
        var blamedPolicy = plan.HasFixedPolicy && (state.ExceptionPending || (labels & Behaviour.Boundary) != 0);

        if ((landed & Behaviour.Blame) != 0)
        {
            return new(landed, Reaction.Blamed, null, blamedPolicy);
        }

        if ((landed & Behaviour.Dismissive) != 0)
        {
            return new(landed, Reaction.Dismissed, null, false);
        }

        if ((landed & Behaviour.Boundary) != 0)
        {
            // A boundary works when the customer feels heard or is offered an alternative.
            var cushioned = state.FeelingNamed || (landed & (Behaviour.Empathy | Behaviour.NextStep | Behaviour.Collaboration)) != 0;
            return new(landed, cushioned ? Reaction.BoundaryAccepted : Reaction.BoundaryPushback, null, false);
        }

        var blocked = labels & ~landed;
        if ((blocked & Solutions) != 0 && persona.NeedsFeelingNamedFirst)
        {
            return new(landed, Reaction.RepeatsFeeling, null, false);
        }

        if ((blocked & Behaviour.NextStep) != 0)
        {
            return new(landed, Reaction.Unheard, null, false);
        }

        var boundaryAccepted = state.SuccessTurns.ContainsKey(SuccessCriterion.BoundaryWithoutBlame);
        if (plan.HasFixedPolicy && !boundaryAccepted && state.ExceptionPushes < MaxExceptionPushes &&
            (state.ExceptionPending || state.Turn >= 2 || (landed & (Behaviour.NextStep | Behaviour.Collaboration)) != 0))
        {
            return new(landed, Reaction.ExceptionPush, null, false);
        }

        if ((landed & Behaviour.Empathy) != 0 && !state.FeelingNamed)
        {
            // Feeling heard comes first, and an open question asked in the same breath still draws out a fact.
            var told = (landed & Behaviour.OpenQuestion) != 0 ? NextFact(state, persona, agentText) : null;
            return new(landed, Reaction.FeelingNamed, told, false);
        }

        if ((landed & Behaviour.OpenQuestion) != 0)
        {
            var fact = NextFact(state, persona, agentText);
            if (fact is not null)
            {
                return new(landed, Reaction.OpensUp, fact, false);
            }
        }

        var reaction = landed switch
        {
            _ when (landed & Behaviour.NextStep) != 0 => Reaction.NextStepAccepted,
            _ when (landed & (Behaviour.Summary | Behaviour.Confirmation)) != 0 => Reaction.SummaryConfirmed,
            _ when (landed & Behaviour.Collaboration) != 0 => Reaction.CollaborationWelcomed,
            _ when (landed & Behaviour.Empathy) != 0 => Reaction.FeelingNamed,
            _ when (landed & Behaviour.OpenQuestion) != 0 => Reaction.OpensUp,
            _ when !state.FeelingNamed => Reaction.RepeatsFeeling,
            _ => Reaction.Unheard,
        };
        return new(landed, reaction, null, false);
    }

    /// <summary>Harm sours everything said with it; solutions do not land with a customer who needs their feeling
    /// named first, nor a next step during an outage nobody has acknowledged.</summary>
    private static Behaviour Landed(SessionState state, Persona persona, Behaviour labels)
    {
        if ((labels & Harmful) != 0)
        {
            return labels & Harmful;
        }

        var landed = labels;
        var feelingNamed = state.FeelingNamed || (labels & Behaviour.Empathy) != 0;
        if (persona.NeedsFeelingNamedFirst && !feelingNamed)
        {
            landed &= ~Solutions;
        }

        var outageAcknowledged = state.OutageAcknowledged || (labels & Acknowledging) != 0;
        if (state.OutageActive && !outageAcknowledged)
        {
            landed &= ~Behaviour.NextStep;
        }

        return landed;
    }

    /// <summary>The fact whose topic words appear in the question, else the next one not yet revealed.</summary>
    private static HiddenFact? NextFact(SessionState state, Persona persona, string agentText)
    {
        HiddenFact? firstUnrevealed = null;
        foreach (var fact in persona.Facts)
        {
            if (state.RevealedFacts.Contains(fact.Id))
            {
                continue;
            }

            firstUnrevealed ??= fact;
            foreach (var topic in fact.Topics)
            {
                if (TextMatch.ContainsWord(agentText, topic))
                {
                    return fact;
                }
            }
        }

        return firstUnrevealed;
    }
}

internal static class TextMatch
{
    /// <summary>Whether <paramref name="word"/> occurs in <paramref name="text"/> as a whole word (or phrase),
    /// ignoring case: "car" does not match "care".</summary>
    public static bool ContainsWord(string text, string word)
    {
        if (word.Length == 0)
        {
            return false;
        }

        var start = 0;
        while (start <= text.Length - word.Length)
        {
            var index = text.IndexOf(word, start, StringComparison.OrdinalIgnoreCase);
            if (index < 0)
            {
                return false;
            }

            var end = index + word.Length;
            var boundedLeft = index == 0 || !char.IsLetterOrDigit(text[index - 1]);
            var boundedRight = end == text.Length || !char.IsLetterOrDigit(text[end]);
            if (boundedLeft && boundedRight)
            {
                return true;
            }

            start = index + 1;
        }

        return false;
    }
}
