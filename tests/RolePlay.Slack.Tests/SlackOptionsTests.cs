using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace RolePlay.Slack.Tests;

public sealed class SlackOptionsTests
{
    [Theory]
    [InlineData(null, "xoxb-1", null, null, "SigningSecret")]
    [InlineData("s", null, null, null, "Set Slack:BotToken")]
    [InlineData("s", "xoxp-user", null, null, "must be a bot token")]
    [InlineData("s", null, "id", null, "must be set together")]
    [InlineData("s", "xoxb-1", null, null, null)]
    [InlineData("s", null, "id", "secret", null)]
    public void Start_up_validation_names_what_is_wrong(string? secret, string? botToken, string? clientId, string? clientSecret, string? expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Slack:SigningSecret"] = secret, ["Slack:BotToken"] = botToken, ["Slack:ClientId"] = clientId, ["Slack:ClientSecret"] = clientSecret,
            ["Slack:RedirectUri"] = "https://roleplay.example/api/slack/oauth/callback",
        }).Build();
        using var services = new ServiceCollection().AddSlack(configuration).BuildServiceProvider();

        var read = () => services.GetRequiredService<IOptions<SlackOptions>>().Value;

        if (expected is null)
        {
            Assert.NotNull(read());
        }
        else
        {
            Assert.Contains(expected, Assert.Throws<OptionsValidationException>(read).Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(null, "Slack:RedirectUri is required")]
    [InlineData("/api/slack/oauth/callback", "must be an absolute URL")]
    [InlineData("http://roleplay.example/api/slack/oauth/callback", "must be https")]
    [InlineData("https://roleplay.example/elsewhere", "must end in /api/slack/oauth/callback")]
    [InlineData("https://roleplay.example/api/slack/oauth/callback?next=x", "must end in /api/slack/oauth/callback")]
    [InlineData("http://127.0.0.1:3978/api/slack/oauth/callback", null)]
    [InlineData("https://roleplay.example/api/slack/oauth/callback", null)]
    public void OAuth_install_needs_its_public_redirect_uri(string? redirectUri, string? expected)
    {
        var result = new SlackOptionsValidator().Validate(null, new SlackOptions
        {
            SigningSecret = "s", ClientId = "id", ClientSecret = "secret",
            RedirectUri = redirectUri is null ? null : new Uri(redirectUri, UriKind.RelativeOrAbsolute),
        });

        Assert.Equal(expected is null, result.Succeeded);
        if (expected is not null)
        {
            Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_relayed_authors_retention_must_be_positive()
    {
        Assert.Equal(TimeSpan.FromDays(90), new SlackOptions().RelayedAuthorRetention);

        var result = new SlackOptionsValidator().Validate(null, new SlackOptions { SigningSecret = "s", BotToken = "xoxb-1", RelayedAuthorRetention = TimeSpan.Zero });

        Assert.Contains("Slack:RelayedAuthorRetention must be positive", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void An_api_base_url_without_a_trailing_slash_is_refused()
    {
        var result = new SlackOptionsValidator().Validate(null, new SlackOptions { SigningSecret = "s", BotToken = "xoxb-1", ApiBaseUrl = new Uri("https://slack.com/api") });

        Assert.Contains("ApiBaseUrl", result.FailureMessage, StringComparison.Ordinal);
    }
}
