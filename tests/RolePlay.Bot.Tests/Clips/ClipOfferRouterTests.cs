using RolePlay.Core.Cards;
using RolePlay.Core.Chat;
using RolePlay.Core.Clips;

namespace RolePlay.Bot.Tests.Clips;

/// <summary>The consent offer for a voice file sent in chat, through the real router on SQLite with a clock the test
/// moves: it names the phrase logged at the end of today's shift, offers a pick otherwise, needs a team and something
/// to attach to, and runs out after a day.</summary>
public sealed class ClipOfferRouterTests : IAsyncLifetime
{
    private static readonly ChannelUser Agent = new("slack", "T0OFFERS", "U0AGENT", "Agent");
    private static readonly ConversationAddress Standup = new("slack", "T0OFFERS", "C0STANDUP", ConversationKind.Channel, TeamId: "T0OFFERS");

    private readonly string _dir = Directory.CreateTempSubdirectory("roleplay-clip-offers-").FullName;
    private RouterHarness _bot = null!;

    public async Task InitializeAsync() =>
        _bot = await RouterHarness.StartAsync(Path.Combine(_dir, "roleplay.db"), new DateTimeOffset(2026, 9, 1, 14, 0, 0, TimeSpan.Zero));

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task The_offer_names_the_phrase_logged_at_the_end_of_todays_shift_and_runs_out_after_a_day()
    {
        await JoinTeamAsync();
        await _bot.SubmitAsync(Agent, CardVerbs.LogPhrase, new() { [CardVerbs.Inputs.Phrase] = "Yesterday's phrase" });
        _bot.Clock.Advance(TimeSpan.FromDays(1));
        await _bot.SubmitAsync(Agent, CardVerbs.LogPhrase, new() { [CardVerbs.Inputs.Phrase] = "Let's sort this out together" });

        var card = await OfferAsync();

        Assert.Contains(card.Body.OfType<TextBlock>(), t => t.Text.Contains("the phrase you logged today: “Let's sort this out together”", StringComparison.Ordinal));
        var choice = Assert.Single(card.Inputs.OfType<ChoiceInput>());
        Assert.Equal(["Let's sort this out together", "Yesterday's phrase"], choice.Choices.Select(c => c.Title));
        Assert.Equal(choice.Choices[0].Value, choice.Value);

        _bot.Clock.Advance(ClipOffers.Lifetime + TimeSpan.FromMinutes(1));
        var late = await _bot.SubmitAsync(Agent, ClipOfferCard.KeepForTeam, Values(card));

        Assert.Contains("ran out after a day", Assert.IsType<TextOut>(Assert.Single(late.Replies)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_phrase_today_the_person_picks_one_and_a_choice_is_required()
    {
        await JoinTeamAsync();
        await _bot.SubmitAsync(Agent, CardVerbs.LogPhrase, new() { [CardVerbs.Inputs.Phrase] = "Yesterday's phrase" });
        _bot.Clock.Advance(TimeSpan.FromDays(1));

        var card = await OfferAsync();

        Assert.Contains(card.Body.OfType<TextBlock>(), t => t.Text.Contains("Choose the phrase or practice line it goes with", StringComparison.Ordinal));
        var unchosen = await _bot.SubmitAsync(Agent, ClipOfferCard.KeepForTeam, new() { [ClipOfferCard.OfferInput] = OfferId(card) });
        Assert.Equal("Choose the phrase or practice line the clip goes with.", unchosen.InputErrors![ClipOfferCard.SubjectInput]);
    }

    [Fact]
    public async Task Someone_outside_a_team_or_with_nothing_to_attach_to_gets_no_offer()
    {
        var alone = await SendFileAsync();
        Assert.Contains("you're not in one yet", Assert.IsType<TextOut>(Assert.Single(alone.Replies)).Text, StringComparison.Ordinal);

        await JoinTeamAsync();
        var empty = await SendFileAsync();
        Assert.Contains("there's none yet", Assert.IsType<TextOut>(Assert.Single(empty.Replies)).Text, StringComparison.Ordinal);
    }

    private async Task JoinTeamAsync()
    {
        await _bot.SayInAsync(Standup, new ChannelUser("slack", "T0OFFERS", "U0MANAGER", "Maya"), "team standup 09:15");
        await _bot.SayInAsync(Standup, Agent, "team join");
    }

    private Task<RouterResult> SendFileAsync() => _bot.Router.HandleAsync(
        new AudioFileReceived(Agent, RouterHarness.Dm(Agent), _bot.Clock.GetUtcNow(), new ClipFile("https://files.slack.com/files-pri/T0-F0/download/clip.wav", "clip.wav", 4000)),
        CancellationToken.None);

    private async Task<Card> OfferAsync() => Assert.IsType<CardOut>(Assert.Single((await SendFileAsync()).Replies)).Card;

    private static string OfferId(Card card) => card.Actions.OfType<SubmitAction>().First().Data[ClipOfferCard.OfferInput];

    private static Dictionary<string, string> Values(Card card) => new()
    {
        [ClipOfferCard.OfferInput] = OfferId(card),
        [ClipOfferCard.SubjectInput] = card.Inputs.OfType<ChoiceInput>().Single().Value!,
    };
}
