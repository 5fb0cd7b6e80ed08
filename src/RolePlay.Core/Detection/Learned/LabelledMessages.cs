using System.Text.Json;
using System.Text.Json.Serialization;

namespace RolePlay.Core.Detection.Learned;

/// <summary>Reads labelled messages in JSON Lines (<c>{"id","text","labels","split","context"?}</c>). The shipped
/// set travels inside the assembly: its train split is what the classifier learns from at start-up.</summary>
internal static class LabelledMessages
{
    private const string ShippedResource = "detection/agent-messages.jsonl";

    public static IReadOnlyList<LabelledMessage> Shipped()
    {
        using var stream = typeof(LabelledMessages).Assembly.GetManifestResourceStream(ShippedResource)
            ?? throw new InvalidOperationException($"embedded resource {ShippedResource} is missing");
        using var reader = new StreamReader(stream);
        return Read(reader, ShippedResource);
    }

    public static IReadOnlyList<LabelledMessage> Read(TextReader reader, string source)
    {
        var messages = new List<LabelledMessage>();
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            Row row;
            try
            {
                row = JsonSerializer.Deserialize(line, LabelledRowJson.Default.Row) ?? throw new InvalidDataException($"{source}:{number}: empty row");
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"{source}:{number}: {e.Message}", e);
            }

            messages.Add(new LabelledMessage(row.Id, row.Text, row.Labels, row.Split, row.Context ?? []));
        }

        return messages;
    }

    internal sealed record Row(
        [property: JsonRequired] string Id,
        [property: JsonRequired] string Text,
        [property: JsonRequired] string[] Labels,
        [property: JsonRequired] string Split,
        string[]? Context);
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(LabelledMessages.Row))]
internal sealed partial class LabelledRowJson : JsonSerializerContext;
