using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace RolePlay.Testing.Models;

/// <summary>How the stand-in answers RolePlay's model voice as a model told to keep the line's details would: the
/// engine's line it was asked to word, after a word of the persona's own (<see cref="Word"/>), so a test can tell the
/// model's words from the rule voice's (ignoring case: a terse customer's words are lowercased). Asked for relief, it
/// says thanks first, as the brief asks.</summary>
public static partial class DraftWording
{
    public const string Word = "Look.";

    public static ChatScript Script => ChatScript.ReplyFrom(Worded);

    /// <summary>The engine's line the request's last (system) message asks to be worded.</summary>
    public static string DraftOf(JsonObject body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var turn = body["messages"]!.AsArray().Last()!["content"]!.GetValue<string>();
        return Draft().Match(turn) is { Success: true } m ? m.Groups["draft"].Value : throw new InvalidOperationException($"No draft in: {turn}");
    }

    public static string Worded(JsonObject body) => $"{Word} {(AsksRelief(body) ? "Thanks. " : "")}{DraftOf(body)}";

    private static bool AsksRelief(JsonObject body) =>
        body["messages"]!.AsArray().Last()!["content"]!.GetValue<string>().Contains("You are relieved", StringComparison.Ordinal);

    [GeneratedRegex("It says what this line says and nothing more: \"(?<draft>.*)\" Keep every number", RegexOptions.Singleline)]
    private static partial Regex Draft();
}
