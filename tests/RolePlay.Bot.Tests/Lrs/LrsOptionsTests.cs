using Microsoft.Extensions.Configuration;
using RolePlay.LearningRecords;

namespace RolePlay.Bot.Tests.Lrs;

/// <summary><c>Lrs:*</c> is checked at start-up, each problem naming its setting.</summary>
public sealed class LrsOptionsTests
{
    private static readonly Dictionary<string, string?> Basic = new()
    {
        ["Lrs:Tenants:0:Platform"] = "teams",
        ["Lrs:Tenants:0:TenantId"] = "72f988bf-86f1-41af-91ab-2d7cd011db47",
        ["Lrs:Tenants:0:Endpoint"] = "https://lrs.example.com/xapi/",
        ["Lrs:Tenants:0:Username"] = "key",
        ["Lrs:Tenants:0:Password"] = "secret",
    };

    [Fact]
    public void A_tenant_with_basic_auth_or_OAuth_or_no_LRS_at_all_is_valid()
    {
        Assert.Empty(Read(Basic).Validate());
        Assert.Empty(Read(Basic, ("Lrs:Tenants:0:Username", null), ("Lrs:Tenants:0:Password", null),
            ("Lrs:Tenants:0:TokenUrl", "https://login.example.com/token"), ("Lrs:Tenants:0:ClientId", "c"), ("Lrs:Tenants:0:ClientSecret", "s")).Validate());
        Assert.Empty(Read(Basic, ("Lrs:Tenants:0:Endpoint", null), ("Lrs:Tenants:0:Username", null), ("Lrs:Tenants:0:Password", null)).Validate());
        Assert.Empty(Read(Basic, ("Lrs:Tenants:0:Endpoint", "http://127.0.0.1:8080/xapi/")).Validate()); // a local LRS
    }

    [Theory]
    [InlineData("Lrs:Tenants:0:Endpoint", "http://lrs.example.com/xapi/", "Lrs:Tenants:0:Endpoint must be an https URL")]
    [InlineData("Lrs:Tenants:0:Endpoint", "https://lrs.example.com/xapi", "must end with '/'")]
    [InlineData("Lrs:Tenants:0:Version", "1.0.2", "Lrs:Tenants:0:Version must be one of 1.0.3, 2.0.0")]
    [InlineData("Lrs:Tenants:0:Password", "", "Lrs:Tenants:0:Username and Lrs:Tenants:0:Password go together")]
    [InlineData("Lrs:Tenants:0:TokenUrl", "https://login.example.com/token", "not both or neither")]
    [InlineData("Lrs:Tenants:0:Platform", "studio", "Lrs:Tenants:0:HomePage is required for a studio tenant")]
    [InlineData("Lrs:Tenants:0:HomePage", "not a url", "Lrs:Tenants:0:HomePage must be an absolute URL")]
    [InlineData("Lrs:BatchSize", "0", "Lrs:BatchSize must be between 1 and 500")]
    [InlineData("Lrs:MaxBackoff", "00:00:00.5", "Lrs:MaxBackoff at least 1 s")]
    public void A_wrong_setting_is_named(string key, string value, string problem)
    {
        var problems = Read(Basic, (key, value)).Validate();

        Assert.Contains(problems, p => p.Contains(problem, StringComparison.Ordinal));
    }

    [Fact]
    public void Credentials_without_an_LRS_and_a_tenant_listed_twice_are_refused()
    {
        Assert.Contains(Read(Basic, ("Lrs:Tenants:0:Endpoint", null)).Validate(), p => p.Contains("no Endpoint to use them with", StringComparison.Ordinal));
        var twice = Read(Basic, ("Lrs:Tenants:1:Platform", "teams"), ("Lrs:Tenants:1:TenantId", Basic["Lrs:Tenants:0:TenantId"]));
        Assert.Contains(twice.Validate(), p => p.Contains("lists teams tenant '72f988bf-86f1-41af-91ab-2d7cd011db47' twice", StringComparison.Ordinal));
    }

    [Fact]
    public void Actors_home_page_is_the_Teams_tenant_or_the_Slack_workspace_unless_set()
    {
        Assert.Equal("https://teams.microsoft.com/?tenantId=72f988bf-86f1-41af-91ab-2d7cd011db47", Read(Basic).Tenants[0].ActorHomePage);
        Assert.Equal("https://app.slack.com/client/T0123ABC",
            Read(Basic, ("Lrs:Tenants:0:Platform", "slack"), ("Lrs:Tenants:0:TenantId", "T0123ABC")).Tenants[0].ActorHomePage);
        Assert.Equal("https://lms.example.com", Read(Basic, ("Lrs:Tenants:0:HomePage", "https://lms.example.com")).Tenants[0].ActorHomePage);
    }

    private static LrsOptions Read(Dictionary<string, string?> settings, params (string Key, string? Value)[] changes)
    {
        var all = new Dictionary<string, string?>(settings);
        foreach (var (key, value) in changes)
        {
            all[key] = value;
        }

        var options = new LrsOptions();
        new ConfigurationBuilder().AddInMemoryCollection(all).Build().GetSection(LrsOptions.SectionName).Bind(options);
        return options;
    }
}
