using System.Net;
using RolePlay.Core.Chat;
using RolePlay.Teams.Tests.Infrastructure;

namespace RolePlay.Teams.Tests;

/// <summary>Inbound JWT validation end to end: a Kestrel key server, a Kestrel bot, real tokens.</summary>
public sealed class AuthenticationTests : AuthenticatedBotTest
{
    private const string OtherTenant = "11111111-2222-3333-4444-555555555555";

    private string ServiceUrl => Connector.ServiceUrl;

    [Fact]
    public async Task A_valid_channel_token_is_accepted_and_the_message_routed()
    {
        var response = await Bot.PostAsync(Activities.Message(ServiceUrl, "hello").ToJsonString(), KeyServer.Issue(BotHost.AppId, ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var message = Assert.IsType<MessageReceived>(Assert.Single(Bot.Router.Events));
        Assert.Equal("hello", message.Text);
    }

    [Fact]
    public async Task The_serviceurl_claim_is_compared_case_insensitively()
    {
        var response = await Bot.PostAsync(Activities.Message(ServiceUrl, "hi").ToJsonString(), KeyServer.Issue(BotHost.AppId, ServiceUrl.ToUpperInvariant()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(Bot.Router.Events);
    }

    public static TheoryData<string> BadTokens() =>
    [
        "expired", "not-yet-valid", "wrong-audience", "wrong-issuer", "unendorsed-key", "mismatched-serviceurl", "missing-serviceurl",
        "unsigned", "tampered", "wrong-key", "missing-header", "basic-scheme", "lowercase-bearer", "three-parts", "garbage",
        "empty-bearer", "entra-token-for-multi-tenant-bot",
    ];

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task A_bad_token_gets_401_with_an_empty_body_and_nothing_is_processed(string kind)
    {
        var now = DateTime.UtcNow;
        var url = ServiceUrl;
        string? authorization = kind switch
        {
            "expired" => Bearer(KeyServer.Issue(BotHost.AppId, url, notBefore: now.AddHours(-2), expires: now.AddMinutes(-6))),
            "not-yet-valid" => Bearer(KeyServer.Issue(BotHost.AppId, url, notBefore: now.AddMinutes(10), expires: now.AddHours(1))),
            "wrong-audience" => Bearer(KeyServer.Issue(Guid.NewGuid().ToString(), url)),
            "wrong-issuer" => Bearer(KeyServer.Issue(BotHost.AppId, url, issuer: "https://api.botframework.evil")),
            "unendorsed-key" => Bearer(KeyServer.Issue(BotHost.AppId, url, key: KeyServer.WebChatKey)),
            "mismatched-serviceurl" => Bearer(KeyServer.Issue(BotHost.AppId, "https://smba.trafficmanager.net/amer/")),
            "missing-serviceurl" => Bearer(KeyServer.Issue(BotHost.AppId, null)),
            "unsigned" => Bearer(KeyServer.Unsigned(BotHost.AppId, url)),
            "tampered" => Bearer(KeyServer.Tampered(BotHost.AppId, "https://smba.trafficmanager.net/amer/", url)),
            "wrong-key" => Bearer(KeyServer.Issue(BotHost.AppId, url, key: KeyServer.RogueKey)),
            "missing-header" => null,
            "basic-scheme" => "Basic " + KeyServer.Issue(BotHost.AppId, url),
            "lowercase-bearer" => "bearer " + KeyServer.Issue(BotHost.AppId, url),
            "three-parts" => "Bearer " + KeyServer.Issue(BotHost.AppId, url) + " extra",
            "garbage" => "Bearer not.a.jwt",
            "empty-bearer" => "Bearer ",
            "entra-token-for-multi-tenant-bot" => Bearer(KeyServer.Issue(BotHost.AppId, url,
                issuer: $"https://login.microsoftonline.com/{BotHost.TenantId}/v2.0", key: KeyServer.EntraKey)),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

        var response = await Bot.PostAsync(Activities.Message(url, "hello").ToJsonString(), authorization: authorization ?? null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Empty(Bot.Router.Events);
        Assert.Empty(Connector.Requests);
    }

    [Fact]
    public async Task An_unknown_key_id_triggers_one_key_refresh_then_is_refused()
    {
        await Bot.PostAsync(Activities.Message(ServiceUrl, "warm up").ToJsonString(), KeyServer.Issue(BotHost.AppId, ServiceUrl));
        var before = Keys.KeyRequests;

        var response = await Bot.PostAsync(Activities.Message(ServiceUrl, "x").ToJsonString(), KeyServer.Issue(BotHost.AppId, ServiceUrl, key: KeyServer.RogueKey));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(before + 1, Keys.KeyRequests);
    }

    [Fact]
    public async Task A_token_signed_with_a_newly_rolled_key_is_accepted_after_one_key_fetch()
    {
        await Bot.PostAsync(Activities.Message(ServiceUrl, "warm up").ToJsonString(), KeyServer.Issue(BotHost.AppId, ServiceUrl));
        Keys.Roll();

        var response = await Bot.PostAsync(Activities.Message(ServiceUrl, "new key").ToJsonString(), KeyServer.Issue(BotHost.AppId, ServiceUrl, key: KeyServer.RolledKey));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, Bot.Router.Events.Count);
    }

    [Fact]
    public async Task Keys_are_cached_across_requests()
    {
        for (var i = 0; i < 5; i++)
        {
            var response = await Bot.PostAsync(Activities.Message(ServiceUrl, $"m{i}").ToJsonString(), KeyServer.Issue(BotHost.AppId, ServiceUrl));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(1, Keys.KeyRequests);
    }

    [Theory]
    [InlineData("https://login.microsoftonline.com/{0}/v2.0", BotHost.AppId)]
    [InlineData("https://sts.windows.net/{0}/", "api://" + BotHost.AppId)]
    [InlineData("https://login.microsoftonline.com/{0}/v2.0", "api://botid-" + BotHost.AppId)]
    public async Task A_single_tenant_bot_accepts_Entra_tokens_of_its_tenant(string issuerFormat, string audience)
    {
        await using var bot = await SingleTenantBotAsync();
        var token = KeyServer.Issue(audience, ServiceUrl, issuer: string.Format(System.Globalization.CultureInfo.InvariantCulture, issuerFormat, BotHost.TenantId),
            key: KeyServer.EntraKey);

        var response = await bot.PostAsync(Activities.Message(ServiceUrl, "entra").ToJsonString(), token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(bot.Router.Events);
    }

    [Theory]
    [InlineData("https://login.microsoftonline.com/{0}/v2.0")]
    [InlineData("https://sts.windows.net/{0}/")]
    public async Task A_single_tenant_bot_refuses_Entra_tokens_of_another_tenant(string issuerFormat)
    {
        await using var bot = await SingleTenantBotAsync();
        var token = KeyServer.Issue(BotHost.AppId, ServiceUrl, issuer: string.Format(System.Globalization.CultureInfo.InvariantCulture, issuerFormat, OtherTenant),
            key: KeyServer.EntraKey);

        var response = await bot.PostAsync(Activities.Message(ServiceUrl, "entra").ToJsonString(), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(bot.Router.Events);
    }

    [Fact]
    public async Task A_single_tenant_bot_still_accepts_channel_tokens()
    {
        await using var bot = await SingleTenantBotAsync();

        var response = await bot.PostAsync(Activities.Message(ServiceUrl, "bf").ToJsonString(), KeyServer.Issue(BotHost.AppId, ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_tenant_allow_list_refuses_other_tenants_and_admits_listed_ones()
    {
        await using var bot = await BotHost.StartAuthenticatedAsync(Keys, Connector, new Dictionary<string, string?> { ["Teams:AllowedTenants:0"] = BotHost.TenantId });

        var refused = await bot.PostAsync(Activities.Message(ServiceUrl, "x", tenant: OtherTenant).ToJsonString(), KeyServer.Issue(BotHost.AppId, ServiceUrl));
        var admitted = await bot.PostAsync(Activities.Message(ServiceUrl, "y").ToJsonString(), KeyServer.Issue(BotHost.AppId, ServiceUrl));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, admitted.StatusCode);
        Assert.Equal("y", Assert.IsType<MessageReceived>(Assert.Single(bot.Router.Events)).Text);
    }

    private Task<BotHost> SingleTenantBotAsync() => BotHost.StartAuthenticatedAsync(Keys, Connector, new Dictionary<string, string?>
    {
        ["Teams:MicrosoftAppType"] = "SingleTenant",
        ["Teams:MicrosoftAppTenantId"] = BotHost.TenantId,
    });

    private static string Bearer(string token) => "Bearer " + token;
}
