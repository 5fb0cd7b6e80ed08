using RolePlay.Core.Detection;

namespace RolePlay.Core.Content;

/// <summary>A composite customer grounded in research: who they are, what they want, how they talk, what they
/// reveal only when asked, and the lines the embedded voice chooses from.</summary>
public sealed record Persona
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required int Age { get; init; }
    public required string Culture { get; init; }
    /// <summary>Ability and accessibility needs ("uses a screen reader", "hard of hearing", "none stated").</summary>
    public required string Accessibility { get; init; }
    public required string CommunicationStyle { get; init; }
    public required IReadOnlyList<string> Motivations { get; init; }
    public required IReadOnlyList<string> Constraints { get; init; }
    public required PersonaArtifacts Artifacts { get; init; }
    public required Mood StartingMood { get; init; }

    /// <summary>How much each behaviour moves this persona (1.0 = as anyone; 2.0 = twice as much; 0 = not at all).
    /// A busy owner weighs next_step high; an elderly customer weighs dismissive high.</summary>
    public required IReadOnlyDictionary<Behaviour, double> Sensitivity { get; init; }

    /// <summary>An anxious customer cannot take in solutions until their feeling has been named.</summary>
    public bool NeedsFeelingNamedFirst { get; init; }

    /// <summary>Facts the customer knows and reveals only when the agent asks an open question.</summary>
    public required IReadOnlyList<HiddenFact> Facts { get; init; }

    public required LineBanks Lines { get; init; }

    /// <summary>Where this persona was defined, for error messages ("packs/core/personas/maria.yaml").</summary>
    public string Source { get; init; } = "";
}

public sealed record PersonaArtifacts(DeviceType Device, NetworkQuality Network);

public enum DeviceType { Phone, Tablet, Laptop, Desktop, Landline, ScreenReader }

/// <summary>A patchy or poor connection shows in the chat: the persona sends short bursts, sometimes cut off.</summary>
public enum NetworkQuality { Good, Patchy, Poor }

/// <summary>Frustration and trust, each 0–10.</summary>
public sealed record Mood(int Frustration, int Trust);

/// <summary>Something the customer knows. <see cref="Topics"/> are words that, in an open question, draw this fact
/// out before the others.</summary>
public sealed record HiddenFact(string Id, string Text, IReadOnlyList<string> Topics);

/// <summary>What the customer says, bank by bank. Each reaction draws from its own bank.</summary>
public sealed record LineBanks(IReadOnlyDictionary<Reaction, IReadOnlyList<string>> Banks)
{
    public IReadOnlyList<string> For(Reaction reaction) =>
        Banks.TryGetValue(reaction, out var lines) ? lines : [];
}

/// <summary>The customer's reaction to an agent turn (or to an event), which selects the line bank.
/// YAML keys are the snake_case names (opening, feeling_named, ...).</summary>
public enum Reaction
{
    Opening,
    FeelingNamed,
    OpensUp,
    SummaryConfirmed,
    NextStepAccepted,
    CollaborationWelcomed,
    BoundaryPushback,
    BoundaryAccepted,
    ExceptionPush,
    Blamed,
    Dismissed,
    Unheard,
    RepeatsFeeling,
    OutageNoticed,
    GoalSwap,
    TimePressure,
    Escalates,
    Resolved,
    TimeUp,
}
