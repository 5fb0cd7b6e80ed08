using RolePlay.Core.Cards;
using Inputs = RolePlay.Core.Chat.CardVerbs.Inputs;

namespace RolePlay.Core.Chat;

/// <summary>What the cards of every feature share: the reflection limit, the acknowledgement an acted-on card becomes,
/// and the data naming the practice a button acts on.</summary>
public static class CommonCards
{
    /// <summary>The longest reflection, commitment or note a card accepts.</summary>
    public const int MaxReflectionLength = 1000;

    /// <summary>What an acted-on card becomes, so the same buttons cannot be pressed twice.</summary>
    public static Card Acknowledged(string id, string text) => new(id, null, [new TextBlock(text)], []);

    public static Dictionary<string, string> SessionData(string sessionId) => new() { [Inputs.Session] = sessionId };
}
