using System.Text.Json.Nodes;
using Json.Schema;
using YamlDotNet.RepresentationModel;
using RolePlay.Slack.Tests.Infrastructure;
using RolePlay.Testing;

namespace RolePlay.Slack.Tests;

public sealed class ManifestTests
{
    private static readonly string ManifestPath = Path.Combine(RepoRoot(), "manifests", "slack", "manifest.yml");

    [SkippableFact]
    public void The_manifest_is_valid_against_slacks_schema()
    {
        var schemas = Path.Combine(SharedFolder.Require(), "schemas");
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry(), Dialect = Dialect.Draft07 };
        foreach (var version in new[] { "1.0.0", "2.0.0" })
        {
            var uri = new Uri($"https://raw.githubusercontent.com/slackapi/manifest-schema/v0.5.0/schemas/manifest.schema.{version}.json");
            var schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(schemas, $"slack-app-manifest-schema-v{version}.json")), options, uri);
            options.SchemaRegistry.Register(uri, schema);
        }

        var root = JsonSchema.FromText(File.ReadAllText(Path.Combine(schemas, "slack-app-manifest-schema-root.json")), options);
        var manifest = JsonSerializerElement(Manifest());

        var result = root.Evaluate(manifest, new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(result.IsValid, string.Join("\n", (result.Details ?? []).Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
    }

    [Fact]
    public void The_manifest_names_exactly_the_routes_the_bot_serves()
    {
        var manifest = Manifest();
        var urls = new[]
        {
            manifest["settings"]!["event_subscriptions"]!["request_url"]!,
            manifest["settings"]!["interactivity"]!["request_url"]!,
            manifest["features"]!["slash_commands"]![0]!["url"]!,
            manifest["oauth_config"]!["redirect_urls"]![0]!,
        }.Select(u => new Uri(u.GetValue<string>()).AbsolutePath).ToList();

        // The install link is given to people, not to Slack, so it is the one route the manifest does not name.
        Assert.Equal(SlackEndpoints.Routes.Where(r => r != SlackEndpoints.InstallPath).Order(), urls.Order());
        Assert.Equal("/practice", manifest["features"]!["slash_commands"]![0]!["command"]!.GetValue<string>());
        Assert.True(manifest["features"]!["app_home"]!["home_tab_enabled"]!.GetValue<bool>());
        var scopes = manifest["oauth_config"]!["scopes"]!["bot"]!.AsArray().Select(s => s!.GetValue<string>()).Order();
        Assert.Equal(new SlackOptions().Scopes.Split(',').Order(), scopes);
        var events = manifest["settings"]!["event_subscriptions"]!["bot_events"]!.AsArray().Select(e => e!.GetValue<string>()).ToHashSet();
        Assert.Superset(events, new HashSet<string> { "message.im", "app_mention", "reaction_added", "reaction_removed", "app_home_opened", "member_joined_channel", "app_uninstalled", "tokens_revoked" });
    }

    private static System.Text.Json.JsonElement JsonSerializerElement(JsonNode node) =>
        System.Text.Json.JsonDocument.Parse(node.ToJsonString()).RootElement;

    /// <summary>YAML → JSON keeping YAML's types: plain true/false and numbers become JSON booleans and numbers.</summary>
    private static JsonNode Manifest()
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(ManifestPath);
        yaml.Load(reader);
        return ToJson(yaml.Documents[0].RootNode)!;
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value!, ToJson(c.Value)))),
        YamlSequenceNode list => new JsonArray([.. list.Children.Select(ToJson)]),
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } scalar when bool.TryParse(scalar.Value, out var flag) => JsonValue.Create(flag),
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } scalar when long.TryParse(scalar.Value, out var number) => JsonValue.Create(number),
        YamlScalarNode scalar => JsonValue.Create(scalar.Value),
        _ => throw new NotSupportedException(node.GetType().Name),
    };

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RolePlay.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("RolePlay.sln not found above the test assembly.");
    }
}
