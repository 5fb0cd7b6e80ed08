using System.Text.Json.Nodes;

namespace RolePlay.Infrastructure.Tests;

/// <summary>The code and the infrastructure cannot drift apart: every setting the Bicep hands the container app is
/// one the real bot reads and accepts in the shape the Bicep gives it, a broken value of each is refused with a
/// message naming it, and what production needs is all there. Names come from the app's option classes
/// (<see cref="AppSettings"/>), so a rename on either side fails here.</summary>
[Collection(DeploymentCollection.Name)]
public sealed class SettingsDriftTests(DeploymentFixture deployments)
{
    [Theory]
    [MemberData(nameof(DeploymentFixture.ParamFiles), MemberType = typeof(DeploymentFixture))]
    public void Every_setting_the_Bicep_hands_the_app_is_one_the_app_reads(string paramFile)
    {
        var unknown = deployments[paramFile].App.Settings.Select(s => s.Name).Where(n => !IsKnown(n)).ToList();

        Assert.True(unknown.Count == 0,
            $"{paramFile} hands the app settings it does not read (renamed in code or in Bicep?): {string.Join(", ", unknown)}");
    }

    [Theory]
    [MemberData(nameof(DeploymentFixture.ParamFiles), MemberType = typeof(DeploymentFixture))]
    public void Every_setting_the_tests_know_is_one_the_Bicep_sets(string paramFile)
    {
        var entries = deployments[paramFile].App.Settings.Select(s => AppSettings.Entry(s.Name)).ToHashSet();
        var known = AppSettings.Validated.Keys.Append(AppSettings.KeyRingBlob).Concat(AppSettings.ReadByLibraries.Keys).Concat(AppSettings.ReadBySignIn.Keys);

        var unset = known.Where(k => !entries.Contains(k)).ToList();

        Assert.True(unset.Count == 0, $"{paramFile} no longer sets (renamed in Bicep?): {string.Join(", ", unset)}");
    }

    [Theory]
    [MemberData(nameof(DeploymentFixture.ParamFiles), MemberType = typeof(DeploymentFixture))]
    public void A_production_deployment_has_every_setting_it_must(string paramFile)
    {
        var app = deployments[paramFile].App;

        var missing = AppSettings.RequiredInProduction.Where(r => app.Settings.All(s => s.Name != r)).ToList();

        Assert.True(missing.Count == 0, $"{paramFile} lacks {string.Join(", ", missing)}");
        Assert.Equal("AzureTables", app[AppSettings.RequiredInProduction[0]].Value);
    }

    [Theory]
    [MemberData(nameof(DeploymentFixture.ParamFiles), MemberType = typeof(DeploymentFixture))]
    public async Task The_real_bot_accepts_every_setting_in_the_shape_the_Bicep_gives_it(string paramFile)
    {
        var settings = Representative(deployments[paramFile]);
        settings[AppSettings.Canary.Key] = AppSettings.Canary.Value;

        var result = await BotRun.RunAsync(settings);

        Assert.True(result.ExitCode == 1, $"the bot should stop at the canary setting, before reaching Azure:\n{result.Output}");
        Assert.Equal([AppSettings.CanaryRefusal], BotRun.Refusals(result));
    }

    public static TheoryData<string> ValidatedSettings => [.. AppSettings.Validated.Keys];

    /// <summary>On production's settings (both parameter files share the app module, so the names are the same).</summary>
    [Theory]
    [MemberData(nameof(ValidatedSettings))]
    public async Task A_broken_value_of_a_setting_the_Bicep_sets_is_refused_with_a_message_naming_it(string entry)
    {
        var settings = Representative(deployments["prod.bicepparam"]);
        var names = settings.Keys.Where(n => AppSettings.Entry(n) == entry).ToList();
        Assert.NotEmpty(names);

        foreach (var name in names)
        {
            var broken = new Dictionary<string, string>(settings) { [name] = AppSettings.Validated[entry] };

            var result = await BotRun.RunAsync(broken);

            Assert.Equal(1, result.ExitCode);
            Assert.Contains(BotRun.Refusals(result), r => r.Contains(AppSettings.Key(name), StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(DeploymentFixture.ParamFiles), MemberType = typeof(DeploymentFixture))]
    public void Secrets_reach_the_app_only_as_Key_Vault_references_through_its_identity(string paramFile)
    {
        var deployment = deployments[paramFile];
        var app = deployment.App;
        var identity = Assert.Single(app.Identity["userAssignedIdentities"]!.AsObject()).Key;
        var vault = deployment.Single("Microsoft.KeyVault/vaults");
        var vaultSecrets = deployment.OfType("Microsoft.KeyVault/vaults/secrets").Select(s => ((string)s["name"]!).Split('/')[^1]).ToList();

        foreach (var name in AppSettings.Secrets)
        {
            var secretRef = app[name].SecretRef;
            Assert.True(secretRef is not null, $"{name} must be a secret reference, not a plain value");
            var secret = app.Secrets.Single(s => (string?)s["name"] == secretRef);
            var url = (string?)secret["keyVaultUrl"];
            Assert.True(url is not null, $"{name} must come from Key Vault");
            Assert.Contains((string)vault["id"]!, url, StringComparison.Ordinal);
            Assert.Contains(ArmExpression.Representative(url).Split('/')[^1], vaultSecrets);
            Assert.Equal(identity, (string?)secret["identity"]);
        }

        Assert.Equal(AppSettings.Secrets.Count, vaultSecrets.Count);
    }

    private static bool IsKnown(string name) =>
        AppSettings.Validated.ContainsKey(AppSettings.Entry(name)) || name == AppSettings.KeyRingBlob || AppSettings.ReadByLibraries.ContainsKey(name)
        || AppSettings.ReadBySignIn.ContainsKey(name);

    /// <summary>The container's environment at deployment, with a value of each setting's real shape: plain values as
    /// the snapshot resolves them, Key Vault secrets as the operator's values, library settings as Azure's format.</summary>
    internal static Dictionary<string, string> Representative(Deployment deployment)
    {
        var app = deployment.App;
        var settings = new Dictionary<string, string>();
        foreach (var setting in app.Settings)
        {
            settings[setting.Name] = AppSettings.ReadByLibraries.TryGetValue(setting.Name, out var library) ? library
                : setting.SecretRef is { } secret ? SecretValue(app.Secrets.Single(s => (string?)s["name"] == secret))
                : ArmExpression.Representative(setting.Value!);
        }

        return settings;
    }

    /// <summary>A Key Vault reference resolves to whatever the operator stored (any text, never empty: the vault
    /// module refuses an empty one); another secret to the value the Bicep gives it.</summary>
    private static string SecretValue(JsonObject secret) =>
        secret["keyVaultUrl"] is not null ? "operator-supplied-secret" : ArmExpression.Representative((string)secret["value"]!);
}
