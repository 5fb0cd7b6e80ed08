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

    /// <summary>How this person takes in messages: jargon, length, pace, language, channels they cannot use.</summary>
    public PersonaNeeds Needs { get; init; } = PersonaNeeds.Default;

    /// <summary>The main worry: a summary that touches none of its topics misses the point.</summary>
    public MainWorry? Worry { get; init; }

    /// <summary>What the customer picks when offered an either/or.</summary>
    public ChoicePreferences Choices { get; init; } = ChoicePreferences.None;

    /// <summary>Facts the customer knows and tells, in their own words, when an open question reaches them.</summary>
    public required IReadOnlyList<HiddenFact> Facts { get; init; }

    /// <summary>Closed facts (a reference, a date, an amount) the customer gives when asked for them directly.</summary>
    public IReadOnlyList<PersonaDetail> Details { get; init; } = [];

    /// <summary>Short openers the voice may put before a line, by mood.</summary>
    public MoodLeads Leads { get; init; } = MoodLeads.None;

    /// <summary>How their mood shows in how they write: what frustration does to it, and their words of relief.</summary>
    public PersonaManner Manner { get; init; } = PersonaManner.Default;

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

/// <summary>Something the customer knows. <see cref="Text"/> is the author's note for trainers and is never spoken;
/// <see cref="Says"/> are the customer's own words for it. <see cref="Topics"/> are words that, in an open question,
/// draw this fact out before the others.</summary>
public sealed record HiddenFact(string Id, string Text, IReadOnlyList<string> Topics, IReadOnlyList<string> Says);

/// <summary>A closed fact the customer gives when a question names it (<see cref="AskedBy"/>).</summary>
public sealed record PersonaDetail(string Id, IReadOnlyList<string> AskedBy, IReadOnlyList<string> Says);

/// <summary>Whether technical terms lose this person (they ask what a term means).</summary>
public enum JargonTolerance { Copes, Struggles }

/// <summary>Unhurried people are helped by calm, plain, one-step messages and hurt by rushing; hurried people by
/// short, direct ones.</summary>
public enum Pace { Any, Unhurried, Hurried }

/// <summary>Ways of being helped that a plan may depend on.</summary>
public enum Channel { PhoneCall, VoiceMessage, Image, Link, Video, Letter, InPerson, App }

/// <summary>A channel this person cannot use, and what they say when a plan depends on it.</summary>
public sealed record ChannelLimit(Channel Channel, IReadOnlyList<string> Says);

public sealed record PersonaNeeds(JargonTolerance Jargon, int MaxWords, Pace Pace, string FirstLanguage,
    IReadOnlyList<ChannelLimit> CannotUse)
{
    /// <summary>For content written before needs existed: copes with anything a chat reasonably holds.</summary>
    public static PersonaNeeds Default { get; } = new(JargonTolerance.Copes, 150, Pace.Any, "English", []);

    public ChannelLimit? Limit(Channel channel) => CannotUse.FirstOrDefault(limit => limit.Channel == channel);
}

public sealed record MainWorry(IReadOnlyList<string> Topics, IReadOnlyList<string> Says);

public sealed record ChoicePreferences(IReadOnlyList<string> Prefers, IReadOnlyList<string> Avoids)
{
    public static ChoicePreferences None { get; } = new([], []);
}

public sealed record MoodLeads(IReadOnlyList<string> Tense, IReadOnlyList<string> Easing)
{
    public static MoodLeads None { get; } = new([], []);
}

/// <summary>What frustration does to how a person writes: clipped lowercase, going quiet, or raising their voice
/// (capitals, "!!") as they near the end of their patience.</summary>
public enum Upset { Terse, Quiet, Loud }

/// <summary>How a persona's mood shows in their writing. <see cref="Relief"/> are their own words when things ease
/// ("Oh, thank goodness."); without them a relieved reply is shown as the line says it.</summary>
public sealed record PersonaManner(Upset Upset, IReadOnlyList<string> Relief)
{
    public static PersonaManner Default { get; } = new(Upset.Terse, []);
}

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
    AnswersChoice,
    AsksAboutChoice,
    CorrectsSummary,
    WantsSpecifics,
    PlanEcho,
    AsksJargon,
    TooLong,
    Repeated,
    Canned,
    OffTopic,
    PlanHolds,
    OutageDisclosed,
    NeedsTime,
    PlainThanks,
    /// <summary>Said with a detail's own words (<see cref="PersonaDetail.Says"/>), a fact's, a worry's or a channel
    /// limit's: no bank of its own.</summary>
    Tells,
}
