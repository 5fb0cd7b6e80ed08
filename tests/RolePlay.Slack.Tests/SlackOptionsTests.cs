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

    [Fact]
    public void An_api_base_url_without_a_trailing_slash_is_refused()
    {
        var result = new SlackOptionsValidator().Validate(null, new SlackOptions { SigningSecret = "s", BotToken = "xoxb-1", ApiBaseUrl = new Uri("https://slack.com/api") });

        Assert.Contains("ApiBaseUrl", result.FailureMessage, StringComparison.Ordinal);
    }
}
