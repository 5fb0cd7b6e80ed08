using System.Text;
using System.Text.Json.Nodes;

namespace RolePlay.Testing.Fuzz;

/// <summary>Mutations of real payloads from a seeded <see cref="Random"/>, so any failure replays from its seed and
/// index. Most are JSON-aware (one value swapped for another type, an odd string, a deep nest; a property removed), the
/// rest byte-level (flips, cuts, inserted bytes), so both the readers and the parsers are met with what they do not
/// expect. Form bodies are mutated field by field; Slack's <c>payload</c> field as the JSON it holds.</summary>
public sealed class PayloadMutator(int seed)
{
    /// <summary>Serialised JSON cannot carry a lone surrogate from a .NET string; this marker is replaced by its escape.</summary>
    private const string LoneSurrogate = "\u0001LONE\u0001";

    private static readonly Func<Random, JsonNode?>[] OddValues =
    [
        _ => null,
        _ => "",
        _ => " ",
        _ => new string('x', 70_000),
        _ => "a\u0000b",
        _ => "line\r\nbreak",
        _ => LoneSurrogate,
        _ => "<script>alert(1)</script>",
        _ => "../../etc/passwd",
        _ => "%00%ZZ",
        _ => "😀🙂‍↕️ 𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
        _ => 0,
        _ => -1,
        _ => 1e308,
        _ => long.MaxValue,
        _ => 0.5,
        _ => true,
        _ => new JsonObject(),
        _ => new JsonArray(),
        _ => new JsonArray((JsonNode?)null),
        r => Nest(r.Next(2, 80)),
    ];

    private readonly Random _random = new(seed);

    /// <summary>A mutated copy of a JSON body.</summary>
    public byte[] MutateJson(byte[] json) =>
        _random.Next(5) == 0 || TryParse(json) is not { } node ? MutateBytes(json) : Encoding.UTF8.GetBytes(Serialise(MutateNode(node)));

    /// <summary>A mutated copy of a form body (<c>a=1&amp;b=2</c>); a <c>payload</c> field holding JSON is mutated as JSON.</summary>
    public byte[] MutateForm(byte[] form)
    {
        if (_random.Next(5) == 0)
        {
            return MutateBytes(form);
        }

        var fields = Encoding.UTF8.GetString(form).Split('&').Select(f => f.Split('=', 2)).Select(p => (Key: p[0], Value: p.Length > 1 ? p[1] : "")).ToList();
        if (fields.Count == 0)
        {
            return MutateBytes(form);
        }

        var at = _random.Next(fields.Count);
        var (key, value) = fields[at];
        var decoded = Uri.UnescapeDataString(value.Replace('+', ' '));
        string mutated;
        if (key == "payload" && TryParse(Encoding.UTF8.GetBytes(decoded)) is { } payload)
        {
            mutated = Uri.EscapeDataString(Serialise(MutateNode(payload)));
        }
        else if (_random.Next(4) == 0)
        {
            fields.RemoveAt(at);
            return Encoding.UTF8.GetBytes(string.Join('&', fields.Select(f => $"{f.Key}={f.Value}")));
        }
        else
        {
            var odd = OddValues[_random.Next(OddValues.Length)](_random);
            // A lone surrogate has no UTF-8: as a form value it is the three bytes UTF-8 forbids for it.
            mutated = odd is JsonValue v && v.TryGetValue<string>(out var text)
                ? Uri.EscapeDataString(text).Replace(Uri.EscapeDataString(LoneSurrogate), "%ED%A0%80", StringComparison.Ordinal)
                : Uri.EscapeDataString(odd?.ToJsonString() ?? "");
        }

        fields[at] = (key, mutated);
        return Encoding.UTF8.GetBytes(string.Join('&', fields.Select(f => $"{f.Key}={f.Value}")));
    }

    private byte[] MutateBytes(byte[] bytes)
    {
        var copy = bytes.ToList();
        switch (_random.Next(4))
        {
            case 0 when copy.Count > 0:
                for (var i = 0; i < 1 + _random.Next(8); i++)
                {
                    var at = _random.Next(copy.Count);
                    copy[at] = (byte)(copy[at] ^ (1 << _random.Next(8)));
                }

                break;
            case 1 when copy.Count > 0:
                return [.. copy.Take(_random.Next(copy.Count))]; // cut short
            case 2:
                var noise = new byte[1 + _random.Next(64)];
                _random.NextBytes(noise);
                copy.InsertRange(copy.Count == 0 ? 0 : _random.Next(copy.Count), noise);
                break;
            default:
                if (copy.Count > 0)
                {
                    var from = _random.Next(copy.Count);
                    var length = Math.Min(copy.Count - from, 1 + _random.Next(256));
                    copy.InsertRange(_random.Next(copy.Count), copy.GetRange(from, length));
                }

                break;
        }

        return [.. copy];
    }

    /// <summary>Replaces one value somewhere in the tree, or removes one property, and returns the (new) root.</summary>
    private JsonNode? MutateNode(JsonNode root)
    {
        var nodes = new List<JsonNode>();
        Collect(root, nodes);
        var target = nodes[_random.Next(nodes.Count)];
        var odd = OddValues[_random.Next(OddValues.Length)](_random);
        switch (target.Parent)
        {
            case null:
                return odd;
            case JsonObject parent:
                var name = target.GetPropertyName();
                if (_random.Next(5) == 0)
                {
                    parent.Remove(name);
                }
                else
                {
                    parent[name] = odd;
                }

                break;
            case JsonArray array:
                array[target.GetElementIndex()] = odd;
                break;
        }

        return root;
    }

    private static void Collect(JsonNode node, List<JsonNode> into)
    {
        into.Add(node);
        var children = node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a.AsEnumerable(),
            _ => [],
        };
        foreach (var child in children.OfType<JsonNode>())
        {
            Collect(child, into);
        }
    }

    private static JsonNode Nest(int depth)
    {
        JsonNode node = new JsonArray();
        for (var i = 1; i < depth; i++)
        {
            node = new JsonArray(node);
        }

        return node;
    }

    private static JsonNode? TryParse(byte[] json)
    {
        try
        {
            return JsonNode.Parse(json);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static string Serialise(JsonNode? node) =>
        (node?.ToJsonString() ?? "null").Replace(LoneSurrogate.Replace("\u0001", "\\u0001", StringComparison.Ordinal), "\\ud800", StringComparison.Ordinal);
}
