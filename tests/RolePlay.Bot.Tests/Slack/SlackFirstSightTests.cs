using RolePlay.Core.Storage;
using RolePlay.Testing.Slack;

namespace RolePlay.Bot.Tests.Slack;

/// <summary>A new person's zone comes from users.info; when Slack's limit refuses the lookup (a team rolled out at
/// once), they are kept in UTC only until their next event asks again.</summary>
public sealed class SlackFirstSightTests : SingleWorkspaceTest
{
    private const string Ana = "UANA";
    private static readonly PersonKey Key = new("slack", SlackBotHost.Workspace, Ana);

    [Fact]
    public async Task A_zone_lookup_refused_by_the_rate_limit_is_asked_again_on_the_next_event()
    {
        Api.TimeZones[Ana] = "Asia/Tokyo";
        Api.Script("users.info", FakeSlackApi.RateLimited(120)); // longer than the client waits: it gives up at once

        await SayAsync("Ev-first", "hello");
        Assert.Equal("Etc/UTC", (await PersonAsync()).TimeZone);

        await SayAsync("Ev-second", "hello again");
        Assert.Equal("Asia/Tokyo", (await PersonAsync()).TimeZone);
        Assert.Equal(2, Api.CallsTo("users.info").Count);

        await SayAsync("Ev-third", "still here");
        Assert.Equal(2, Api.CallsTo("users.info").Count); // met: never asked again
    }

    [Fact]
    public async Task A_zone_the_person_chose_while_the_lookup_waited_is_kept()
    {
        Api.Script("users.info", FakeSlackApi.RateLimited(120));
        await SayAsync("Ev-first", "hello");

        Assert.Equal(200, (await Host.CommandAsync(Ana, "timezone Europe/Lisbon")).Status);
        await Host.DrainAsync();
        await SayAsync("Ev-second", "hello again");

        Assert.Equal("Europe/Lisbon", (await PersonAsync()).TimeZone);
    }

    [Fact]
    public async Task A_lookup_refused_for_good_is_not_asked_again()
    {
        Api.Script("users.info", FakeSlackApi.Error("user_not_found"));

        await SayAsync("Ev-first", "hello");
        await SayAsync("Ev-second", "hello again");

        Assert.Equal("Etc/UTC", (await PersonAsync()).TimeZone);
        Assert.Single(Api.CallsTo("users.info"));
    }

    private async Task SayAsync(string eventId, string text)
    {
        Assert.Equal(200, (await Host.SayAsync(eventId, Ana, text)).Status);
        await Host.DrainAsync();
    }

    private async Task<PersonRecord> PersonAsync() =>
        await Host.People.GetAsync(Key, CancellationToken.None) ?? throw new Xunit.Sdk.XunitException("Ana is not stored");
}
