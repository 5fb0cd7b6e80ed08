using System.Text.Json.Serialization;

namespace RolePlay.Core.Cards;

/// <summary>A channel-neutral card: authored once in Core, rendered as an Adaptive Card (Teams, the local studio)
/// and as Block Kit (Slack). Renderers enforce their platform's limits; Core stays ignorant of them.</summary>
/// <param name="Id">Names the card's purpose ("welcome", "debrief.feelings") for logs and updates.</param>
public sealed record Card(string Id, string? Title, IReadOnlyList<CardElement> Body, IReadOnlyList<CardAction> Actions)
{
    /// <summary>The practice (session id) a debrief card is about, for a channel that lays out its own report from it
    /// (the studio); renderers of the card itself ignore it.</summary>
    public string? About { get; init; }

    /// <summary>Every input on the card, in order (renderers need them to build forms and collect values).</summary>
    [JsonIgnore]
    public IEnumerable<CardInput> Inputs => Body.OfType<CardInput>();
}

/// <summary>One block of a card's body. The JSON names of the kinds are stored (recorded answers): they never change.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(TextBlock), "text")]
[JsonDerivedType(typeof(FactSet), "facts")]
[JsonDerivedType(typeof(ChoiceInput), "choice")]
[JsonDerivedType(typeof(TextInput), "textInput")]
[JsonDerivedType(typeof(RatingInput), "rating")]
public abstract record CardElement;

public enum TextStyle { Normal, Heading, Subtle, Quote }

/// <summary>Plain text (never markup: renderers escape it for their platform).</summary>
public sealed record TextBlock(string Text, TextStyle Style = TextStyle.Normal) : CardElement;

/// <summary>Label/value pairs ("Persona" → "Maria, 46, bakery owner").</summary>
public sealed record FactSet(IReadOnlyList<Fact> Facts) : CardElement;

public sealed record Fact(string Title, string Value);

/// <summary>An input whose value is submitted with the card's actions under <see cref="Id"/>.</summary>
public abstract record CardInput(string Id, string Label, bool Required) : CardElement;

/// <summary>Pick one (or several) of a list.</summary>
public sealed record ChoiceInput(
    string Id, string Label, IReadOnlyList<Choice> Choices, bool Multiple = false, string? Value = null, bool Required = false)
    : CardInput(Id, Label, Required);

public sealed record Choice(string Title, string Value);

/// <summary>Free text; <see cref="MaxLength"/> bounds what a person can type.</summary>
public sealed record TextInput(
    string Id, string Label, string? Placeholder = null, bool Multiline = false, int MaxLength = 500, string? Value = null,
    bool Required = false)
    : CardInput(Id, Label, Required);

/// <summary>A 1..<see cref="Max"/> rating ("How did that feel?"), submitted as the chosen number.</summary>
public sealed record RatingInput(string Id, string Label, int Max = 5, bool Required = false) : CardInput(Id, Label, Required);

/// <summary>Something a person can do with a card.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(SubmitAction), "submit")]
[JsonDerivedType(typeof(OpenUrlAction), "openUrl")]
public abstract record CardAction(string Title);

public enum ActionStyle { Default, Positive, Destructive }

/// <summary>Sends the card's input values plus <see cref="Data"/> back to the bot, routed by <see cref="Verb"/>
/// ("practice.start", "debrief.commit").</summary>
public sealed record SubmitAction : CardAction
{
    [JsonConstructor]
    public SubmitAction(string title, string verb, IReadOnlyDictionary<string, string> data, ActionStyle style = ActionStyle.Default)
        : base(title)
    {
        Verb = verb;
        Data = data;
        Style = style;
    }

    public SubmitAction(string title, string verb, ActionStyle style = ActionStyle.Default)
        : this(title, verb, new Dictionary<string, string>(), style)
    {
    }

    public string Verb { get; init; }

    public IReadOnlyDictionary<string, string> Data { get; init; }

    public ActionStyle Style { get; init; }
}

/// <summary>Opens a web page (the studio, the dashboard).</summary>
public sealed record OpenUrlAction(string Title, Uri Url) : CardAction(Title);
