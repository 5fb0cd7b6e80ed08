using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using RolePlay.Core.Cards;

namespace RolePlay.Studio.Transcripts;

/// <summary>One message in a person's studio page. <see cref="Seq"/> names the message for good; <see cref="Version"/>
/// grows with every change in the conversation (a new message, a card replaced after it was acted on) and is the
/// Server-Sent Events id, so a page that reconnects asks only for what changed since.</summary>
public sealed record StudioEntry(
    long Seq,
    long Version,
    DateTimeOffset At,
    string Author,
    string? Text,
    JsonObject? Card,
    string? CardId)
{
    public const string You = "you";
    public const string Bot = "bot";
    public const string Coach = "coach";

    /// <summary>The card as Core authored it, kept so a refused submission can be re-rendered with its input errors.</summary>
    [JsonIgnore]
    public Card? Source { get; init; }
}
