using RolePlay.Core.Chat;
using RolePlay.Core.Routines;
using RolePlay.Core.Storage;
using Inputs = RolePlay.Core.Chat.CardVerbs.Inputs;

namespace RolePlay.Bot.Tests.Routines;

/// <summary>A team's Monday, set up by typing to the bot and run by two hosts sharing one database, minute by minute:
/// standup, captain, pairing, the end-of-shift phrase and the celebration each reach their recipients once.</summary>
public sealed class TeamRoutinesEndToEndTests : RoutineTest
{
    private static readonly ConversationAddress General =
        new("teams", Tenant, "19:general@thread.tacv2", ConversationKind.Channel, TeamId: "team-r");

    // Monday 23 November 2026, 08:50 in London (UTC in winter).
    protected override DateTimeOffset Start => Utc(2026, 11, 23, 8, 50);

    [Fact]
    public async Task Two_hosts_deliver_each_team_routine_once_at_its_local_time()
    {
        var mia = Person("29:mia");
        await Bot.SayInAsync(General, mia, "team standup 09:00");
        await Bot.SayInAsync(General, mia, "team timezone Europe/London");
        await Bot.SayInAsync(General, mia, "team celebration mon 17:30");
        var members = new[] { Person("29:ana"), Person("29:ben"), Person("29:cy") };
        foreach (var member in members)
        {
            await OptInAsync(member, "Europe/London", "09:30", "mon-fri");
            await Bot.SayInAsync(General, member, "team join");
        }

        await Bot.SayAsync(members[0], "shift 17:00");
        await using var second = await AnotherHostAsync(new RoutineSetup(Delivered));

        await BothRunUntilAsync(second, Utc(2026, 11, 23, 17, 1));
        var phraseCard = Assert.Single(Delivered.To("29:ana"), d => d.CardIds.Contains("routine.phrase"));
        Assert.Equal(Utc(2026, 11, 23, 17, 0), phraseCard.At);
        var logged = await Bot.SubmitAsync(members[0], CardVerbs.LogPhrase, new() { [Inputs.Phrase] = "I hear you — let's fix this together." });
        Assert.Contains("phrase library", string.Join(" ", logged.Replies.OfType<TextOut>().Select(t => t.Text)));
        await BothRunUntilAsync(second, Utc(2026, 11, 23, 17, 31));

        var channel = Delivered.To(General.ConversationId);
        Assert.Equal(["routine.standup", "routine.captain", "routine.celebration"], channel.SelectMany(d => d.CardIds));
        Assert.Equal([Utc(2026, 11, 23, 9, 0), Utc(2026, 11, 23, 9, 0), Utc(2026, 11, 23, 17, 30)], channel.Select(d => d.At));
        var celebration = channel[2].Messages.OfType<CardOut>().Single().Card;
        Assert.Contains(celebration.Body.OfType<Core.Cards.TextBlock>(), t => t.Text.Contains("let's fix this together", StringComparison.Ordinal));

        foreach (var member in members)
        {
            var buddy = Assert.Single(Delivered.To(member.UserId), d => d.CardIds.Contains("routine.buddy"));
            Assert.Equal(Utc(2026, 11, 23, 10, 0), buddy.At);
        }

        Assert.DoesNotContain(Delivered.To("29:mia"), d => d.CardIds.Contains("routine.buddy")); // Mia never opted in
        var round = Assert.Single(await Bot.Services<IPairingStore>().ListRecentAsync(new TenantScope("teams", Tenant), "team-r", 5, CancellationToken.None));
        Assert.Equal(3, Assert.Single(round.Pairs).Members().Count);
        Assert.Single(Delivered.To("29:ana"), d => d.CardIds.Contains("routine.phrase"));
    }

    [Fact]
    public async Task A_manager_runs_a_team_routine_now_and_the_scheduled_one_still_happens()
    {
        var mia = Person("29:mia");
        await Bot.SayInAsync(General, mia, "team standup 09:00");
        await OptInAsync(mia, "Europe/London", "09:30");

        var run = await Bot.Runner.RunNowAsync(new TenantScope("teams", Tenant), "team-r", RoutineKind.Standup, CancellationToken.None);
        Assert.Equal(1, run.Sent);
        await RunUntilAsync(Utc(2026, 11, 23, 9, 1));
        Assert.Equal(2, Delivered.To(General.ConversationId).Count(d => d.CardIds.Contains("routine.standup")));
    }

    private async Task BothRunUntilAsync(RouterHarness second, DateTimeOffset until)
    {
        while (Bot.Clock.GetUtcNow() < until)
        {
            Bot.Clock.Advance(TimeSpan.FromMinutes(1));
            second.Clock.Advance(TimeSpan.FromMinutes(1));
            await Task.WhenAll(Bot.RunRoutinesAsync(), second.RunRoutinesAsync());
        }
    }
}
