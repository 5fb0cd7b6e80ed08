using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using RolePlay.Testing;

namespace RolePlay.Teams.Tests.Infrastructure;

/// <summary>The official schemas from the shared folder, loaded once (JsonSchema.Net).</summary>
public static class Schemas
{
    private static readonly Lazy<JsonSchema> AdaptiveCard = new(() =>
    {
        var schema = JsonNode.Parse(File.ReadAllText(SharedFolder.Path("schemas", "adaptive-card-schema-1.5.0.json")))!;
        // Teams' own extension is outside the official schema (additionalProperties: false); allow exactly it.
        schema["definitions"]!["AdaptiveCard"]!["properties"]!["msteams"] = new JsonObject { ["type"] = "object" };
        return JsonSchema.FromText(schema.ToJsonString());
    });

    private static readonly Lazy<JsonSchema> TeamsManifest = new(() =>
    {
        var schema = JsonNode.Parse(File.ReadAllText(SharedFolder.Path("schemas", "teams-app-manifest-schema-v1.17.json")))!;
        // Draft-04 is not implemented by JsonSchema.Net; this schema uses no keyword whose meaning changed after it
        // (no boolean exclusiveMinimum/Maximum), so evaluating it as draft-07 checks the same rules.
        schema["$schema"] = "http://json-schema.org/draft-07/schema#";
        return JsonSchema.FromText(schema.ToJsonString());
    });

    public static IReadOnlyList<string> AdaptiveCardErrors(JsonNode card) => Errors(AdaptiveCard.Value, card);

    public static IReadOnlyList<string> TeamsManifestErrors(JsonNode manifest) => Errors(TeamsManifest.Value, manifest);

    private static List<string> Errors(JsonSchema schema, JsonNode instance)
    {
        using var document = JsonDocument.Parse(instance.ToJsonString());
        var result = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return result.IsValid
            ? []
            : (result.Details ?? []).Where(d => d.Errors is not null)
                .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))
                .DefaultIfEmpty("invalid (no details)")
                .ToList();
    }
}
