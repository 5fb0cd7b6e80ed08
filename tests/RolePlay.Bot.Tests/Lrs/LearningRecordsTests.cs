using System.Net.Http.Json;
using System.Text.Json.Nodes;
using RolePlay.Bot.Tests.Dashboard;
using Microsoft.Extensions.DependencyInjection;
using RolePlay.Core;
using RolePlay.Core.Cards;
using RolePlay.Core.Chat;
using RolePlay.Core.LearningRecords;
using RolePlay.Core.Practice;
using RolePlay.Core.Storage;
using RolePlay.LearningRecords;
using RolePlay.Testing.Lrs;
using Xunit.Abstractions;
using Inputs = RolePlay.Core.Chat.CardVerbs.Inputs;

namespace RolePlay.Bot.Tests.Lrs;

/// <summary>Practice through the router on real SQLite, the statements queued in the store and sent by
/// <see cref="LrsDelivery"/> to a stand-in LRS on loopback: what the LRS receives for one practice to its commitment
/// and check-in, once, whatever the LRS does in between.</summary>
public sealed class LearningRecordsTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly string _dir = Directory.CreateTempSubdirectory("roleplay-lrs-").FullName;
    private FakeLrs _lrs = null!;

    private static ChannelUser Agent => PracticeSeed.Agent(1);

    private static PersonKey AgentKey => new(Agent.Platform, Agent.TenantId, Agent.UserId);

    public async Task InitializeAsync() => _lrs = await FakeLrs.StartAsync();

    public async Task DisposeAsync()
    {
        await _lrs.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [SkippableFact] // the validator is Learning Locker's, from tests/node_modules
    public async Task A_practice_to_its_commitment_and_check_in_reaches_the_LRS_as_valid_statements_once()
    {
        await using var bot = await StartAsync();
        var seed = await OptedInTeamAsync(bot, agents: 2);
        var sessionId = await seed.PracticeAsync(Agent, PracticeSeed.WarmAgent);
        await CheckInAsync(bot, Agent, sessionId, "kept", "Named it first on three calls");

        Assert.Equal(5, await bot.Statements.DeliverAsync(CancellationToken.None));
        Assert.Equal(0, await bot.Statements.DeliverAsync(CancellationToken.None)); // nothing left: sent once
        var received = _lrs.Statements;
        foreach (var statement in received)
        {
            output.WriteLine(statement.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        }

        // The harness's clock stands still during a practice: statements of one instant keep their event's order.
        var verbs = received.Select(s => s["verb"]!["id"]!.GetValue<string>()).ToList();
        Assert.Equal(
            new[] { XapiVocabulary.Attempted, XapiVocabulary.Completed, XapiVocabulary.Passed, XapiVocabulary.Committed, XapiVocabulary.CheckedIn }.Order(),
            verbs.Order());
        Assert.True(verbs.IndexOf(XapiVocabulary.Attempted) < verbs.IndexOf(XapiVocabulary.Completed));
        Assert.Equal(XapiVocabulary.CheckedIn, verbs[^1]);
        var byVerb = received.ToDictionary(s => s["verb"]!["id"]!.GetValue<string>());
        Assert.Empty(await XapiValidator.ProblemsAsync(received));
        Assert.All(received, s => Assert.Equal(
            """{"objectType":"Agent","account":{"homePage":"https://roleplay.example.com/studio","name":"agent-1"}}""", s["actor"]!.ToJsonString()));
        Assert.Single(received.Select(s => s["context"]!["registration"]!.GetValue<string>()).Distinct()); // one practice

        var completed = byVerb[XapiVocabulary.Completed];
        var score = completed["result"]!["score"]!;
        Assert.Equal(16, score["max"]!.GetValue<int>());
        Assert.InRange(score["raw"]!.GetValue<int>(), 1, 16);
        Assert.Equal(Math.Round(score["raw"]!.GetValue<double>() / 16, 4), score["scaled"]!.GetValue<double>());
        var listening = completed["result"]!["extensions"]![XapiVocabulary.Criterion("active_listening")]!;
        var phrases = listening["evidence"]!.AsArray().Select(e => e!["phrase"]!.GetValue<string>()).ToList();
        Assert.NotEmpty(phrases);
        Assert.All(phrases, p => Assert.Contains(PracticeSeed.WarmAgent, line => line.Contains(p, StringComparison.Ordinal)));

        Assert.Equal("Name the feeling first", byVerb[XapiVocabulary.Committed]["result"]!["response"]!.GetValue<string>());
        Assert.True(byVerb[XapiVocabulary.CheckedIn]["result"]!["success"]!.GetValue<bool>());
        Assert.Equal("self", byVerb[XapiVocabulary.CheckedIn]["context"]!["extensions"]![XapiVocabulary.ReportedBy]!.GetValue<string>());
        var noText = string.Join("\n", _lrs.Requests.Select(r => r.Body));
        Assert.DoesNotContain(PracticeSeed.SecretReflection, noText, StringComparison.Ordinal); // the private feelings stay in RolePlay
        Assert.DoesNotContain("Agent Number1", noText, StringComparison.Ordinal); // no names, only the platform's ids
    }

    [Fact]
    public async Task A_practice_stopped_before_its_end_is_an_attempt_and_nothing_more()
    {
        await using var bot = await StartAsync();
        var seed = await OptedInTeamAsync(bot, agents: 1);
        await bot.SayAsync(Agent, "start late-delivery-birthday");
        Assert.Equal(1, await bot.Statements.DeliverAsync(CancellationToken.None)); // sent as it starts
        await bot.SayAsync(Agent, PracticeSeed.WarmAgent[0]);
        await bot.SayAsync(Agent, "/stop");

        Assert.Equal(0, await bot.Statements.DeliverAsync(CancellationToken.None));
        Assert.Equal([XapiVocabulary.Attempted], _lrs.Statements.Select(s => s["verb"]!["id"]!.GetValue<string>()));
    }

    [SkippableFact] // the validator is Learning Locker's, from tests/node_modules
    public async Task A_retry_storm_and_an_outage_lose_nothing_and_duplicate_nothing()
    {
        await using var bot = await StartAsync();
        var seed = await OptedInTeamAsync(bot, agents: 1);
        await seed.PracticeAsync(Agent, PracticeSeed.WarmAgent);

        _lrs.FailNext(503, times: 3);
        Assert.Equal(0, await bot.Statements.DeliverAsync(CancellationToken.None));
        Assert.Equal(0, await bot.Statements.DeliverAsync(CancellationToken.None)); // waiting out the failure: not even tried
        Assert.Equal(1, _lrs.StatementPosts);
        for (var i = 0; i < 3; i++)
        {
            bot.Clock.Advance(TimeSpan.FromMinutes(5));
            await bot.Statements.DeliverAsync(CancellationToken.None);
        }

        _lrs.FailNext(429, retryAfter: TimeSpan.FromMinutes(30));
        await seed.PracticeAsync(Agent, PracticeSeed.ColdAgent, commit: false);
        await bot.Statements.DeliverAsync(CancellationToken.None);
        bot.Clock.Advance(TimeSpan.FromMinutes(10));
        var postsBefore = _lrs.StatementPosts;
        await bot.Statements.DeliverAsync(CancellationToken.None);
        Assert.Equal(postsBefore, _lrs.StatementPosts); // Retry-After is honoured

        _lrs.Down = true; // an hour's outage
        for (var minute = 0; minute < 60; minute += 5)
        {
            bot.Clock.Advance(TimeSpan.FromMinutes(5));
            await bot.Statements.DeliverAsync(CancellationToken.None);
        }

        _lrs.Down = false;
        bot.Clock.Advance(TimeSpan.FromMinutes(5));
        await bot.Statements.DeliverAsync(CancellationToken.None);

        var verbs = _lrs.Statements.Select(s => s["verb"]!["id"]!.GetValue<string>()).ToList();
        Assert.Equal(7, verbs.Count); // two practices (attempted, completed, passed or failed) and one commitment
        Assert.Equal(verbs.Count, _lrs.Statements.Select(s => s["id"]!.GetValue<string>()).Distinct().Count());
        Assert.Contains(XapiVocabulary.Failed, verbs); // the cold practice
        Assert.Empty(await XapiValidator.ProblemsAsync(_lrs.Statements));
        Assert.Empty(await bot.StatementOutbox.ListWaitingAsync(AgentKey.Tenant, 100, CancellationToken.None));
    }

    [Fact]
    public async Task A_statement_the_LRS_refuses_is_parked_with_its_reason_shown_to_the_manager_and_the_rest_are_sent()
    {
        await using var bot = await StartAsync();
        var seed = await OptedInTeamAsync(bot, agents: 1);
        await seed.PracticeAsync(Agent, PracticeSeed.WarmAgent, commit: false);
        var waiting = await bot.StatementOutbox.ListWaitingAsync(AgentKey.Tenant, 10, CancellationToken.None);
        var json = JsonNode.Parse(waiting[1].Json)!.AsObject();
        json["id"] = Guid.NewGuid().ToString();
        json["verb"]!["id"] = "completed"; // not an IRI
        var broken = waiting[1] with { StatementId = json["id"]!.GetValue<string>(), Json = json.ToJsonString(), Sequence = 5 };
        await bot.StatementOutbox.AddAsync([broken], send: true, CancellationToken.None);

        Assert.Equal(3, await bot.Statements.DeliverAsync(CancellationToken.None));

        var parked = Assert.Single(await bot.StatementOutbox.ListParkedAsync(AgentKey.Tenant, CancellationToken.None));
        Assert.Equal(broken.StatementId, parked.StatementId);
        Assert.StartsWith("400: ", parked.Parked, StringComparison.Ordinal);
        Assert.Equal(waiting.Select(s => s.StatementId), _lrs.Statements.Select(s => s["id"]!.GetValue<string>()));
        Assert.Equal(0, await bot.Statements.DeliverAsync(CancellationToken.None)); // parked: never sent again by itself

        // The team's manager sees it on the dashboard, with the LRS's reason.
        await seed.PracticeAsync(Agent, PracticeSeed.ColdAgent, commit: false); // three more, not sent yet
        await using var dashboard = await DashboardHost.StartAsync(Path.Combine(_dir, "roleplay.db"));
        var view = await dashboard.Client.GetFromJsonAsync<JsonObject>(new Uri($"/dashboard/api/teams/{PracticeSeed.TeamId}/learning-records", UriKind.Relative));
        Assert.Equal(3, view!["waiting"]!.GetValue<int>());
        var shown = Assert.Single(view["parked"]!.AsArray())!;
        Assert.Equal(("completed", "Agent Number1", parked.Parked), (shown["verb"]!.GetValue<string>(), shown["about"]!.GetValue<string>(), shown["reason"]!.GetValue<string>()));
        using var other = await dashboard.Client.GetAsync(new Uri("/dashboard/api/teams/no-such-team/learning-records", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, other.StatusCode);
    }

    [Fact]
    public async Task Statements_the_LRS_refused_go_again_after_lrs_resend_once_it_takes_them()
    {
        var database = Path.Combine(_dir, "roleplay.db");
        await using (var bot = await StartAsync())
        {
            await OptedInTeamAsync(bot, agents: 1);
            await bot.SayAsync(Agent, "start late-delivery-birthday");
            _lrs.FailNext(400, times: 2); // the batch, then the statement alone: an LRS whose profile refused it
            Assert.Equal(0, await bot.Statements.DeliverAsync(CancellationToken.None));
            Assert.Single(await bot.StatementOutbox.ListParkedAsync(AgentKey.Tenant, CancellationToken.None));
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var resent = await BotProcess.RunAsync("", "lrs", "resend", "--platform", "studio", "--tenant", PracticeSeed.Tenant, $"--Storage:Sqlite:Path={database}");
        Assert.True(resent.ExitCode == 0, resent.StdErr);
        Assert.Contains("queued 1 parked statements", resent.StdOut, StringComparison.Ordinal);

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await using var restarted = await StartAsync();
        Assert.Equal(1, await restarted.Statements.DeliverAsync(CancellationToken.None));
        Assert.Empty(await restarted.StatementOutbox.ListParkedAsync(AgentKey.Tenant, CancellationToken.None));
        Assert.Equal([XapiVocabulary.Attempted], _lrs.Statements.Select(s => s["verb"]!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Nothing_is_sent_about_someone_who_has_not_opted_in_or_for_a_tenant_without_an_LRS()
    {
        await using var bot = await StartAsync();
        var seed = new PracticeSeed(bot);
        var elsewhere = new ChannelUser("studio", "other-tenant", "agent-9", "Agent Nine");
        await bot.SayAsync(elsewhere, "opt in");
        await seed.PracticeAsync(elsewhere, PracticeSeed.WarmAgent);
        await seed.PracticeAsync(Agent, PracticeSeed.WarmAgent); // never asked: practice on request, no records
        await bot.SayAsync(PracticeSeed.Agent(2), "opt in");
        await bot.SayAsync(PracticeSeed.Agent(2), "stop");
        await seed.PracticeAsync(PracticeSeed.Agent(2), PracticeSeed.WarmAgent); // opted out, and still free to practise

        Assert.Empty(await bot.StatementOutbox.ListWaitingAsync(new TenantScope("studio", "other-tenant"), 10, CancellationToken.None));
        Assert.Empty(await bot.StatementOutbox.ListWaitingAsync(AgentKey.Tenant, 10, CancellationToken.None));
        Assert.Equal(0, await bot.Statements.DeliverAsync(CancellationToken.None));
        Assert.Empty(_lrs.Requests);

        await bot.SayAsync(Agent, "opt in");
        await seed.PracticeAsync(Agent, PracticeSeed.WarmAgent, commit: false);
        Assert.Equal(3, await bot.Statements.DeliverAsync(CancellationToken.None)); // the same practice, once opted in
    }

    [Fact]
    public async Task On_xAPI_2_a_buddys_check_in_names_the_buddy_as_a_context_agent_and_an_OAuth_token_is_kept_while_it_lasts()
    {
        _lrs.AllowClient("roleplay", "client-secret");
        await using var bot = await StartAsync(new()
        {
            ["Lrs:Tenants:0:Version"] = "2.0.0",
            ["Lrs:Tenants:0:Username"] = null,
            ["Lrs:Tenants:0:Password"] = null,
            ["Lrs:Tenants:0:TokenUrl"] = _lrs.TokenEndpoint.ToString(),
            ["Lrs:Tenants:0:ClientId"] = "roleplay",
            ["Lrs:Tenants:0:ClientSecret"] = "client-secret",
        });
        var seed = new PracticeSeed(bot);
        await seed.SetUpTeamAsync(agents: 2);
        var buddy = PracticeSeed.Agent(2);
        var buddyKey = new PersonKey(buddy.Platform, buddy.TenantId, buddy.UserId);
        await bot.Pairing.SaveRoundAsync(new PairingRound(AgentKey.Tenant, PracticeSeed.TeamId, 1, Start, [new PairRecord(buddyKey, AgentKey)], []),
            CancellationToken.None);
        await bot.SayAsync(Agent, "opt in");
        var sessionId = await seed.PracticeAsync(Agent, PracticeSeed.WarmAgent);
        Assert.Equal(4, await bot.Statements.DeliverAsync(CancellationToken.None));
        await seed.PracticeAsync(Agent, PracticeSeed.ColdAgent, commit: false);
        Assert.Equal(3, await bot.Statements.DeliverAsync(CancellationToken.None));
        Assert.Equal(1, _lrs.TokenRequests); // kept while it lasts
        await CheckInAsync(bot, Agent, sessionId, "partly", "Twice out of five calls", by: buddy);
        Assert.Equal(1, await bot.Statements.DeliverAsync(CancellationToken.None));
        Assert.Equal(2, _lrs.TokenRequests); // a week later it had expired

        var checkIn = _lrs.Statements[^1];
        Assert.Equal(XapiVocabulary.CheckedIn, checkIn["verb"]!["id"]!.GetValue<string>());
        Assert.Equal("2.0.0", checkIn["version"]!.GetValue<string>());
        Assert.False(checkIn["result"]!["success"]!.GetValue<bool>());
        Assert.Equal("buddy", checkIn["context"]!["extensions"]![XapiVocabulary.ReportedBy]!.GetValue<string>());
        var contextAgent = Assert.Single(checkIn["context"]!["contextAgents"]!.AsArray())!;
        Assert.Equal("agent-2", contextAgent["agent"]!["account"]!["name"]!.GetValue<string>());
        Assert.Equal(XapiVocabulary.BuddyRole, contextAgent["relevantTypes"]![0]!.GetValue<string>());
        Assert.Equal("agent-1", checkIn["actor"]!["account"]!["name"]!.GetValue<string>());
        Assert.All(_lrs.Requests.Where(r => r.Path.EndsWith("/statements", StringComparison.Ordinal)),
            r => Assert.StartsWith("Bearer ", r.Authorization, StringComparison.Ordinal));
    }

    [SkippableFact] // the validator is Learning Locker's, from tests/node_modules
    public async Task A_tenant_without_an_LRS_keeps_its_statements_for_lrs_export_as_JSON_Lines()
    {
        var database = Path.Combine(_dir, "roleplay.db");
        await using (var bot = await StartAsync(new()
        {
            ["Lrs:Tenants:0:Endpoint"] = null,
            ["Lrs:Tenants:0:Username"] = null,
            ["Lrs:Tenants:0:Password"] = null,
        }))
        {
            var seed = await OptedInTeamAsync(bot, agents: 1);
            await seed.PracticeAsync(Agent, PracticeSeed.WarmAgent);
            bot.Clock.Advance(TimeSpan.FromDays(2));
            await seed.PracticeAsync(Agent, PracticeSeed.ColdAgent, commit: false);
            Assert.Empty(await bot.StatementOutbox.ListWaitingAsync(AgentKey.Tenant, 10, CancellationToken.None)); // nothing to send to
            Assert.Equal(0, await bot.Statements.DeliverAsync(CancellationToken.None));
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var file = Path.Combine(_dir, "statements.jsonl");
        var result = await BotProcess.RunAsync("", "lrs", "export", "--platform", "studio", "--tenant", PracticeSeed.Tenant,
            "--from", "2026-12-01", "--to", "2026-12-01", "--out", file, $"--Storage:Sqlite:Path={database}");

        Assert.True(result.ExitCode == 0, result.StdErr);
        Assert.Contains("wrote 4 statements", result.StdOut, StringComparison.Ordinal);
        var lines = await File.ReadAllLinesAsync(file);
        var statements = lines.Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        Assert.Equal(4, statements.Count); // the first day: one practice and its commitment
        Assert.Empty(await XapiValidator.ProblemsAsync(statements));
        Assert.Contains(statements, s => s["verb"]!["id"]!.GetValue<string>() == XapiVocabulary.Committed);

        var both = await BotProcess.RunAsync("", "lrs", "export", "--platform", "studio", "--tenant", PracticeSeed.Tenant,
            "--from", "2026-12-01", "--to", "2026-12-03", "--out", file, $"--Storage:Sqlite:Path={database}");
        Assert.Contains("wrote 7 statements", both.StdOut, StringComparison.Ordinal);

        var backwards = await BotProcess.RunAsync("", "lrs", "export", "--platform", "studio", "--tenant", PracticeSeed.Tenant,
            "--from", "2026-12-03", "--to", "2026-12-01", "--out", file, $"--Storage:Sqlite:Path={database}");
        Assert.Equal(1, backwards.ExitCode);
        Assert.Contains("is before --from", backwards.StdErr, StringComparison.Ordinal);
        Assert.Equal(7, (await File.ReadAllLinesAsync(file)).Length); // the last export is left as it was
    }

    [SkippableFact]
    public async Task A_recognition_is_sent_when_the_team_lists_it_and_voided_when_the_reaction_is_taken_back()
    {
        await using var bot = await StartAsync(new() { ["Lrs:Tenants:0:Send:0"] = "Recognition" });
        var seed = await OptedInTeamAsync(bot, agents: 2);
        await bot.ReactAsync(PracticeSeed.Channel, PracticeSeed.Maya, "m-1", Agent.UserId, "clap", added: true);
        bot.Clock.Advance(TimeSpan.FromMinutes(1));
        await bot.ReactAsync(PracticeSeed.Channel, PracticeSeed.Agent(2), "m-1", Agent.UserId, "sparkles", added: true);
        await bot.ReactAsync(PracticeSeed.Channel, PracticeSeed.Maya, "m-2", PracticeSeed.Agent(2).UserId, "clap", added: true); // not opted in
        await seed.PracticeAsync(Agent, PracticeSeed.WarmAgent); // not listed: no practice statements
        Assert.Equal(2, await bot.Statements.DeliverAsync(CancellationToken.None));

        bot.Clock.Advance(TimeSpan.FromMinutes(3));
        await bot.ReactAsync(PracticeSeed.Channel, PracticeSeed.Maya, "m-1", Agent.UserId, "clap", added: false);
        Assert.Equal(1, await bot.Statements.DeliverAsync(CancellationToken.None));
        bot.Clock.Advance(TimeSpan.FromMinutes(3));
        await bot.ReactAsync(PracticeSeed.Channel, PracticeSeed.Maya, "m-1", Agent.UserId, "clap", added: true); // given again
        Assert.Equal(1, await bot.Statements.DeliverAsync(CancellationToken.None));

        var received = _lrs.Statements;
        Assert.Equal([], await XapiValidator.ProblemsAsync(received));
        var recognitions = received.Where(s => s["verb"]!["id"]!.GetValue<string>() == XapiVocabulary.Recognized).ToList();
        Assert.Equal(["maya", "agent-2", "maya"], recognitions.Select(s => s["actor"]!["account"]!["name"]!.GetValue<string>()));
        Assert.All(recognitions, s => Assert.Equal("agent-1", s["object"]!["account"]!["name"]!.GetValue<string>()));
        Assert.Equal(["recognition", "empathy_win", "recognition"],
            recognitions.Select(s => s["context"]!["extensions"]![XapiVocabulary.RecognitionKind]!.GetValue<string>()));
        var voiding = Assert.Single(received, s => s["verb"]!["id"]!.GetValue<string>() == XapiVocabulary.Voided);
        Assert.Equal(recognitions[0]["id"]!.GetValue<string>(), voiding["object"]!["id"]!.GetValue<string>());
        Assert.Equal([Guid.Parse(recognitions[0]["id"]!.GetValue<string>())], _lrs.VoidedIds); // the one given again stands
    }

    [SkippableFact] // the validator is Learning Locker's, from tests/node_modules
    public async Task A_peer_review_and_its_helpful_mark_reach_the_LRS_without_the_lines_the_peer_wrote()
    {
        await using var bot = await StartAsync(new() { ["Lrs:Tenants:0:Send:0"] = "PeerReview" });
        var seed = await OptedInTeamAsync(bot, agents: 2);
        var sessionId = await seed.PracticeAsync(Agent, PracticeSeed.WarmAgent, commit: false); // practices are not listed: not sent
        var post = (await bot.SayAsync(Agent, "share")).Replies.OfType<CardOut>().Single();
        var open = post.Card.Actions.OfType<SubmitAction>().Single(a => a.Verb == CardVerbs.ReviewOpen);
        var reviewer = PracticeSeed.Agent(2); // never opted in to practice, and never out: may be named
        var form = (await bot.SubmitAsync(reviewer, open.Verb, new(open.Data))).Replies.OfType<CardOut>().Single().Card;
        var submit = form.Actions.OfType<SubmitAction>().Single();
        var values = new Dictionary<string, string>(submit.Data)
        {
            [CardVerbs.Inputs.Landed] = "SECRET-LANDED the apology came first",
            [CardVerbs.Inputs.TryNext] = "SECRET-NEXT give a time",
        };
        foreach (var choice in form.Inputs.OfType<ChoiceInput>())
        {
            values[choice.Id] = "yes";
        }

        await bot.SubmitAsync(reviewer, submit.Verb, values);
        Assert.Equal(1, await bot.Statements.DeliverAsync(CancellationToken.None));
        var helpful = (await bot.SayAsync(Agent, "reviews")).Replies.OfType<CardOut>().Single().Card.Actions.OfType<SubmitAction>().Single();
        await bot.SubmitAsync(Agent, helpful.Verb, new(helpful.Data));
        await bot.SubmitAsync(Agent, helpful.Verb, new(helpful.Data)); // marked once
        Assert.Equal(1, await bot.Statements.DeliverAsync(CancellationToken.None));

        var received = _lrs.Statements;
        Assert.Equal([], await XapiValidator.ProblemsAsync(received));
        Assert.DoesNotContain("SECRET", string.Join("\n", received.Select(s => s.ToJsonString())), StringComparison.Ordinal);
        var reviewed = Assert.Single(received, s => s["verb"]!["id"]!.GetValue<string>() == XapiVocabulary.Reviewed);
        Assert.Equal(("agent-2", "agent-1"), (reviewed["actor"]!["account"]!["name"]!.GetValue<string>(), reviewed["object"]!["account"]!["name"]!.GetValue<string>()));
        var stored = (await bot.PeerReviewStore.ListSinceAsync(AgentKey.Tenant, PracticeSeed.TeamId, DateOnly.MinValue, CancellationToken.None)).Single();
        var peer = reviewed["result"]!["extensions"]![XapiVocabulary.PeerAnswers]!.AsObject();
        var rubric = reviewed["result"]!["extensions"]![XapiVocabulary.RubricAnswers]!.AsObject();
        Assert.Equal(stored.Answers.Keys.Order(StringComparer.Ordinal), peer.Select(p => p.Key));
        Assert.All(peer, p => Assert.Equal("yes", p.Value!.GetValue<string>()));
        Assert.All(stored.Engine, e => Assert.Equal(e.Value is { } answer ? WireName.Of(answer) : null, rubric[e.Key]?.GetValue<string>()));
        Assert.Equal("shared", reviewed["context"]!["extensions"]![XapiVocabulary.ReviewSource]!.GetValue<string>());
        // The review belongs to the practice it reviewed: the same registration as that practice's own statements.
        Assert.Equal(StatementIds.For($"registration|studio|{PracticeSeed.Tenant}|{Agent.UserId}|{sessionId}").ToString(),
            reviewed["context"]!["registration"]!.GetValue<string>());
        var found = Assert.Single(received, s => s["verb"]!["id"]!.GetValue<string>() == XapiVocabulary.FoundHelpful);
        Assert.Equal("agent-1", found["actor"]!["account"]!["name"]!.GetValue<string>());
        Assert.Equal(reviewed["id"]!.GetValue<string>(), found["object"]!["id"]!.GetValue<string>());
    }

    [SkippableFact] // the validator is Learning Locker's, from tests/node_modules
    public async Task People_the_team_mapped_to_its_LMS_are_named_as_its_actors()
    {
        var database = Path.Combine(_dir, "roleplay.db");
        var csv = Path.Combine(_dir, "actors.csv");
        await File.WriteAllTextAsync(csv, "user_id,mbox,account_home_page,account_name\nagent-1,mailto:agent.one@contoso.com,,\nagent-2,,https://lms.contoso.com,a.two\n");
        var imported = await BotProcess.RunAsync("", "lrs", "actors", "--platform", "studio", "--tenant", PracticeSeed.Tenant, "--file", csv,
            $"--Storage:Sqlite:Path={database}");
        Assert.True(imported.ExitCode == 0, imported.StdErr);
        Assert.Contains("mapped 2 people", imported.StdOut, StringComparison.Ordinal);

        await File.WriteAllTextAsync(csv, "user_id,mbox,account_home_page,account_name\nagent-1,agent.one@contoso.com,,\nagent-2,,,a.two\n");
        var refused = await BotProcess.RunAsync("", "lrs", "actors", "--platform", "studio", "--tenant", PracticeSeed.Tenant, "--file", csv,
            $"--Storage:Sqlite:Path={database}");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("line 2: mbox must be mailto:<email>", refused.StdErr, StringComparison.Ordinal);
        Assert.Contains("line 3: give an mbox, or both account_home_page and account_name", refused.StdErr, StringComparison.Ordinal);

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await using var bot = await StartAsync();
        var seed = await OptedInTeamAsync(bot, agents: 2);
        var buddy = PracticeSeed.Agent(2);
        await bot.Pairing.SaveRoundAsync(new PairingRound(AgentKey.Tenant, PracticeSeed.TeamId, 1, Start,
            [new PairRecord(new PersonKey(buddy.Platform, buddy.TenantId, buddy.UserId), AgentKey)], []), CancellationToken.None);
        var sessionId = await seed.PracticeAsync(Agent, PracticeSeed.WarmAgent);
        await CheckInAsync(bot, Agent, sessionId, "kept", "Every call this week", by: buddy);
        Assert.Equal(5, await bot.Statements.DeliverAsync(CancellationToken.None));

        Assert.All(_lrs.Statements, s => Assert.Equal("""{"objectType":"Agent","mbox":"mailto:agent.one@contoso.com"}""", s["actor"]!.ToJsonString()));
        Assert.Equal("""{"objectType":"Agent","account":{"homePage":"https://lms.contoso.com","name":"a.two"}}""",
            _lrs.Statements[^1]["context"]!["team"]!["member"]![0]!.ToJsonString()); // the buddy, on xAPI 1.0.3
        Assert.Empty(await XapiValidator.ProblemsAsync(_lrs.Statements));
    }

    [SkippableFact] // the validator is Learning Locker's, from tests/node_modules
    public async Task Forgetting_a_person_voids_what_the_LRS_has_about_them_and_drops_what_it_does_not()
    {
        var database = Path.Combine(_dir, "roleplay.db");
        await using (var bot = await StartAsync())
        {
            var seed = await OptedInTeamAsync(bot, agents: 2);
            await bot.SayAsync(PracticeSeed.Agent(2), "opt in");
            await seed.PracticeAsync(Agent, PracticeSeed.WarmAgent);
            await seed.PracticeAsync(PracticeSeed.Agent(2), PracticeSeed.WarmAgent, commit: false);
            Assert.Equal(7, await bot.Statements.DeliverAsync(CancellationToken.None));
            bot.Clock.Advance(TimeSpan.FromMinutes(5));
            await seed.PracticeAsync(Agent, PracticeSeed.ColdAgent, commit: false); // not sent yet
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var sentAboutAgent = _lrs.Statements.Where(s => s["actor"]!["account"]!["name"]!.GetValue<string>() == "agent-1")
            .Select(s => Guid.Parse(s["id"]!.GetValue<string>())).ToList();
        string[] forget = ["people", "forget", "--platform", "studio", "--tenant", PracticeSeed.Tenant, "--user", "agent-1",
            $"--Storage:Sqlite:Path={database}", .. Settings().Select(kv => $"--{kv.Key}={kv.Value}")];
        var forgot = await BotProcess.RunAsync("", forget);
        Assert.True(forgot.ExitCode == 0, forgot.StdErr);
        Assert.Contains("4 learning records to void", forgot.StdOut, StringComparison.Ordinal);

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await using var restarted = await StartAsync();
        Assert.Equal(4, await restarted.Statements.DeliverAsync(CancellationToken.None)); // the voiding ones, not the unsent practice
        Assert.Equal(sentAboutAgent.Order(), _lrs.VoidedIds.Order());
        var voiding = _lrs.Statements.Skip(7).ToList();
        Assert.All(voiding, s => Assert.Equal(XapiVocabulary.Voided, s["verb"]!["id"]!.GetValue<string>()));
        Assert.All(voiding, s => Assert.DoesNotContain("agent-1", s.ToJsonString(), StringComparison.Ordinal));
        Assert.Empty(await XapiValidator.ProblemsAsync(voiding));
        Assert.Null(await restarted.People.GetAsync(AgentKey, CancellationToken.None));
        Assert.Empty(await restarted.StatementOutbox.ListLoggedAsync(AgentKey.Tenant, DateOnly.FromDateTime(Start.UtcDateTime), DateOnly.FromDateTime(Start.UtcDateTime), CancellationToken.None)
            .Where(s => s.People.Contains(AgentKey)).ToListAsync());
    }

    [Fact]
    public async Task A_final_turn_cut_off_before_its_statements_were_kept_keeps_them_when_it_is_delivered_again()
    {
        var failOnce = new FailingOnce();
        await using var bot = await StartAsync(configure: services => services.AddSingleton<ILearningRecords>(sp =>
            new FailingScore(ActivatorUtilities.CreateInstance<XapiLearningRecords>(sp), failOnce)));
        await bot.SayAsync(Agent, "opt in");
        await bot.SayAsync(Agent, "start late-delivery-birthday");
        var id = 0;
        Exception? cutOff = null;
        foreach (var line in PracticeSeed.WarmAgent)
        {
            var delivery = new EventDelivery($"ev-{++id}", Again: false);
            try
            {
                await bot.SayAsync(Agent, line, delivery);
            }
            catch (StorageUnavailableException e)
            {
                cutOff = e; // the session and its rubric are stored; the learning records are not
                var again = await bot.SayAsync(Agent, line, delivery with { Again = true });
                Assert.Contains(again.Replies.OfType<CardOut>(), c => c.Card.Id == "debrief.feelings"); // the same answer
                break;
            }
        }

        Assert.NotNull(cutOff);
        Assert.Equal(3, await bot.Statements.DeliverAsync(CancellationToken.None));
        Assert.Equal([XapiVocabulary.Attempted, XapiVocabulary.Completed, XapiVocabulary.Passed],
            _lrs.Statements.Select(s => s["verb"]!["id"]!.GetValue<string>()));
    }

    /// <summary>Whether the one failure has happened.</summary>
    private sealed class FailingOnce
    {
        private int _failed;

        public bool Fails() => Interlocked.Exchange(ref _failed, 1) == 0;
    }

    /// <summary>The learning records whose first scored practice fails, as a store outage right after the rubric's save would.</summary>
    private sealed class FailingScore(ILearningRecords inner, FailingOnce once) : ILearningRecords
    {
        public Task PracticeStartedAsync(PersonRecord person, SessionRecord session, CancellationToken ct) => inner.PracticeStartedAsync(person, session, ct);

        public Task PracticeScoredAsync(PersonRecord person, SessionRecord session, PracticeReport report, CancellationToken ct) => once.Fails()
            ? throw new StorageUnavailableException("test", "cut off", new IOException("cut off"))
            : inner.PracticeScoredAsync(person, session, report, ct);

        public Task CommitmentMadeAsync(PersonRecord person, CommitmentRecord commitment, CancellationToken ct) => inner.CommitmentMadeAsync(person, commitment, ct);

        public Task CheckedInAsync(CheckInRecord checkIn, CommitmentRecord commitment, CancellationToken ct) => inner.CheckedInAsync(checkIn, commitment, ct);

        public Task RecognizedAsync(RecognitionRecord recognition, CancellationToken ct) => inner.RecognizedAsync(recognition, ct);

        public Task RecognitionWithdrawnAsync(RecognitionRecord recognition, DateTimeOffset atUtc, CancellationToken ct) =>
            inner.RecognitionWithdrawnAsync(recognition, atUtc, ct);

        public Task PeerReviewedAsync(PeerReview review, ReviewRequest request, CancellationToken ct) => inner.PeerReviewedAsync(review, request, ct);

        public Task ReviewFoundHelpfulAsync(PeerReview review, CancellationToken ct) => inner.ReviewFoundHelpfulAsync(review, ct);
    }

    private Task<RouterHarness> StartAsync(Dictionary<string, string?>? changes = null, Action<IServiceCollection>? configure = null)
    {
        var settings = Settings();
        foreach (var (key, value) in changes ?? [])
        {
            settings[key] = value;
        }

        return RouterHarness.StartAsync(Path.Combine(_dir, "roleplay.db"), Start, new Routines.RoutineSetup(new Routines.DeliveredLog(), Overrides: settings),
            configure: configure);
    }

    /// <summary>The studio's local tenant sends to the stand-in LRS, with basic auth.</summary>
    private Dictionary<string, string?> Settings() => new()
    {
        ["Lrs:Tenants:0:Platform"] = "studio",
        ["Lrs:Tenants:0:TenantId"] = PracticeSeed.Tenant,
        ["Lrs:Tenants:0:Endpoint"] = _lrs.Endpoint.ToString(),
        ["Lrs:Tenants:0:Username"] = "lrs-user",
        ["Lrs:Tenants:0:Password"] = "lrs-pass",
        ["Lrs:Tenants:0:HomePage"] = "https://roleplay.example.com/studio",
    };

    /// <summary>Maya's team of <paramref name="agents"/>, the first of whom has opted in.</summary>
    private static async Task<PracticeSeed> OptedInTeamAsync(RouterHarness bot, int agents)
    {
        var seed = new PracticeSeed(bot);
        await seed.SetUpTeamAsync(agents);
        await bot.SayAsync(Agent, "opt in");
        return seed;
    }

    /// <summary>The check-in card a week later, answered by the learner (or their buddy).</summary>
    private static async Task CheckInAsync(RouterHarness bot, ChannelUser learner, string sessionId, string outcome, string note, ChannelUser? by = null)
    {
        bot.Clock.Advance(TimeSpan.FromDays(7));
        var commitment = (await bot.Learning.ListDueForCheckInAsync(new TenantScope(learner.Platform, learner.TenantId),
                DateOnly.FromDateTime(bot.Clock.GetUtcNow().UtcDateTime), CancellationToken.None))
            .Single(c => c.SessionId == sessionId);
        await bot.SubmitAsync(by ?? learner, CardVerbs.CheckIn, new()
        {
            [Inputs.Learner] = learner.UserId,
            [Inputs.CommitmentId] = commitment.CommitmentId,
            [Inputs.CheckInOutcome] = outcome,
            [Inputs.CheckInNote] = note,
        });
    }
}
