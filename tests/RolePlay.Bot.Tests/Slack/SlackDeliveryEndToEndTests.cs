using System.Text.Json.Nodes;
using RolePlay.Core.Storage;
using RolePlay.Testing.Slack;

namespace RolePlay.Bot.Tests.Slack;

/// <summary>Retries answered once (one host, and two hosts on one SQLite file), and the App Home tab.</summary>
public sealed class SlackDeliveryEndToEndTests : SingleWorkspaceTest
{
    private const string Lee = "ULEE";

    [Fact]
    public async Task Slack_retries_of_one_event_are_answered_once()
    {
        var envelope = SlackBotHost.Event("Ev-retried", SlackBotHost.DirectMessage(Lee, "help"));

        var first = await Host.PostEventAsync(envelope);
        var retries = await Task.WhenAll(Enumerable.Range(1, 3).Select(n => Host.PostEventAsync(envelope, Retry(n))));
        await Host.DrainAsync();

        Assert.Equal(200, first.Status);
        Assert.All(retries, r => Assert.Equal(200, r.Status));
        Assert.Single(Api.CallsTo("chat.postMessage"));
    }

    [Fact]
    public async Task Two_hosts_sharing_one_SQLite_file_answer_a_retry_once()
    {
        await using var second = await SlackBotHost.StartSingleWorkspaceAsync(Api, Dir);
        var envelope = SlackBotHost.Event("Ev-two-hosts", SlackBotHost.DirectMessage(Lee, "help"));

        Assert.Equal(200, (await Host.PostEventAsync(envelope)).Status);
        Assert.Equal(200, (await second.PostEventAsync(envelope, Retry(1))).Status);
        await Host.DrainAsync();
        await second.DrainAsync();
        Assert.Single(Api.CallsTo("chat.postMessage"));

        // A new event still goes through the second host.
        Assert.Equal(200, (await second.SayAsync("Ev-next", Lee, "help")).Status);
        await second.DrainAsync();
        Assert.Equal(2, Api.CallsTo("chat.postMessage").Count);
    }

    [Fact]
    public async Task The_Home_tab_shows_progress_and_settings()
    {
        await Host.CommandAsync(Lee, "time 07:45");
        await Host.SayAsync("Ev-start", Lee, "start bereavement-closure");
        await Host.SayAsync("Ev-turn", Lee, "I'm so sorry for your loss, that must be really hard.");
        await Host.SayAsync("Ev-end", Lee, "/end");
        await Host.DrainAsync();

        Assert.Equal(200, (await Host.PostEventAsync(SlackBotHost.Event("Ev-home", new JsonObject
        {
            ["type"] = "app_home_opened", ["user"] = Lee, ["channel"] = "D" + Lee, ["tab"] = "home", ["event_ts"] = SlackBotHost.Ts(),
        }))).Status);
        await Host.DrainAsync();

        var publish = Assert.Single(Api.CallsTo("views.publish"));
        Assert.Equal(Lee, publish.Str("user_id"));
        var view = publish.Json!["view"]!.AsObject();
        Assert.Equal("home", view["type"]!.GetValue<string>());
        var text = view["blocks"]!.ToJsonString();
        var facts = view["blocks"]!.AsArray().SelectMany(b => b!["fields"]?.AsArray() ?? []).Select(f => f!["text"]!.GetValue<string>());
        Assert.Contains("*Practices*\n1", facts);
        Assert.Contains("07:45", text);
        Assert.Contains("America/Los_Angeles", text);
        Assert.Contains(view["blocks"]!.AsArray(), b => b!["type"]!.GetValue<string>() == "actions");
    }

    private static Dictionary<string, string> Retry(int number) => new()
    {
        ["X-Slack-Retry-Num"] = number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["X-Slack-Retry-Reason"] = "http_timeout",
    };
}
