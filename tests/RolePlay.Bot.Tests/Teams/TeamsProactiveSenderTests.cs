using Microsoft.Extensions.DependencyInjection;
using RolePlay.Core.Cards;
using RolePlay.Core.Chat;
using RolePlay.Core.Routines;
using RolePlay.Core.Storage;
using RolePlay.Testing.Teams;

namespace RolePlay.Bot.Tests.Teams;

/// <summary>The host's Teams sender (<see cref="IProactiveSender"/> "teams") against the fake connector: where a
/// routine's message goes, how it is rendered, and what the connector's refusals become.</summary>
public sealed class TeamsProactiveSenderTests : TeamsHostTest
{
    private const string Channel = "19:standup-channel@thread.tacv2";
    private static readonly TenantScope Tenant = new("teams", TeamsHost.TenantId);
    private static readonly IReadOnlyList<Outgoing> Prompt =
        [new TextOut("Time for today's 3-minute practice."), new CardOut(new Card("prompt.warmup", "Warm-up", [new TextBlock("Name the feeling.")], []))];

    private IProactiveSender Sender => Bot.Services.GetServices<IProactiveSender>().Single(s => s.Platform == "teams");

    private static RoutineTarget Person(string userId) => new RoutineTarget.Person(new PersonKey(Tenant, userId));

    [Fact]
    public async Task A_person_who_wrote_to_the_bot_gets_the_message_in_their_1_1_chat_rendered_as_replies_are()
    {
        var person = new TeamsActivities(Connector.ServiceUrl, "29:" + Guid.NewGuid().ToString("N"));
        await OkAsync(person.Message("help"));
        var chat = new SentActivities(Connector, person.ConversationId);
        var before = chat.Posts.Count;

        var outcome = await Sender.SendAsync(Person(person.UserId), Prompt, CancellationToken.None);

        var posts = chat.Posts.Skip(before).ToList();
        Assert.Equal(new ProactiveOutcome.Sent(posts[0].AnsweredId), outcome);
        Assert.Equal(2, posts.Count);
        Assert.Equal("Time for today's 3-minute practice.", posts[0].Json!["text"]!.GetValue<string>());
        Assert.Equal("plain", posts[0].Json!["textFormat"]!.GetValue<string>());
        Assert.Equal(person.UserId, posts[0].Json!["recipient"]!["id"]!.GetValue<string>());
        Assert.Equal(TeamsActivities.BotId, posts[0].Json!["from"]!["id"]!.GetValue<string>());
        Assert.Equal("application/vnd.microsoft.card.adaptive", posts[1].Json!["attachments"]![0]!["contentType"]!.GetValue<string>());
        Assert.Contains("Name the feeling.", SentActivities.StringsOf(posts[1].Json!["attachments"]![0]!["content"]));
        Assert.DoesNotContain(Connector.Requests, r => r.Path == "/v3/conversations");
    }

    [Fact]
    public async Task Someone_the_bot_never_met_gets_a_1_1_chat_created_on_their_tenant_once()
    {
        var colleague = new TeamsActivities(Connector.ServiceUrl, "29:" + Guid.NewGuid().ToString("N"));
        await OkAsync(colleague.ChannelMessage(Channel, "19:team-general@thread.tacv2", "team show"));
        const string newcomer = "29:newcomer";

        var first = await Sender.SendAsync(Person(newcomer), Prompt, CancellationToken.None);
        var second = await Sender.SendAsync(Person(newcomer), Prompt, CancellationToken.None);

        Assert.IsType<ProactiveOutcome.Sent>(first);
        Assert.IsType<ProactiveOutcome.Sent>(second);
        var create = Assert.Single(Connector.Requests, r => r.Path == "/v3/conversations");
        Assert.Equal(newcomer, create.Json!["members"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(TeamsHost.TenantId, create.Json!["tenantId"]!.GetValue<string>());
        Assert.Equal(4, new SentActivities(Connector, FakeConnector.PersonalConversationOf(newcomer)).Posts.Count);
        var stored = await Bot.Services.GetRequiredService<IDeliveryAddressStore>().GetAsync(Tenant, newcomer, CancellationToken.None);
        Assert.Equal(FakeConnector.PersonalConversationOf(newcomer), stored!.ConversationId);
    }

    [Fact]
    public async Task A_tenant_the_bot_never_heard_from_is_a_failure_and_nothing_is_sent()
    {
        var outcome = await Sender.SendAsync(Person("29:stranger"), Prompt, CancellationToken.None);

        Assert.IsType<ProactiveOutcome.Failed>(outcome);
        Assert.Empty(Connector.Requests);
    }

    [Fact]
    public async Task A_channel_gets_a_new_post_and_a_thread_gets_a_reply()
    {
        var person = new TeamsActivities(Connector.ServiceUrl, "29:" + Guid.NewGuid().ToString("N"));
        // The channel was last seen through a reply in one of its threads.
        await OkAsync(person.ChannelMessage(Channel + ";messageid=1759881511856", "19:team-general@thread.tacv2", "team show"));
        var inChannel = new SentActivities(Connector, Channel);
        var inThread = new SentActivities(Connector, Channel + ";messageid=1759881599999");
        var before = inChannel.Posts.Count;

        var post = await Sender.SendAsync(new RoutineTarget.Channel(Tenant, Channel), [new TextOut("Standup: one adjective?")], CancellationToken.None);
        var reply = await Sender.SendAsync(new RoutineTarget.Channel(Tenant, Channel, ThreadId: "1759881599999"), [new TextOut("Thanks all")], CancellationToken.None);

        var posted = Assert.Single(inChannel.Posts.Skip(before));
        Assert.Equal($"/v3/conversations/{Uri.EscapeDataString(Channel)}/activities", posted.Path);
        Assert.Equal(new ProactiveOutcome.Sent(posted.AnsweredId), post);
        var replied = Assert.Single(inThread.Posts);
        Assert.Equal($"/v3/conversations/{Uri.EscapeDataString(Channel + ";messageid=1759881599999")}/activities/1759881599999", replied.Path);
        Assert.Equal("1759881599999", replied.Json!["replyToId"]!.GetValue<string>());
        Assert.Equal(new ProactiveOutcome.Sent(replied.AnsweredId), reply);
    }

    [Fact]
    public async Task A_person_who_blocked_the_bot_is_unreachable_and_marked()
    {
        var person = new TeamsActivities(Connector.ServiceUrl, "29:" + Guid.NewGuid().ToString("N"));
        await OkAsync(person.Message("time 09:30"));
        Connector.Enqueue(new ScriptedResponse(403, Body: """{"error":{"code":"MessageWritesBlocked","message":"Thread is blocked"}}"""));

        var outcome = await Sender.SendAsync(Person(person.UserId), Prompt, CancellationToken.None);

        Assert.IsType<ProactiveOutcome.Unreachable>(outcome);
        var stored = await Bot.Services.GetRequiredService<IPeopleStore>().GetAsync(new PersonKey(Tenant, person.UserId), CancellationToken.None);
        Assert.NotNull(stored!.UnreachableSinceUtc);
    }

    [Fact]
    public async Task A_429_storm_is_waited_out_by_Retry_After_and_the_message_arrives_once()
    {
        var person = new TeamsActivities(Connector.ServiceUrl, "29:" + Guid.NewGuid().ToString("N"));
        await OkAsync(person.Message("help"));
        var chat = new SentActivities(Connector, person.ConversationId);
        var before = chat.Posts.Count;
        Connector.Enqueue(new ScriptedResponse(429, RetryAfterSeconds: 1), new ScriptedResponse(429, RetryAfterSeconds: 1));

        var outcome = await Sender.SendAsync(Person(person.UserId), [new TextOut("Today's prompt")], CancellationToken.None);

        Assert.IsType<ProactiveOutcome.Sent>(outcome);
        var attempts = chat.Posts.Skip(before).ToList();
        Assert.Equal(3, attempts.Count);
        Assert.All(attempts.Zip(attempts.Skip(1)), pair => Assert.True(pair.Second.At - pair.First.At >= TimeSpan.FromMilliseconds(950),
            $"retried {pair.Second.At - pair.First.At} after a 429 asking for 1 s"));
        Assert.Equal(1, Connector.Deliveries[person.ConversationId] - before);
    }

    [Fact]
    public async Task A_Retry_After_beyond_the_wait_limit_is_reported_as_Throttled_with_it()
    {
        var person = new TeamsActivities(Connector.ServiceUrl, "29:" + Guid.NewGuid().ToString("N"));
        await OkAsync(person.Message("help"));
        Connector.Enqueue(new ScriptedResponse(429, RetryAfterSeconds: 120));

        var outcome = await Sender.SendAsync(Person(person.UserId), [new TextOut("Today's prompt")], CancellationToken.None);

        Assert.Equal(new ProactiveOutcome.Throttled(TimeSpan.FromSeconds(120)), outcome);
    }

    [Fact]
    public async Task A_fan_out_over_the_tenant_budget_is_paced_below_Teams_limits()
    {
        var colleague = new TeamsActivities(Connector.ServiceUrl, "29:" + Guid.NewGuid().ToString("N"));
        await OkAsync(colleague.ChannelMessage(Channel, "19:team-general@thread.tacv2", "team show"));
        Connector.RateLimits = TeamsRateLimits.Published();
        var people = Enumerable.Range(0, 40).Select(i => $"29:fan-{i}").ToList();

        // 40 people, each a create and a send: 80 requests against 30 a second for the tenant.
        var outcomes = await Task.WhenAll(people.Select(p => Sender.SendAsync(Person(p), [new TextOut("Today's prompt")], CancellationToken.None)));

        Assert.All(outcomes, o => Assert.IsType<ProactiveOutcome.Sent>(o));
        Assert.Equal(0, Connector.Throttled);
        Assert.All(people, p => Assert.Equal(1, Connector.Deliveries[FakeConnector.PersonalConversationOf(p)]));
    }
}
