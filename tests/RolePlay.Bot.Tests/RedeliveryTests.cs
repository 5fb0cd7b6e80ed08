using Microsoft.Data.Sqlite;
using RolePlay.Core.Cards;
using RolePlay.Core.Chat;
using RolePlay.Core.Storage;
using Inputs = RolePlay.Core.Chat.CardVerbs.Inputs;

namespace RolePlay.Bot.Tests;

/// <summary>An event delivered again after a crash cut its first attempt off between the scene's save and the channel's
/// record of the answer (the Slack inbox's <see cref="EventDelivery.Again"/>), on real SQLite: the person gets the answer
/// the scene gave then, and the scene does not take the event a second time.</summary>
public sealed class RedeliveryTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);
    private static readonly ChannelUser Ana = new("slack", "T1", "U1", "Ana");
    private static readonly PersonKey AnaKey = new("slack", "T1", "U1");

    private const string Empathy = "I'm so sorry, that sounds really stressful, and I can hear how worried you are. What's been happening so far?";

    private readonly string _db = Path.Combine(Directory.CreateTempSubdirectory("roleplay-redelivery-").FullName, "roleplay.db");
    private RouterHarness _bot = null!;

    public async Task InitializeAsync() => _bot = await RouterHarness.StartAsync(_db, Now);

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(Path.GetDirectoryName(_db)!, recursive: true);
    }

    [Fact]
    public async Task A_start_delivered_again_gets_its_opening_again_instead_of_being_read_as_the_agents_reply()
    {
        var first = await _bot.SayAsync(Ana, "start late-delivery-birthday", new EventDelivery("Ev1", Again: false));

        // A host that is not the one that started it: the record is in the store, not in memory.
        await using var other = await RouterHarness.StartAsync(_db, Now.AddSeconds(30));
        var again = await other.SayAsync(Ana, "start late-delivery-birthday", new EventDelivery("Ev1", Again: true));

        Assert.Equal(RouterResultJson.Write(first), RouterResultJson.Write(again));
        Assert.Equal(0, await AgentTurnsAsync(other));
    }

    [Fact]
    public async Task A_reply_delivered_again_is_taken_once_and_answered_as_it_was()
    {
        await _bot.SayAsync(Ana, "start late-delivery-birthday", new EventDelivery("Ev1", Again: false));
        var first = await _bot.SayAsync(Ana, Empathy, new EventDelivery("Ev2", Again: false));
        Assert.Contains(first.Replies.OfType<TextOut>(), t => t.Text.StartsWith("Jake: ", StringComparison.Ordinal));

        var again = await _bot.SayAsync(Ana, Empathy, new EventDelivery("Ev2", Again: true));

        Assert.Equal(RouterResultJson.Write(first), RouterResultJson.Write(again));
        Assert.Equal(1, await AgentTurnsAsync(_bot));
    }

    [Fact]
    public async Task A_debrief_answer_delivered_again_is_kept_once_and_answered_as_it_was()
    {
        var seed = new Dashboard.PracticeSeed(_bot);
        var sessionId = await seed.PracticeAsync(Ana, Dashboard.PracticeSeed.WarmAgent, commit: false);
        var feelings = new Dictionary<string, string> { [Inputs.Session] = sessionId, [Inputs.FeelingRating] = "2", [Inputs.FeelingWords] = "again" };
        var commit = new Dictionary<string, string> { [Inputs.Session] = sessionId, [Inputs.Commitment] = "Say back the worry first" };

        await _bot.SubmitAsync(Ana, CardVerbs.DebriefFeelings, feelings, new EventDelivery("Ev-f", Again: true));
        var first = await _bot.SubmitAsync(Ana, CardVerbs.DebriefCommit, commit, new EventDelivery("Ev-c", Again: false));
        var again = await _bot.SubmitAsync(Ana, CardVerbs.DebriefCommit, commit, new EventDelivery("Ev-c", Again: true));

        Assert.Equal(RouterResultJson.Write(first), RouterResultJson.Write(again));
        Assert.Single(await _bot.Learning.ListReflectionsAsync(AnaKey, sessionId, CancellationToken.None), r => r.Layer == "feelings");
        var due = await _bot.Learning.ListDueForCheckInAsync(AnaKey.Tenant, DateOnly.FromDateTime(Now.UtcDateTime).AddDays(7), CancellationToken.None);
        Assert.Equal("Say back the worry first", Assert.Single(due).Text);
    }

    [Fact]
    public async Task An_event_delivered_again_that_no_scene_applied_is_routed_as_new()
    {
        await _bot.SayAsync(Ana, "start late-delivery-birthday", new EventDelivery("Ev1", Again: false));

        // The crash came before the scene's save: nothing holds Ev2, so it is the agent's reply now.
        var again = await _bot.SayAsync(Ana, Empathy, new EventDelivery("Ev2", Again: true));

        Assert.Contains(again.Replies.OfType<TextOut>(), t => t.Text.StartsWith("Jake: ", StringComparison.Ordinal));
        Assert.Equal(1, await AgentTurnsAsync(_bot));
    }

    [Fact]
    public async Task The_same_id_on_a_first_delivery_is_not_looked_up()
    {
        // Without Again the router trusts the channel's dedupe and pays no look-up: a reply is a reply.
        await _bot.SayAsync(Ana, "start late-delivery-birthday", new EventDelivery("Ev1", Again: false));
        await _bot.SayAsync(Ana, Empathy, new EventDelivery("Ev2", Again: false));
        await _bot.SayAsync(Ana, Empathy, new EventDelivery("Ev2", Again: false));

        Assert.Equal(2, await AgentTurnsAsync(_bot));
    }

    [Fact]
    public async Task An_ending_delivered_again_gets_its_debrief_and_the_rubric_the_crash_cut_off_is_stored()
    {
        var opening = await _bot.SayAsync(Ana, "start late-delivery-birthday", new EventDelivery("Ev1", Again: false));
        await _bot.SayAsync(Ana, Empathy, new EventDelivery("Ev2", Again: false));
        var sessionId = ((SubmitAction)opening.Replies.OfType<CardOut>().Single().Card.Actions.First()).Data[Inputs.Session];
        var end = new Dictionary<string, string> { [Inputs.Session] = sessionId };
        var first = await _bot.SubmitAsync(Ana, CardVerbs.End, end, new EventDelivery("Ev3", Again: false));
        Assert.Contains(first.Replies.OfType<CardOut>(), c => c.Card.Id == "debrief.feelings");
        await ForgetRubricsAsync(); // the crash came after the session's save, before its rubric's

        var again = await _bot.SubmitAsync(Ana, CardVerbs.End, end, new EventDelivery("Ev3", Again: true));

        Assert.Equal(RouterResultJson.Write(first), RouterResultJson.Write(again));
        Assert.NotNull(await _bot.Learning.GetRubricAsync(AnaKey, sessionId, CancellationToken.None));
    }

    private static async Task<int> AgentTurnsAsync(RouterHarness bot)
    {
        var (_, live) = await bot.People.GetWithLiveSessionAsync(AnaKey, CancellationToken.None);
        var turns = await bot.Sessions.GetTurnsAsync(AnaKey, live!.SessionId, CancellationToken.None);
        return turns.Count(t => t.Speaker == TurnSpeakers.Agent);
    }

    private async Task ForgetRubricsAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={_db}");
        await connection.OpenAsync();
        await using var delete = connection.CreateCommand();
        delete.CommandText = "DELETE FROM rows WHERE rk LIKE 'rubric|%'";
        Assert.Equal(1, await delete.ExecuteNonQueryAsync());
    }
}
