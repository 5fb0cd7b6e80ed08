using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RolePlay.Bot.Hosting;

namespace RolePlay.Infrastructure.Tests;

/// <summary>The dashboard and the studio of a deployment can be signed in to: the settings the Bicep hands the app set
/// up Sign in with Microsoft (the bot's own app registration, in its tenant) and Sign in with Slack (the Slack app),
/// each client secret from the Key Vault secret of the same credential.</summary>
[Collection(DeploymentCollection.Name)]
public sealed class SignInTests(DeploymentFixture deployments)
{
    [Theory]
    [MemberData(nameof(DeploymentFixture.ParamFiles), MemberType = typeof(DeploymentFixture))]
    public async Task The_Bicep_sets_up_sign_in_with_Microsoft_and_with_Slack(string paramFile)
    {
        var deployment = deployments[paramFile];
        var settings = SettingsDriftTests.Representative(deployment);
        await using var host = BotHost.Build([.. settings.Select(s => $"--{AppSettings.Key(s.Key)}={s.Value}")], []);
        var oidc = host.Services.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>();

        var entra = oidc.Get("entra");
        Assert.Equal(settings["Teams__MicrosoftAppId"], entra.ClientId);
        Assert.Equal(settings["Teams__MicrosoftAppPassword"], entra.ClientSecret);
        Assert.Equal($"https://login.microsoftonline.com/{settings["Teams__MicrosoftAppTenantId"]}/v2.0", entra.Authority);
        var slack = oidc.Get("slack");
        Assert.Equal(settings["Slack__ClientId"], slack.ClientId);
        Assert.Equal(settings["Slack__ClientSecret"], slack.ClientSecret);
    }

    [Theory]
    [MemberData(nameof(DeploymentFixture.ParamFiles), MemberType = typeof(DeploymentFixture))]
    public void Each_sign_in_secret_comes_from_the_vault_secret_of_its_credential(string paramFile)
    {
        var app = deployments[paramFile].App;

        foreach (var (name, secret) in AppSettings.ReadBySignIn)
        {
            Assert.Equal(secret, app[name].SecretRef);
        }
    }
}
