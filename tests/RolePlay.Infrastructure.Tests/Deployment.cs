using System.Text.Json.Nodes;

namespace RolePlay.Infrastructure.Tests;

/// <summary>The resources one parameter file deploys, as <c>bicep snapshot</c> predicts them for a made-up
/// subscription, with the deploy-time values the README's guide exports (an image tag, app ids, secrets).</summary>
internal sealed class Deployment
{
    public const string SubscriptionId = "00000000-0000-0000-0000-000000000001";
    public const string ResourceGroup = "rg-roleplay";
    public const string Location = "westeurope";
    public const string TenantId = "72f988bf-0000-0000-0000-000000000047";

    /// <summary>What the operator exports before the app's run (README, Deploy to Azure), with values of the real shape.</summary>
    public static IReadOnlyDictionary<string, string> OperatorEnvironment { get; } = new Dictionary<string, string>
    {
        ["ROLEPLAY_IMAGE_TAG"] = "2026.12.05",
        ["ROLEPLAY_BOT_APP_ID"] = "3f2c6d0e-8a4b-4c1d-9e7f-0a1b2c3d4e5f",
        ["ROLEPLAY_SLACK_CLIENT_ID"] = "4123456789012.5123456789012",
        ["ROLEPLAY_TEAMS_APP_PASSWORD"] = "teams-password-from-entra",
        ["ROLEPLAY_SLACK_SIGNING_SECRET"] = "slack-signing-secret-value",
        ["ROLEPLAY_SLACK_CLIENT_SECRET"] = "slack-client-secret-value",
    };

    private Deployment(JsonObject snapshot) => Resources = [.. snapshot["predictedResources"]!.AsArray().Select(r => r!.AsObject())];

    public IReadOnlyList<JsonObject> Resources { get; }

    public static async Task<Deployment> LoadAsync(string paramFile, IReadOnlyDictionary<string, string> environment) =>
        new(await Bicep.SnapshotAsync(paramFile, environment));

    public IEnumerable<JsonObject> OfType(string type) =>
        Resources.Where(r => string.Equals((string?)r["type"], type, StringComparison.OrdinalIgnoreCase));

    public JsonObject Single(string type) => OfType(type).Single();

    public ContainerApp App => new(Single("Microsoft.App/containerApps"));
}

/// <summary>The container app's settings, secrets, ingress, probes and scale, read from its snapshot.</summary>
internal sealed class ContainerApp(JsonObject resource)
{
    public JsonObject Resource => resource;

    private JsonObject Properties => resource["properties"]!.AsObject();

    private JsonObject Container => Properties["template"]!["containers"]!.AsArray().Single()!.AsObject();

    /// <summary>One entry of the container's env list: a plain value (as the snapshot has it) or a secret's name.</summary>
    public sealed record Setting(string Name, string? Value, string? SecretRef);

    public IReadOnlyList<Setting> Settings =>
    [
        .. Container["env"]!.AsArray().Select(e => new Setting((string)e!["name"]!, (string?)e["value"], (string?)e["secretRef"])),
    ];

    public Setting this[string name] => Settings.SingleOrDefault(s => s.Name == name)
        ?? throw new KeyNotFoundException($"The container app has no setting {name}.");

    public IReadOnlyList<JsonObject> Secrets => [.. Properties["configuration"]!["secrets"]!.AsArray().Select(s => s!.AsObject())];

    public JsonObject Ingress => Properties["configuration"]!["ingress"]!.AsObject();

    public int TargetPort => (int)Ingress["targetPort"]!;

    public IReadOnlyList<JsonObject> Probes => [.. Container["probes"]!.AsArray().Select(p => p!.AsObject())];

    public JsonObject Probe(string type) => Probes.Single(p => (string?)p["type"] == type);

    public JsonObject Scale => Properties["template"]!["scale"]!.AsObject();

    public int TerminationGracePeriodSeconds => (int)Properties["template"]!["terminationGracePeriodSeconds"]!;

    public JsonObject Identity => resource["identity"]!.AsObject();

    public string ActiveRevisionsMode => (string)Properties["configuration"]!["activeRevisionsMode"]!;
}
