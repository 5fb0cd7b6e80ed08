using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using RolePlay.Core.Cards;

namespace RolePlay.Studio.Transcripts;

/// <summary>One message in a person's studio page. <see cref="Seq"/> names the message for good; <see cref="Version"/>
/// grows with every change in the conversation (a new message, a card replaced after it was acted on) and is the
/// Server-Sent Events id, so a page that reconnects asks only for what changed since. A customer's line carries their
/// <see cref="Name"/> and only their words in <see cref="Text"/>; a coach's line, its words without "Coach:".</summary>
public sealed record StudioEntry(
    long Seq,
    long Version,
    DateTimeOffset At,
    string Author,
    string? Text,
    JsonObject? Card,
    string? CardId,
    string? Name = null)
{
    public const string You = "you";
    public const string Bot = "bot";
    public const string Coach = "coach";
    public const string Customer = "customer";

    /// <summary>The practice a debrief card is about (<see cref="Card.About"/>): the page lays out its report from it.</summary>
    public string? About { get; init; }

    /// <summary>How long a new customer line is shown as typed before it appears (<see cref="Core.Chat.CustomerLine.Pause"/>).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int PauseMs { get; init; }

    /// <summary>The card as Core authored it, kept so a refused submission can be re-rendered with its input errors.</summary>
    [JsonIgnore]
    public Card? Source { get; init; }
}
