using RolePlay.Core.Content;
using RolePlay.Core.Detection;

namespace RolePlay.Core.Practice;

/// <summary>How frustration and trust move: each behaviour that landed has a base effect, weighted by the persona's
/// sensitivity and scaled by intensity (high intensity starts angrier, recovers slower, and reacts harder to harm).</summary>
internal static class MoodModel
{
    public const double Max = 10;

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

    /// <summary>Moves the state by the behaviours that landed this turn (harmful ones always land).</summary>
    public static void Apply(SessionState state, Persona persona, Behaviour landed, bool blamedPolicy)
    {
        var intensity = state.Options.Intensity;
        double frustration = 0, trust = 0;
        var anyHelpful = false;
        foreach (var (behaviour, baseFrustration, baseTrust) in Effects)
        {
            if ((landed & behaviour) == 0)
            {
                continue;
            }

            var weight = persona.Sensitivity.TryGetValue(behaviour, out var w) ? w : 1.0;
            var harmful = behaviour is Behaviour.Blame or Behaviour.Dismissive;
            var scale = harmful ? Harm(intensity) : Recovery(intensity);
            if (harmful && behaviour == Behaviour.Blame && blamedPolicy)
            {
                scale *= PolicyBlameFactor;
            }

            anyHelpful |= !harmful && weight > 0;
            frustration += baseFrustration * weight * scale;
            trust += baseTrust * weight * scale;
        }

        if (!anyHelpful)
        {
            frustration += UnheardFrustration * Harm(intensity);
        }

        state.Frustration = Clamp(state.Frustration + frustration);
        state.Trust = Clamp(state.Trust + trust);
    }

    public static void Outage(SessionState state)
    {
        var harm = Harm(state.Options.Intensity);
        state.Frustration = Clamp(state.Frustration + (OutageFrustration * harm));
        state.Trust = Clamp(state.Trust + (OutageTrust * harm));
    }

    private static double Clamp(double value) => Math.Clamp(value, 0, Max);
}
