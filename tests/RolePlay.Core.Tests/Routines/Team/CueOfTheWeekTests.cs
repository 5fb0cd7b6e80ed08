using RolePlay.Core.Cards;
using RolePlay.Core.Chat;
using RolePlay.Core.CueStrips;
using RolePlay.Core.Storage;
using static RolePlay.Core.Tests.Routines.Team.Planning;
using Inputs = RolePlay.Core.Chat.CardVerbs.Inputs;

namespace RolePlay.Core.Tests.Routines.Team;

/// <summary>The captain's post offers the cue of the week and links the team's sheet when the bot has a public address;
/// the captain or a manager picks, anyone else is thanked and told who picks, and a past week's post picks nothing.</summary>
public sealed class CueOfTheWeekTests : IAsyncLifetime
{
    private static readonly ConversationAddress Standup = new("slack", "T1", RoutineHarness.Channel, ConversationKind.Channel, TeamId: RoutineHarness.TeamId);
    private RoutineHarness _h = null!;

    // Monday 23 November 2026, at the standup.
    public async Task InitializeAsync() => _h = await RoutineHarness.StartAsync(Utc("2026-11-23T09:15:00Z"));

    public Task DisposeAsync() => _h.DisposeAsync().AsTask();

    [Fact]
    public async Task The_captains_post_offers_every_cue_in_the_teams_language_and_links_the_sheet_only_with_a_public_address()
    {
        await _h.SaveTeamAsync("Europe/London", change: t => t with { CueLanguage = "es" });
        await _h.AddMemberAsync("ana");

        var card = await (await _h.Captain(new Uri("https://roleplay.example/")).PlanAsync(Utc("2026-11-23T09:15:00Z"))).Single().CardAsync();
        var choice = Assert.Single(card.Inputs.OfType<ChoiceInput>());
        Assert.Equal(CueOfTheWeek.CueInput, choice.Id);
        Assert.Equal(15, choice.Choices.Count);
        Assert.Contains(choice.Choices, c => c is { Value: "name-the-feeling", Title: "Nombra lo que siente ahora: \"Eso suena muy preocupante.\"" });
        var pick = Assert.Single(card.Actions.OfType<SubmitAction>());
        Assert.Equal((CueOfTheWeek.PickVerb, RoutineHarness.TeamId, "2026-11-23"), (pick.Verb, pick.Data[Inputs.Team], pick.Data[Inputs.Week]));
        var sheet = Assert.Single(card.Actions.OfType<OpenUrlAction>());
        Assert.Equal(new Uri("https://roleplay.example/cues/teams/T1/strips.pdf"), sheet.Url);

        _h.Clock.Advance(TimeSpan.FromDays(7));
        var unlinked = await (await _h.Captain().PlanAsync(Utc("2026-11-30T09:15:00Z"))).Single().CardAsync();
        Assert.Empty(unlinked.Actions.OfType<OpenUrlAction>());
    }

    [Fact]
    public async Task The_captain_picks_on_the_post_a_teammate_is_refused_and_a_manager_picks_by_words()
    {
        await _h.SaveTeamAsync("Europe/London");
        await _h.AddMemberAsync("ana");
        await _h.AddMemberAsync("ben");
        await _h.AddMemberAsync("mia", change: p => p with { Role = PersonRole.Manager });
        await _h.Captain().PlanAsync(Utc("2026-11-23T09:15:00Z")); // Ana captains this week
        var cues = _h.CueOfTheWeek();
        var team = (await _h.Teams.GetAsync(RoutineHarness.Tenant, RoutineHarness.TeamId, CancellationToken.None))!;
        Assert.Null(await cues.CurrentAsync(team, CancellationToken.None));

        var refused = await cues.OnCardAsync(Pick("ben", "what-else"), CancellationToken.None);
        Assert.Equal("Thanks for caring about the cue! It's picked by Ana (this week's captain) or a manager: tell them which one you'd like.", Said(refused));
        Assert.Null(await cues.CurrentAsync(team, CancellationToken.None));

        var picked = await cues.OnCardAsync(Pick("ana", "what-else"), CancellationToken.None);
        Assert.StartsWith("Cue of the week: “Stop guessing.", Said(picked), StringComparison.Ordinal);
        Assert.Equal("what-else", (await cues.CurrentAsync(team, CancellationToken.None))!.Id);

        var ambiguous = await cues.HandleAsync(Say("mia", "cue of the week feeling"), RoutineHarness.TeamId, CancellationToken.None);
        Assert.StartsWith("“feeling” fits ", Said(ambiguous), StringComparison.Ordinal);
        await cues.HandleAsync(Say("mia", "/practice cue of the week say what you CAN do"), RoutineHarness.TeamId, CancellationToken.None);
        Assert.Equal("drop-the-blame", (await cues.CurrentAsync(team, CancellationToken.None))!.Id);
        Assert.StartsWith("This week's cue: “Drop the blame", Said(await cues.HandleAsync(Say("ben", "cue of the week"), RoutineHarness.TeamId, CancellationToken.None)), StringComparison.Ordinal);

        _h.Clock.Advance(TimeSpan.FromDays(7)); // the next Monday: last week's post picks nothing, and the week starts empty
        Assert.StartsWith("That post was for an earlier week.", Said(await cues.OnCardAsync(Pick("ana", "what-else"), CancellationToken.None)), StringComparison.Ordinal);
        Assert.Null(await cues.CurrentAsync(team, CancellationToken.None));
    }

    private static CardSubmitted Pick(string userId, string cueId) => new(new ChannelUser("slack", "T1", userId), Standup, DateTimeOffset.UnixEpoch,
        CueOfTheWeek.PickVerb, new Dictionary<string, string> { [Inputs.Team] = RoutineHarness.TeamId, [Inputs.Week] = "2026-11-23", [CueOfTheWeek.CueInput] = cueId });

    private static MessageReceived Say(string userId, string text) => new(new ChannelUser("slack", "T1", userId), Standup, DateTimeOffset.UnixEpoch, text);

    private static string Said(RouterResult result) => string.Join(" ", result.Replies.OfType<TextOut>().Select(t => t.Text));
}
