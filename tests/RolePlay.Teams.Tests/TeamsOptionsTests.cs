using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using RolePlay.Teams.Inbound;
using RolePlay.Teams.Tests.Infrastructure;

namespace RolePlay.Teams.Tests;

public sealed class TeamsOptionsTests
{
    [Fact]
    public void No_app_id_is_local_mode_and_valid()
    {
        var options = new TeamsOptions();

        Assert.True(options.IsLocalMode);
        Assert.Empty(options.Validate());
    }

    [Fact]
    public void A_configured_bot_reports_every_problem_by_its_setting_name()
    {
        var options = new TeamsOptions
        {
            MicrosoftAppId = "not-a-guid",
            MicrosoftAppType = TeamsAppType.SingleTenant,
            TokenEndpoint = "ftp://example.com/{tenant}",
            Retry = new() { MaxAttempts = 0 },
            RelayedAuthorRetention = TimeSpan.Zero,
        };

        var problems = options.Validate();

        Assert.Contains(problems, p => p.Contains("Teams:MicrosoftAppId", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Teams:MicrosoftAppPassword", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Teams:MicrosoftAppTenantId", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Teams:TokenEndpoint", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Teams:Retry:MaxAttempts", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Teams:RelayedAuthorRetention", StringComparison.Ordinal));
    }

    [Fact]
    public void The_token_tenant_is_botframework_for_multi_tenant_and_the_app_tenant_otherwise()
    {
        Assert.Equal("botframework.com", new TeamsOptions().TokenTenant);
        Assert.Equal("t-1", new TeamsOptions { MicrosoftAppType = TeamsAppType.SingleTenant, MicrosoftAppTenantId = "t-1" }.TokenTenant);
    }

    [Fact]
    public async Task A_host_with_invalid_settings_does_not_start()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => BotHost.StartAsync(new Dictionary<string, string?>
        {
            ["Teams:MicrosoftAppId"] = BotHost.AppId,
        }));

        Assert.Contains("Teams:MicrosoftAppPassword", error.Message, StringComparison.Ordinal);
    }
}
