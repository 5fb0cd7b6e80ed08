using Microsoft.Extensions.Hosting;

namespace RolePlay.Infrastructure.Tests;

/// <summary>What the deployment must be for the app to run as designed: several replicas on one store, revisions to
/// roll back to, a grace period the host's shutdown fits in, HTTPS only, the identity's roles, keyless storage, and the
/// Teams bot pointed at the app.</summary>
[Collection(DeploymentCollection.Name)]
public sealed class DeploymentShapeTests(DeploymentFixture deployments)
{
    private const string TableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string BlobDataContributor = "ba92f5b4-2d11-453d-a403-e96b0029c9fe";
    private const string KeyVaultSecretsUser = "4633458b-17de-408a-b874-0445c86b69e6";
    private const string AcrPull = "7f951dda-4ed3-4680-a7ca-43fe172d538d";
    private const string KeyVaultCryptoServiceEncryptionUser = "e147488a-f6f5-4113-8e2d-b22465e65bf6";

    [Fact]
    public void Production_runs_two_replicas_or_more_and_dev_at_least_one()
    {
        Assert.True((int)deployments["prod.bicepparam"].App.Scale["minReplicas"]! >= 2);
        Assert.True((int)deployments["dev.bicepparam"].App.Scale["minReplicas"]! >= 1);
    }

    [Theory]
    [MemberData(nameof(DeploymentFixture.ParamFiles), MemberType = typeof(DeploymentFixture))]
    public void The_app_scales_out_on_http_load_and_keeps_revisions_to_roll_back_to(string paramFile)
    {
        var app = deployments[paramFile].App;

        Assert.True((int)app.Scale["maxReplicas"]! >= (int)app.Scale["minReplicas"]!);
        Assert.Contains(app.Scale["rules"]!.AsArray(), r => r!["http"] is not null);
        Assert.Equal("Multiple", app.ActiveRevisionsMode);
    }

    [Theory]
    [MemberData(nameof(DeploymentFixture.ParamFiles), MemberType = typeof(DeploymentFixture))]
    public void The_grace_period_after_SIGTERM_outlasts_the_hosts_shutdown(string paramFile)
    {
        Assert.True(TimeSpan.FromSeconds(deployments[paramFile].App.TerminationGracePeriodSeconds) > new HostOptions().ShutdownTimeout);
    }

    [Theory]
    [MemberData(nameof(DeploymentFixture.ParamFiles), MemberType = typeof(DeploymentFixture))]
    public void Ingress_is_public_https_only(string paramFile)
    {
        var ingress = deployments[paramFile].App.Ingress;

        Assert.True((bool)ingress["external"]!);
        Assert.False((bool)ingress["allowInsecure"]!);
    }

    [Theory]
    [MemberData(nameof(DeploymentFixture.ParamFiles), MemberType = typeof(DeploymentFixture))]
    public void The_apps_identity_holds_exactly_the_roles_it_needs_where_it_needs_them(string paramFile)
    {
        var deployment = deployments[paramFile];
        var identity = Assert.Single(deployment.OfType("Microsoft.ManagedIdentity/userAssignedIdentities"));
        var roles = deployment.OfType("Microsoft.Authorization/roleAssignments")
            .Select(r => (Role: ((string)r["properties"]!["roleDefinitionId"]!).Split('/')[^1], Scope: ScopeType((string)r["id"]!),
                Principal: (string)r["properties"]!["principalId"]!))
            .ToList();

        Assert.All(roles, r => Assert.Contains((string)identity["id"]!, r.Principal, StringComparison.Ordinal));
        Assert.Equal(
            [(AcrPull, "Microsoft.ContainerRegistry/registries"), (KeyVaultSecretsUser, "Microsoft.KeyVault/vaults"),
                (KeyVaultCryptoServiceEncryptionUser, "Microsoft.KeyVault/vaults/keys"),
                (TableDataContributor, "Microsoft.Storage/storageAccounts"), (BlobDataContributor, "Microsoft.Storage/storageAccounts/blobServices/containers"),
                (BlobDataContributor, "Microsoft.Storage/storageAccounts/blobServices/containers")],
            roles.Select(r => (r.Role, r.Scope)).OrderBy(r => r.Scope, StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(DeploymentFixture.ParamFiles), MemberType = typeof(DeploymentFixture))]
    public void Storage_and_vault_take_no_keys(string paramFile)
    {
        var deployment = deployments[paramFile];
        var storage = deployment.Single("Microsoft.Storage/storageAccounts")["properties"]!;
        var vault = deployment.Single("Microsoft.KeyVault/vaults")["properties"]!;
        var registry = deployment.Single("Microsoft.ContainerRegistry/registries")["properties"]!;

        Assert.False((bool)storage["allowSharedKeyAccess"]!);
        Assert.False((bool)storage["allowBlobPublicAccess"]!);
        Assert.True((bool)vault["enableRbacAuthorization"]!);
        Assert.False((bool)registry["adminUserEnabled"]!);
    }

    [Theory]
    [MemberData(nameof(DeploymentFixture.ParamFiles), MemberType = typeof(DeploymentFixture))]
    public void The_Teams_bot_is_the_apps_registration_and_sends_to_the_apps_host(string paramFile)
    {
        var deployment = deployments[paramFile];
        var app = deployment.App;
        var bot = deployment.Single("Microsoft.BotService/botServices")["properties"]!;
        var endpoint = new Uri(ArmExpression.Representative((string)bot["endpoint"]!));
        var slackRedirect = new Uri(ArmExpression.Representative(app["Slack__RedirectUri"].Value!));

        Assert.Equal(Deployment.OperatorEnvironment["ROLEPLAY_BOT_APP_ID"], (string?)bot["msaAppId"]);
        Assert.Equal(app["Teams__MicrosoftAppId"].Value, (string?)bot["msaAppId"]);
        Assert.Equal(app["Teams__MicrosoftAppType"].Value, (string?)bot["msaAppType"]);
        Assert.Equal(app["Teams__MicrosoftAppTenantId"].Value, (string?)bot["msaAppTenantId"]);
        Assert.Equal("https", endpoint.Scheme);
        Assert.Equal("/api/messages", endpoint.AbsolutePath);
        Assert.Equal(slackRedirect.Host, endpoint.Host);
        Assert.StartsWith((string)app.Resource["name"]! + ".", endpoint.Host, StringComparison.Ordinal);
        Assert.Contains(deployment.OfType("Microsoft.BotService/botServices/channels"),
            c => (string?)c["properties"]!["channelName"] == "MsTeamsChannel");
    }

    [Fact]
    public async Task Without_an_image_tag_only_the_groundwork_is_laid()
    {
        var groundwork = await Deployment.LoadAsync("prod.bicepparam", new Dictionary<string, string>());

        Assert.Empty(groundwork.OfType("Microsoft.App/containerApps"));
        Assert.Empty(groundwork.OfType("Microsoft.BotService/botServices"));
        Assert.Empty(groundwork.OfType("Microsoft.KeyVault/vaults"));
        Assert.Single(groundwork.OfType("Microsoft.ContainerRegistry/registries"));
        Assert.Single(groundwork.OfType("Microsoft.App/managedEnvironments"));
    }

    /// <summary>The type of the resource a role assignment's id is scoped to.</summary>
    /// <summary>The two blob roles are the key ring's container and the voice clips' (Storage:Clips:Container's default), each
    /// scoped to its container alone.</summary>
    [Theory]
    [MemberData(nameof(DeploymentFixture.ParamFiles), MemberType = typeof(DeploymentFixture))]
    public void The_blob_roles_are_the_key_rings_container_and_the_clips_container(string paramFile)
    {
        var deployment = deployments[paramFile];
        var account = (string)deployment.Single("Microsoft.Storage/storageAccounts")["name"]!;
        var containers = deployment.OfType("Microsoft.Authorization/roleAssignments")
            .Select(r => (string)r["id"]!)
            .Where(id => id.Contains("/blobServices/default/containers/", StringComparison.Ordinal))
            .Select(id => id.Split("/containers/")[1].Split('/')[0]);

        Assert.Equal([new RolePlay.Storage.ClipStorageOptions().Container, RolePlay.Bot.Hosting.KeyRing.Container], containers.Order(StringComparer.Ordinal));
        Assert.Contains(deployment.OfType("Microsoft.Storage/storageAccounts/blobServices/containers"),
            c => (string?)c["name"] == $"{account}/default/{new RolePlay.Storage.ClipStorageOptions().Container}");
    }

    private static string ScopeType(string assignmentId)
    {
        var scope = assignmentId[..assignmentId.IndexOf("/providers/Microsoft.Authorization/", StringComparison.Ordinal)];
        var segments = scope[(scope.IndexOf("/providers/", StringComparison.Ordinal) + "/providers/".Length)..].Split('/');
        return string.Join('/', segments.Where((_, i) => i == 0 || i % 2 == 1));
    }
}
