using System.Text.Json;
using System.Text.Json.Serialization;
using RolePlay.Core.Detection;

namespace RolePlay.Core.Tests.Detection;

/// <summary>One hand-labelled agent message from Data/agent-messages.jsonl.</summary>
public sealed record LabelledMessage(string Id, string Text, IReadOnlyList<string> Labels, string Split)
{
    public Behaviour Expected => Labels.Aggregate(Behaviour.None, (set, name) =>
        BehaviourNames.TryParse(name, out var b) ? set | b : throw new InvalidDataException($"{Id}: unknown label '{name}'"));

    public override string ToString() => $"{Id} [{string.Join(",", Labels)}] {Text}";
}

/// <summary>Loads the labelled set once. "train" is what the rules were written against; "heldout" was written
/// first, in other voices, and only ever scored.</summary>
public static class LabelledMessages
{
    public const string Train = "train";
    public const string Heldout = "heldout";

    private static readonly Lazy<IReadOnlyList<LabelledMessage>> Loaded = new(Load);

    public static IReadOnlyList<LabelledMessage> All => Loaded.Value;

    public static IEnumerable<LabelledMessage> InSplit(string split) => All.Where(m => m.Split == split);

    private static IReadOnlyList<LabelledMessage> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Detection", "Data", "agent-messages.jsonl");
        var options = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
        return File.ReadLines(path)
            .Select((line, index) => (line, number: index + 1))
            .Where(x => !string.IsNullOrWhiteSpace(x.line))
            .Select(x => JsonSerializer.Deserialize<Row>(x.line, options)
                ?? throw new InvalidDataException($"{path}:{x.number}: empty row"))
            .Select(r => new LabelledMessage(r.Id, r.Text, r.Labels, r.Split))
            .ToArray();
    }

    private sealed record Row(
        [property: JsonRequired] string Id,
        [property: JsonRequired] string Text,
        [property: JsonRequired] string[] Labels,
        [property: JsonRequired] string Split);
}
