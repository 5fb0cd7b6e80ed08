using System.Text.Json.Nodes;
using RolePlay.Testing.Teams;

namespace RolePlay.Bot.Tests.Teams;

/// <summary>What the bot sent to one conversation, as the fake connector recorded it.</summary>
internal sealed class SentActivities(FakeConnector connector, string conversationId)
{
    private readonly string _prefix = $"/v3/conversations/{Uri.EscapeDataString(conversationId)}/activities";

    public IReadOnlyList<RecordedRequest> All => connector.Requests.Where(r => r.Path.StartsWith(_prefix, StringComparison.Ordinal)).ToList();

    public IReadOnlyList<RecordedRequest> Posts => All.Where(r => r.Method == "POST").ToList();

    public IReadOnlyList<RecordedRequest> Updates => All.Where(r => r.Method == "PUT").ToList();

    public IEnumerable<string> Texts => Posts.Select(p => p.Json?["text"]?.GetValue<string>()).OfType<string>();

    /// <summary>The posted Adaptive Cards with the id the connector gave their activity.</summary>
    public IEnumerable<(string ActivityId, JsonObject Card)> Cards => Posts
        .SelectMany(p => (p.Json?["attachments"]?.AsArray() ?? []).Select(a => (p.AnsweredId!, Card: a!["content"] as JsonObject)))
        .Where(x => x.Card is not null)
        .Select(x => (x.Item1, x.Card!));

    /// <summary>The latest posted card offering an action with <paramref name="verb"/>, and that action's data.</summary>
    public (string ActivityId, JsonObject Card, JsonObject Data)? CardWithAction(string verb)
    {
        foreach (var (id, card) in Cards.Reverse())
        {
            var action = (card["actions"]?.AsArray() ?? []).OfType<JsonObject>().FirstOrDefault(a => a["verb"]?.GetValue<string>() == verb);
            if (action is not null)
            {
                return (id, card, (JsonObject)action["data"]!.DeepClone());
            }
        }

        return null;
    }

    /// <summary>Every string in a card (texts, fact titles and values, labels).</summary>
    public static IEnumerable<string> StringsOf(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => StringsOf(p.Value)),
        JsonArray a => a.SelectMany(StringsOf),
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        _ => [],
    };

    /// <summary>Replies sent after the HTTP response (the invoke path) arrive a moment later: poll, bounded.</summary>
    public static async Task<T> EventuallyAsync<T>(Func<T?> probe, string what) where T : class
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            if (probe() is { } found)
            {
                return found;
            }

            await Task.Delay(25);
        }

        throw new Xunit.Sdk.XunitException($"Never saw: {what}");
    }
}
