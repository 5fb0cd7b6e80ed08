using Microsoft.Extensions.DependencyInjection;
using RolePlay.Core.Cards;
using RolePlay.Core.Chat;
using RolePlay.Core.Routines;
using RolePlay.Core.Storage;
using RolePlay.Testing.Slack;

namespace RolePlay.Bot.Tests.Slack;

/// <summary>The host's Slack sender (<see cref="IProactiveSender"/> "slack") against the fake Web API: DMs opened once,
/// channels and threads, Block Kit as replies get it, and what Slack's refusals become.</summary>
public sealed class SlackProactiveSenderTests : SingleWorkspaceTest
{
    private static readonly TenantScope Workspace = new("slack", SlackBotHost.Workspace);
    private static readonly IReadOnlyList<Outgoing> Prompt =
        [new CardOut(new Card("prompt.warmup", "Warm-up", [new TextBlock("Name the feeling.")], []))];

    private IProactiveSender Sender => SenderOf(Host);

    private static IProactiveSender SenderOf(SlackBotHost host) => host.Services.GetServices<IProactiveSender>().Single(s => s.Platform == "slack");

    private static RoutineTarget Person(string userId) => new RoutineTarget.Person(new PersonKey(Workspace, userId));

    [Fact]
    public async Task A_person_s_DM_is_opened_once_and_the_message_is_Block_Kit_as_replies_are()
    {
        var first = await Sender.SendAsync(Person("UANA"), Prompt, CancellationToken.None);
        var second = await Sender.SendAsync(Person("UANA"), [new TextOut("a <b> & c")], CancellationToken.None);

        Assert.Equal("UANA", Assert.Single(Api.CallsTo("conversations.open")).Str("users"));
        var posts = Api.CallsTo("chat.postMessage");
        Assert.Equal(2, posts.Count);
        Assert.All(posts, p => Assert.Equal("DUANA", p.Str("channel")));
        Assert.Equal("Bearer " + SlackBotHost.BotToken, posts[0].Authorization);
        Assert.Contains("Name the feeling.", posts[0].Json!["blocks"]!.ToJsonString());
        Assert.Equal("a &lt;b&gt; &amp; c", posts[1].Str("text"));
        Assert.IsType<ProactiveOutcome.Sent>(first);
        Assert.NotNull(((ProactiveOutcome.Sent)second).MessageId);
        var stored = await Host.Services.GetRequiredService<IDeliveryAddressStore>().GetAsync(Workspace, "UANA", CancellationToken.None);
        Assert.Equal("DUANA", stored!.ConversationId);
    }

    [Fact]
    public async Task A_channel_gets_a_new_message_and_a_thread_a_reply()
    {
        var post = await Sender.SendAsync(new RoutineTarget.Channel(Workspace, "CSTANDUP"), [new TextOut("One adjective?")], CancellationToken.None);
        var reply = await Sender.SendAsync(new RoutineTarget.Channel(Workspace, "CSTANDUP", ((ProactiveOutcome.Sent)post).MessageId),
            [new TextOut("Thanks!")], CancellationToken.None);

        Assert.IsType<ProactiveOutcome.Sent>(reply);
        var posts = Api.CallsTo("chat.postMessage");
        Assert.Equal(["CSTANDUP", "CSTANDUP"], posts.Select(p => p.Str("channel")));
        Assert.Null(posts[0].Json!["thread_ts"]);
        Assert.Equal(((ProactiveOutcome.Sent)post).MessageId, posts[1].Str("thread_ts"));
        Assert.Empty(Api.CallsTo("conversations.open"));
    }

    [Fact]
    public async Task A_channel_message_spoken_for_someone_is_remembered_as_theirs_and_an_ordinary_one_is_not()
    {
        var ana = new ChannelUser("slack", SlackBotHost.Workspace, "UANA", "Ana");
        var notice = await Sender.SendAsync(new RoutineTarget.Channel(Workspace, "CSTANDUP"),
            [new TextOut("Ana reviewed Ben's practice with the peer checklist") { AuthoredBy = ana }], CancellationToken.None);
        var ordinary = await Sender.SendAsync(new RoutineTarget.Channel(Workspace, "CSTANDUP"), [new TextOut("One adjective?")], CancellationToken.None);

        var authors = Host.Services.GetRequiredService<IMessageAuthorStore>();
        var now = DateTimeOffset.UtcNow;
        Assert.Equal(new PersonKey(Workspace, "UANA"),
            await authors.GetAsync(Workspace, "CSTANDUP", ((ProactiveOutcome.Sent)notice).MessageId!, now, CancellationToken.None));
        Assert.Null(await authors.GetAsync(Workspace, "CSTANDUP", ((ProactiveOutcome.Sent)ordinary).MessageId!, now, CancellationToken.None));
    }

    [Fact]
    public async Task A_person_Slack_says_is_gone_is_unreachable_and_marked()
    {
        await Host.CommandAsync("UGONE2", "time 09:30");
        Api.GoneUsers["UGONE2"] = true;

        var outcome = await Sender.SendAsync(Person("UGONE2"), Prompt, CancellationToken.None);

        Assert.Equal(new ProactiveOutcome.Unreachable("user_not_found"), outcome);
        Assert.DoesNotContain(Api.CallsTo("chat.postMessage"), c => c.Str("channel") == "DUGONE2");
        var person = await Host.People.GetAsync(new PersonKey(Workspace, "UGONE2"), CancellationToken.None);
        Assert.NotNull(person!.UnreachableSinceUtc);
    }

    [Fact]
    public async Task A_429_storm_is_waited_out_by_Retry_After_and_the_message_arrives_once()
    {
        Api.Script("chat.postMessage", FakeSlackApi.RateLimited(1), FakeSlackApi.RateLimited(1));

        var outcome = await Sender.SendAsync(Person("ULEE"), Prompt, CancellationToken.None);

        Assert.IsType<ProactiveOutcome.Sent>(outcome);
        var calls = Api.CallsTo("chat.postMessage");
        Assert.Equal(3, calls.Count);
        Assert.All(calls.Zip(calls.Skip(1)), pair => Assert.True(pair.Second.At - pair.First.At >= TimeSpan.FromMilliseconds(950),
            $"retried {pair.Second.At - pair.First.At} after a 429 asking for 1 s"));
        Assert.Equal(1, Api.Deliveries[$"{SlackBotHost.Workspace}/DULEE"]);
    }

    [Fact]
    public async Task A_Retry_After_beyond_the_wait_limit_is_reported_as_Throttled_with_it()
    {
        Api.Script("chat.postMessage", FakeSlackApi.RateLimited(120));

        var outcome = await Sender.SendAsync(Person("ULEE"), Prompt, CancellationToken.None);

        Assert.Equal(new ProactiveOutcome.Throttled(TimeSpan.FromSeconds(120)), outcome);
    }

    [Fact]
    public async Task A_busy_channel_is_paced_while_a_DM_goes_at_once_and_Slack_refuses_nothing()
    {
        // Slack's own pace: one message a second per channel.
        await using var paced = await SlackBotHost.StartSingleWorkspaceAsync(Api, Path.Combine(Dir, "paced"), "--Slack:ChannelMessageInterval=00:00:01");
        Api.RateLimits = SlackRateLimits.Documented();
        var sender = SenderOf(paced);

        var channel = Enumerable.Range(1, 4)
            .Select(i => sender.SendAsync(new RoutineTarget.Channel(Workspace, "CBUSY"), [new TextOut($"Post {i}")], CancellationToken.None))
            .ToList();
        var direct = await sender.SendAsync(Person("UQUICK"), Prompt, CancellationToken.None);
        await Task.WhenAll(channel);

        Assert.IsType<ProactiveOutcome.Sent>(direct);
        Assert.All(channel, c => Assert.IsType<ProactiveOutcome.Sent>(c.Result));
        Assert.Equal(0, Api.Throttled);
        var posts = Api.CallsTo("chat.postMessage");
        var busy = posts.Where(p => p.Str("channel") == "CBUSY").Select(p => p.At).ToList();
        Assert.Equal(4, busy.Count);
        Assert.True(busy[^1] - busy[0] >= TimeSpan.FromSeconds(2.9), $"four posts to one channel within {busy[^1] - busy[0]}");
        Assert.True(posts.Single(p => p.Str("channel") == "DUQUICK").At < busy[^1], "the DM waited behind the busy channel");
    }
}
