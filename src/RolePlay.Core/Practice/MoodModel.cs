using RolePlay.Core.Content;
using RolePlay.Core.Detection;

namespace RolePlay.Core.Practice;

/// <summary>How frustration and trust move: each behaviour that landed has a base effect, weighted by the persona's
/// sensitivity and scaled by intensity (high intensity starts angrier, recovers slower, and reacts harder to harm).</summary>
internal static class MoodModel
{
    public const double Max = 10;

    /// <summary>From this frustration the customer's tone is tense rather than easing.</summary>
    public const int TenseFrom = 6;

    /// <summary>From this frustration the customer is near the end of their patience (escalation comes at
    /// <see cref="Max"/>): it shows in how they write.</summary>
    public const int NearEscalationFrom = 8;

    /// <summary>Base (frustration, trust) effect of each behaviour for a neutral persona at medium intensity.</summary>
    private static readonly (Behaviour Behaviour, double Frustration, double Trust)[] Effects =
    [
        (Behaviour.Empathy, -1.5, 1.0),
        (Behaviour.OpenQuestion, -0.5, 0.5),
        (Behaviour.Summary, -1.0, 1.0),
        (Behaviour.Confirmation, -0.5, 0.5),
        (Behaviour.NextStep, -1.5, 1.0),
        (Behaviour.Boundary, 0.0, 0.5),
        (Behaviour.Collaboration, -1.0, 1.0),
        (Behaviour.Blame, 2.5, -2.0),
        (Behaviour.Dismissive, 2.0, -1.5),
    ];

    /// <summary>The most one message's helpful moves can ease frustration (and add trust) at medium intensity.</summary>
    private const double MaxTurnRelief = 3.0;

    /// <summary>A turn where nothing the customer needed landed still costs a little patience.</summary>
    private const double UnheardFrustration = 0.5;

    /// <summary>Blaming the policy while the customer is pushing for an exception makes it worse.</summary>
    private const double PolicyBlameFactor = 1.5;

    private const double OutageFrustration = 3.0;
    private const double OutageTrust = -1.0;

    public static (double Frustration, double Trust) Start(Mood persona, Intensity intensity)
    {
        var (frustration, trust) = intensity switch
        {
            Intensity.Low => (persona.Frustration - 1.0, persona.Trust + 1.0),
            Intensity.High => (persona.Frustration + 2.0, persona.Trust - 2.0),
            _ => (persona.Frustration, (double)persona.Trust),
        };
        return (Clamp(frustration), Clamp(trust));
    }

    public static double Recovery(Intensity intensity) => intensity switch
    {
        Intensity.Low => 1.25,
        Intensity.High => 0.6,
        _ => 1.0,
    };

    public static double Harm(Intensity intensity) => intensity switch
    {
        Intensity.Low => 0.75,
        Intensity.High => 1.5,
        _ => 1.0,
    };

    /// <summary>Moves that show the agent attended to the customer: beside them, a harsh clause hurts less.</summary>
    private const Behaviour Attentive = Behaviour.Empathy | Behaviour.Summary | Behaviour.OpenQuestion | Behaviour.NextStep;

    /// <summary>The same move again moves the customer less: the first time in full, then by half, a quarter, not at all.</summary>
    private static readonly double[] Diminishing = [1.0, 0.5, 0.25];

    /// <summary>What being talked past costs, on top of nothing landing: (frustration, trust).</summary>
    private static (double Frustration, double Trust) Friction(Reaction reaction) => reaction switch
    {
        Reaction.Repeated => (1.0, -0.5),
        Reaction.Unheard or Reaction.Canned => (0.5, -0.25),
        Reaction.OffTopic => (0.5, -0.25),
        Reaction.CorrectsSummary => (0.5, 0),
        Reaction.AsksJargon or Reaction.TooLong => (0.5, 0),
        Reaction.NeedsTime => (0.75, -0.25),
        Reaction.WantsSpecifics => (0.5, -0.25),
        Reaction.BoundaryPushback or Reaction.ExceptionPush => (0.5, 0),
        _ => (0, 0),
    };

    /// <summary>What answering this customer well adds, beyond the behaviours: (frustration, trust).</summary>
    private static (double Frustration, double Trust) Ease(Reaction reaction) => reaction switch
    {
        Reaction.PlainThanks => (-0.75, 0.5),
        Reaction.AnswersChoice => (-0.5, 0.5),
        Reaction.PlanEcho => (-0.5, 0.5),
        Reaction.SummaryConfirmed => (-0.25, 0.25),
        _ => (0, 0),
    };

    /// <summary>Moves the state by what landed this turn (harmful behaviours always land) and by how the customer
    /// took the message as a whole.</summary>
    public static void Apply(SessionState state, Persona persona, TurnDecision decision, bool responsive)
    {
        var intensity = state.Options.Intensity;
        var landed = decision.Landed;
        double frustration = 0, trust = 0, relief = 0, gain = 0;
        var anyHelpful = false;
        foreach (var (behaviour, baseFrustration, baseTrust) in Effects)
        {
            if ((landed & behaviour) == 0)
            {
                continue;
            }

            var weight = persona.Sensitivity.TryGetValue(behaviour, out var w) ? w : 1.0;
            var harmful = behaviour is Behaviour.Blame or Behaviour.Dismissive;
            var scale = harmful ? Harm(intensity) : Recovery(intensity) * decision.Weight * Fresh(state, behaviour);
            if (harmful && behaviour == Behaviour.Blame && decision.BlamedPolicy)
            {
                scale *= PolicyBlameFactor;
            }

            if (harmful && responsive && (landed & Attentive) != 0)
            {
                // One harsh clause in an otherwise attentive message hurts less than a harsh message.
                scale *= 0.5;
            }

            anyHelpful |= !harmful && weight * scale > 0;
            if (harmful)
            {
                frustration += baseFrustration * weight * scale;
                trust += baseTrust * weight * scale;
            }
            else
            {
                relief += baseFrustration * weight * scale;
                gain += baseTrust * weight * scale;
            }
            if (!harmful)
            {
                state.LandedCounts[behaviour] = state.LandedCounts.GetValueOrDefault(behaviour) + 1;
            }
        }

        // However many moves one message packs, it can only do so much: a customer warms up over turns, not at once.
        var cap = MaxTurnRelief * Recovery(intensity);
        frustration += Math.Max(relief, -cap);
        trust += Math.Min(gain, cap);
        var (eased, trusted) = Ease(decision.Reaction);
        frustration += eased * Recovery(intensity);
        trust += trusted * Recovery(intensity);
        var (rubbed, distrusted) = Friction(decision.Reaction);
        frustration += rubbed * Harm(intensity);
        trust += distrusted * Harm(intensity);
        if (!anyHelpful && eased == 0)
        {
            frustration += UnheardFrustration * Harm(intensity);
        }

        state.Frustration = Clamp(state.Frustration + frustration);
        state.Trust = Clamp(state.Trust + trust);
    }

    private static double Fresh(SessionState state, Behaviour behaviour)
    {
        var times = state.LandedCounts.GetValueOrDefault(behaviour);
        return times < Diminishing.Length ? Diminishing[times] : 0;
    }

    /// <summary>Being told honestly what is down wins back some of what the outage cost.</summary>
    public static void OutageDisclosed(SessionState state)
    {
        var recovery = Recovery(state.Options.Intensity);
        state.Frustration = Clamp(state.Frustration - (OutageFrustration / 2 * recovery));
        state.Trust = Clamp(state.Trust + (-OutageTrust * recovery));
    }

    public static void Outage(SessionState state)
    {
        var harm = Harm(state.Options.Intensity);
        state.Frustration = Clamp(state.Frustration + (OutageFrustration * harm));
        state.Trust = Clamp(state.Trust + (OutageTrust * harm));
    }

    private static double Clamp(double value) => Math.Clamp(value, 0, Max);
}
