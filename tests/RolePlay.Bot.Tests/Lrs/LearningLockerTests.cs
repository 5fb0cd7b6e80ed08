using RolePlay.Bot.Tests.Dashboard;
using RolePlay.Core.Chat;
using RolePlay.Core.Storage;
using RolePlay.LearningRecords;
using RolePlay.Testing.Lrs;
using Inputs = RolePlay.Core.Chat.CardVerbs.Inputs;

namespace RolePlay.Bot.Tests.Lrs;

/// <summary>The same practice sent to Learning Locker's own LRS service on loopback (in memory): a real LRS takes
/// every statement, keeps each once however often it is sent, and applies the voiding of a forgotten person's.</summary>
public sealed class LearningLockerTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly string _dir = Directory.CreateTempSubdirectory("roleplay-learning-locker-").FullName;
    private LearningLockerLrs? _lrs;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_lrs is not null)
        {
            await _lrs.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [SkippableFact]
    public async Task Learning_Lockers_LRS_takes_a_whole_practice_once_and_voids_it_when_the_person_is_forgotten()
    {
        _lrs = await LearningLockerLrs.StartAsync();
        var database = Path.Combine(_dir, "roleplay.db");
        var settings = new Dictionary<string, string?>
        {
            ["Lrs:Tenants:0:Platform"] = "studio",
            ["Lrs:Tenants:0:TenantId"] = PracticeSeed.Tenant,
            ["Lrs:Tenants:0:Endpoint"] = _lrs.Endpoint.ToString(),
            ["Lrs:Tenants:0:Username"] = "test",
            ["Lrs:Tenants:0:Password"] = "test",
            ["Lrs:Tenants:0:HomePage"] = "https://roleplay.example.com/studio",
        };
        var agent = PracticeSeed.Agent(1);
        var key = new PersonKey(agent.Platform, agent.TenantId, agent.UserId);
        IReadOnlyList<QueuedStatement> sent;
        await using (var bot = await RouterHarness.StartAsync(database, Start, new Routines.RoutineSetup(new Routines.DeliveredLog(), Overrides: settings)))
        {
            var seed = new PracticeSeed(bot);
            await seed.SetUpTeamAsync(agents: 1);
            await bot.SayAsync(agent, "opt in");
            var sessionId = await seed.PracticeAsync(agent, PracticeSeed.WarmAgent);
            bot.Clock.Advance(TimeSpan.FromDays(7));
            var commitment = (await bot.Learning.ListDueForCheckInAsync(key.Tenant, DateOnly.FromDateTime(bot.Clock.GetUtcNow().UtcDateTime), default))
                .Single(c => c.SessionId == sessionId);
            await bot.SubmitAsync(agent, CardVerbs.CheckIn, new()
            {
                [Inputs.Learner] = agent.UserId,
                [Inputs.CommitmentId] = commitment.CommitmentId,
                [Inputs.CheckInOutcome] = "kept",
                [Inputs.CheckInNote] = "Named it first on every call",
            });
            var logged = await bot.StatementOutbox.ListLoggedAsync(key.Tenant, DateOnly.FromDateTime(Start.UtcDateTime),
                DateOnly.FromDateTime(bot.Clock.GetUtcNow().UtcDateTime), default).ToListAsync();
            Assert.Equal(5, await bot.Statements.DeliverAsync(default));

            sent = logged;
        }

        // Sent again (a crash after the LRS took them, or two replicas): the LRS keeps each once; the same id with
        // other content is refused for good.
        using var http = new HttpClient();
        var client = new LrsClient(http, TimeProvider.System);
        var lrs = new LrsTenantOptions { Platform = "studio", TenantId = PracticeSeed.Tenant, Endpoint = _lrs.Endpoint, Username = "test", Password = "test" };
        Assert.IsType<LrsAnswer.Accepted>(await client.PostAsync(lrs, sent, default));
        Assert.Equal(5, (await _lrs.ListAsync()).Count);
        var changed = System.Text.Json.Nodes.JsonNode.Parse(sent[0].Json)!;
        changed["verb"]!["id"] = XapiVocabulary.Failed;
        var other = sent[0] with { Json = changed.ToJsonString() };
        var refused = Assert.IsType<LrsAnswer.Refused>(await client.PostAsync(lrs, [other], default));
        Assert.StartsWith("409", refused.Reason, StringComparison.Ordinal);

        foreach (var statement in sent)
        {
            var stored = await _lrs.GetAsync(statement.StatementId);
            Assert.NotNull(stored);
            Assert.Equal(System.Text.Json.Nodes.JsonNode.Parse(statement.Json)!["verb"]!.ToJsonString(), stored["verb"]!.ToJsonString());
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        string[] forget = ["people", "forget", "--platform", "studio", "--tenant", PracticeSeed.Tenant, "--user", agent.UserId,
            $"--Storage:Sqlite:Path={database}", .. settings.Select(kv => $"--{kv.Key}={kv.Value}")];
        var forgot = await BotProcess.RunAsync("", forget);
        Assert.True(forgot.ExitCode == 0, forgot.StdErr);

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await using (var bot = await RouterHarness.StartAsync(database, Start, new Routines.RoutineSetup(new Routines.DeliveredLog(), Overrides: settings)))
        {
            Assert.Equal(5, await bot.Statements.DeliverAsync(default));
        }

        foreach (var statement in sent)
        {
            Assert.Null(await _lrs.GetAsync(statement.StatementId));
            Assert.NotNull(await _lrs.GetAsync(statement.StatementId, voided: true));
        }
    }
}
