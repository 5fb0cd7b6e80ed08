using System.Net;
using RolePlay.Core.Chat;
using RolePlay.Teams.Tests.Infrastructure;

namespace RolePlay.Teams.Tests;

/// <summary>Replies leave through the conversation's outbox: Teams gets its answer once the turn is handled, and a
/// reply the connector keeps refusing is tried again there rather than dropped with the request.</summary>
public sealed class ReplyOutboxTests : AuthenticatedBotTest
{
    private string Token => KeyServer.Issue(BotHost.AppId, Connector.ServiceUrl);

    [Fact]
    public async Task The_request_is_answered_before_a_slow_connector_has_taken_the_reply()
    {
        Bot.Router.Respond = _ => new RouterResult([new TextOut("I hear how frustrating this is.")]);
        Connector.Enqueue(new ScriptedResponse(201, Body: """{"id":"slow-1"}""", Delay: TimeSpan.FromSeconds(5)));

        using var response = await Bot.PostUnsettledAsync(Activities.Message(Connector.ServiceUrl, "hello").ToJsonString(), Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, Bot.Outbox.Pending); // the connector holds its answer for 5 s: the reply is still on its way
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        Assert.True(await Bot.Outbox.DrainedAsync(patience.Token));
        var post = Assert.Single(Connector.ActivityPosts);
        Assert.Equal("I hear how frustrating this is.", post.Json!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_reply_refused_past_the_quick_retries_is_sent_again_from_the_outbox()
    {
        Bot.Router.Respond = _ => new RouterResult([new TextOut("Let me put that right.")]);
        // Retry:MaxAttempts is 4: the first call spends all four on 503s, the outbox tries again and gets through.
        Connector.Enqueue([.. Enumerable.Repeat(new ScriptedResponse(503), 5)]);

        using var response = await Bot.PostAsync(Activities.Message(Connector.ServiceUrl, "hello").ToJsonString(), Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var posts = Connector.ActivityPosts.ToList();
        Assert.Equal(6, posts.Count);
        Assert.All(posts, p => Assert.Equal("Let me put that right.", p.Json!["text"]!.GetValue<string>()));
        Assert.NotNull(posts[^1].AnsweredId);
        Assert.Single(Connector.Deliveries);
    }

    [Fact]
    public async Task A_reply_refused_for_what_it_is_is_not_sent_again()
    {
        Bot.Router.Respond = _ => new RouterResult([new TextOut("Let me put that right.")]);
        Connector.Enqueue(new ScriptedResponse(400, Body: """{"error":{"code":"BadArgument","message":"Unknown activity type"}}"""));

        await Bot.PostAsync(Activities.Message(Connector.ServiceUrl, "hello").ToJsonString(), Token);

        Assert.Single(Connector.ActivityPosts);
        Assert.Empty(Connector.Deliveries);
    }
}
