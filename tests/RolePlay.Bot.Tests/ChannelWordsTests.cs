using RolePlay.Core.Cards;
using RolePlay.Core.Chat;
using RolePlay.Core.Storage;
using Inputs = RolePlay.Core.Chat.CardVerbs.Inputs;

namespace RolePlay.Bot.Tests;

/// <summary>What the bot says fits the channel it says it in, and each event is answered once: the studio is offered
/// nothing that needs a team channel, a buddy is named only to someone who has one, and pausing, stopping and
/// committing each get one message, and so does an install however many events announce it.</summary>
public sealed class ChannelWordsTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);
    private static readonly ChannelUser InStudio = new("studio", "local", "local-kim", "Kim");
    private static readonly ChannelUser InTeams = new("teams", "tenant-a", "29:lea", "Lea");
    private static readonly ChannelUser Buddy = new("teams", "tenant-a", "29:ben", "Ben");

    private static readonly string[] TeamChannelCommands = ["share", "no-pair", "shift 17:30"];

    private readonly string _db = Path.Combine(Directory.CreateTempSubdirectory("roleplay-words-").FullName, "roleplay.db");
    private RouterHarness _bot = null!;

    public async Task InitializeAsync() => _bot = await RouterHarness.StartAsync(_db, Now);

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Path.GetDirectoryName(_db)!, recursive: true);
    }

    [Fact]
    public async Task The_studio_is_not_offered_commands_that_need_a_team_channel_and_Teams_still_is()
    {
        var studio = Text(await _bot.SayAsync(InStudio, "hello"));
        var teams = Text(await _bot.SayAsync(InTeams, "hello"));

        Assert.Contains("“hello” is not a command I know.", studio, StringComparison.Ordinal);
        Assert.Contains("start — pick a customer role-play", studio, StringComparison.Ordinal);
        // Signed in when deployed, a studio person is their Teams identity: the studio's words still follow the page.
        var studioSignedIn = Text(await _bot.Router.HandleAsync(
            new MessageReceived(InTeams, new ConversationAddress("studio", InTeams.TenantId, InTeams.UserId, ConversationKind.Personal), Now, "hello", null),
            CancellationToken.None));
        foreach (var command in TeamChannelCommands)
        {
            Assert.DoesNotContain($"• {command}", studio, StringComparison.Ordinal);
            Assert.DoesNotContain($"• {command}", studioSignedIn, StringComparison.Ordinal);
            Assert.Contains($"• {command}", teams, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Team_set_up_typed_in_the_studio_points_to_its_team_page_and_end_without_a_practice_is_understood()
    {
        Assert.Contains("Team page", Text(await _bot.SayAsync(InStudio, "team standup 09:15")), StringComparison.Ordinal);
        Assert.Contains("team channel", Text(await _bot.SayAsync(InTeams, "team standup 09:15")), StringComparison.Ordinal);
        Assert.Equal("No practice is running right now. Type “start” to begin one.", Text(await _bot.SayAsync(InStudio, "/end")));
    }

    [Fact]
    public async Task The_studio_welcome_and_opt_in_speak_of_the_page_and_the_chat_ones_of_messages()
    {
        var studio = CardText(await InstalledAsync(RouterHarness.Dm(InStudio), InStudio));
        var teams = CardText(await InstalledAsync(RouterHarness.Dm(InTeams)));

        Assert.Contains("will be waiting here", studio, StringComparison.Ordinal);
        Assert.DoesNotContain("I'll send", studio, StringComparison.Ordinal);
        Assert.DoesNotContain("inside your chat", studio, StringComparison.Ordinal);
        Assert.Contains("I'll send one short practice prompt", teams, StringComparison.Ordinal);

        Assert.Contains("Team page", Text(await _bot.SubmitAsync(InStudio, CardVerbs.OptIn, [])), StringComparison.Ordinal);
        Assert.Contains("“time 08:45”", Text(await _bot.SubmitAsync(InTeams, CardVerbs.OptIn, [])), StringComparison.Ordinal);
    }

    private static string CardText(RouterResult result) =>
        string.Join(" ", Assert.IsType<CardOut>(Assert.Single(result.Replies)).Card.Body.OfType<TextBlock>().Select(t => t.Text));

    [Fact]
    public async Task Pausing_and_stopping_are_each_answered_with_one_message()
    {
        await _bot.SayAsync(InTeams, "start refund-outside-policy");

        var paused = await _bot.SubmitAsync(InTeams, CardVerbs.Pause, []);
        var again = await _bot.SayAsync(InTeams, "/pause");
        var stopped = await _bot.SayAsync(InTeams, "/stop");

        Assert.StartsWith("Coach: Paused.", Assert.Single(paused.Replies.OfType<TextOut>()).Text, StringComparison.Ordinal);
        Assert.Single(paused.Replies);
        Assert.Equal("This practice is already paused. Type /resume to carry on, or /stop to stop.", Text(again));
        Assert.StartsWith("Coach: Stopped. Nothing was scored.", Assert.Single(stopped.Replies.OfType<TextOut>()).Text, StringComparison.Ordinal);
        Assert.Single(stopped.Replies);
    }

    [Fact]
    public async Task A_buddy_is_named_in_the_debrief_only_to_someone_who_has_one()
    {
        var alone = await CommitAsync(InStudio, "Ask one open question first");
        Assert.Equal("Pick one thing to try on your next shift.", alone.Prompt);
        Assert.StartsWith("Committed: “Ask one open question first”. I'll ask you how it went on ", alone.Confirmation, StringComparison.Ordinal);

        await PairAsync(InTeams, Buddy);
        var paired = await CommitAsync(InTeams, "Summarise before I solve");
        Assert.Equal("Pick one thing to try on your next shift, and tell Ben which one.", paired.Prompt);
        Assert.StartsWith("Committed: “Summarise before I solve”. I'll ask you and Ben how it went on ", paired.Confirmation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_install_announced_twice_is_greeted_once_in_a_chat_and_in_a_channel_and_again_an_hour_later()
    {
        var channel = new ConversationAddress(InTeams.Platform, InTeams.TenantId, "19:general@thread.tacv2", ConversationKind.Channel, TeamId: "19:team");

        var welcome = await InstalledAsync(RouterHarness.Dm(InTeams));
        var hello = await InstalledAsync(channel);
        Assert.Equal("welcome", Assert.IsType<CardOut>(Assert.Single(welcome.Replies)).Card.Id);
        Assert.StartsWith("Hello, team!", Text(hello), StringComparison.Ordinal);
        _bot.Clock.Advance(TimeSpan.FromSeconds(3));
        Assert.Empty((await InstalledAsync(RouterHarness.Dm(InTeams))).Replies);
        Assert.Empty((await InstalledAsync(channel)).Replies);

        _bot.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Single((await InstalledAsync(RouterHarness.Dm(InTeams))).Replies);
        Assert.Single((await InstalledAsync(channel)).Replies);
    }

    private Task<RouterResult> InstalledAsync(ConversationAddress conversation, ChannelUser? by = null) =>
        _bot.Router.HandleAsync(new BotInstalled(by ?? InTeams, conversation, _bot.Clock.GetUtcNow()), CancellationToken.None);

    /// <summary>Plays a short practice to its end and commits: the commitment card's prompt and the confirmation.</summary>
    private async Task<(string Prompt, string Confirmation)> CommitAsync(ChannelUser user, string commitment)
    {
        await _bot.SayAsync(user, "start late-delivery-birthday");
        await _bot.SayAsync(user, "I'm so sorry, that sounds stressful with the birthday tomorrow. What happened?");
        var ended = await _bot.SayAsync(user, "/end");
        var feelings = ended.Replies.OfType<CardOut>().Single(c => c.Card.Id == "debrief.feelings").Card;
        var session = ((SubmitAction)feelings.Actions.Single()).Data[Inputs.Session];
        var layers = await _bot.SubmitAsync(user, CardVerbs.DebriefFeelings, new() { [Inputs.Session] = session, [Inputs.FeelingRating] = "3" });
        var card = layers.Replies.OfType<CardOut>().Single(c => c.Card.Id == "debrief.commitment").Card;
        var committed = await _bot.SubmitAsync(user, CardVerbs.DebriefCommit, new() { [Inputs.Session] = session, [Inputs.Commitment] = commitment });
        Assert.Empty(committed.Replies);
        return (card.Body.OfType<TextBlock>().First().Text, Assert.IsType<TextBlock>(Assert.Single(committed.ReplaceCard!.Body)).Text);
    }

    private async Task PairAsync(ChannelUser learner, ChannelUser buddy)
    {
        var tenant = new TenantScope(learner.Platform, learner.TenantId);
        foreach (var user in new[] { learner, buddy })
        {
            var key = new PersonKey(user.Platform, user.TenantId, user.UserId);
            var person = await _bot.People.GetAsync(key, CancellationToken.None)
                         ?? Core.Settings.PersonSettings.NewPerson(user);
            await _bot.People.SaveAsync(person with { TeamId = "team-1" }, CancellationToken.None);
        }

        await _bot.Pairing.SaveRoundAsync(new PairingRound(tenant, "team-1", 1, Now,
            [new PairRecord(new PersonKey(tenant, learner.UserId), new PersonKey(tenant, buddy.UserId))], []), CancellationToken.None);
    }

    private static string Text(RouterResult result) => Assert.Single(result.Replies.OfType<TextOut>()).Text;
}
