using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Microsoft.AspNetCore.Http;
using RolePlay.Core.Chat;
using RolePlay.Slack;
using RolePlay.Testing;
using RolePlay.Testing.Slack;
using Xunit.Abstractions;

namespace RolePlay.Bot.Tests.Slack;

/// <summary>The durable inbox with real bot processes. Under a crash: bot processes on one store, the first killed with
/// SIGKILL in the middle of a burst of signed events; every event Slack was told "200" for is answered after the restart
/// (or by the other host), none twice; the events whose ack the crash cut off are retried as Slack retries them, and
/// answered too. Under a store outage: the event is refused with 503, and Slack's retry is answered once the store is back.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class DurableInboxTests(AzuriteFixture azurite, ITestOutputHelper output) : IDisposable
{
    private const string Secret = "crash-signing-secret-0123456789";
    private const string Token = "xoxb-crash";
    private const string Workspace = "TCRASH";
    private const int People = 160;
    private const int KillAfterAcks = 60;

    /// <summary>The text of a scene's controls message, its start's last.</summary>
    private const string Controls = "Type your reply";
    private readonly string _dir = Directory.CreateTempSubdirectory("roleplay-sigkill-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public Task On_SQLite_a_restarted_host_answers_every_acknowledged_event_once() =>
        RunAsync([$"--Storage:Sqlite:Path={Path.Combine(_dir, "roleplay.db")}"], twoHosts: false);

    [Fact]
    public Task On_SQLite_the_other_host_answers_what_the_killed_one_acknowledged() =>
        RunAsync([$"--Storage:Sqlite:Path={Path.Combine(_dir, "roleplay.db")}"], twoHosts: true);

    [SkippableFact]
    public Task On_Azure_Tables_a_restarted_host_answers_every_acknowledged_event_once() => RunOnAzuriteAsync(twoHosts: false);

    [SkippableFact]
    public Task On_Azure_Tables_the_other_host_answers_what_the_killed_one_acknowledged() => RunOnAzuriteAsync(twoHosts: true);

    [SkippableFact]
    public async Task An_event_the_store_cannot_take_is_refused_so_Slack_retries_it_and_the_retry_is_answered()
    {
        Skip.If(azurite.SkipReason is not null, azurite.SkipReason);
        await using var gate = TcpGate.Start(azurite.Port);
        await using var api = await FakeSlackApi.StartAsync();
        api.Tokens[Token] = Workspace;
        var bot = await StartAsync(api,
        [
            "--Storage:Provider=AzureTables",
            $"--Storage:AzureTables:ConnectionString={azurite.ConnectionString!.Replace($":{azurite.Port}/", $":{gate.Port}/", StringComparison.Ordinal)}",
            $"--Storage:AzureTables:TablePrefix=outage{Guid.NewGuid():N}", // 38 characters of the 40 allowed
        ]);
        try
        {
            var signer = new SlackSigner(Secret);
            gate.Close();
            var clock = Stopwatch.StartNew();
            Assert.False(await TryPostAsync(bot.Http, signer, 0, retry: 0));
            output.WriteLine($"refused in {clock.ElapsedMilliseconds} ms with the store down");
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), "Slack gives up on an ack after 3 s");
            Assert.Empty(api.CallsTo("chat.postMessage"));

            gate.Open();
            Assert.True(await TryPostAsync(bot.Http, signer, 0, retry: 1));
            var answered = await WaitForAnswersAsync(api, 1, TimeSpan.FromSeconds(30));
            Assert.Equal([Channel(0)], answered.Keys);
        }
        finally
        {
            BotProcess.Kill(bot.Process);
        }
    }

    [Fact]
    public async Task An_event_whose_replies_outlast_the_lease_keeps_it_and_is_not_repeated_by_the_other_host()
    {
        await using var api = await FakeSlackApi.StartAsync();
        api.Tokens[Token] = Workspace;
        // The first reply takes longer than the 3 s lease: only renewal keeps the other host off the event.
        api.Script("chat.postMessage", async context =>
        {
            await Task.Delay(TimeSpan.FromSeconds(5));
            await context.Response.WriteAsJsonAsync(new { ok = true, channel = Channel(0), ts = "1700000000.000100" });
        });
        string[] store = [$"--Storage:Sqlite:Path={Path.Combine(_dir, "roleplay.db")}"];
        var first = await StartAsync(api, store);
        var second = await StartAsync(api, store);
        try
        {
            Assert.True(await TryPostAsync(first.Http, new SlackSigner(Secret), 0, retry: 0));
            await Task.Delay(TimeSpan.FromSeconds(4)); // past the lease: a takeover would have begun by now
            // The same start for someone else, unhindered, is what one answer looks like.
            Assert.True(await TryPostAsync(second.Http, new SlackSigner(Secret), 1, retry: 0));
            var answered = await WaitForAnswersAsync(api, 2, TimeSpan.FromSeconds(30));
            Assert.Equal([Channel(0), Channel(1)], answered.Keys.Order());
            Assert.Equal(answered[Channel(1)].Count, answered[Channel(0)].Count);
            Assert.Equal(2, Ended(api));
        }
        finally
        {
            BotProcess.Kill(first.Process);
            BotProcess.Kill(second.Process);
        }
    }

    [Fact]
    public Task An_answer_a_crash_cut_off_is_sent_again_as_it_was_and_the_event_is_not_handled_twice()
        => CrashAndRestartAsync(async (api, first, startNext) =>
        {
            // The answer's first message goes out; the second never gets its reply, and the host dies waiting for it.
            api.Script("chat.postMessage",
                context => context.Response.WriteAsJsonAsync(new { ok = true, channel = Channel(0), ts = "1700000000.000100" }),
                HangUntilAborted);
            Assert.True(await TryPostAsync(first.Http, new SlackSigner(Secret), 0, retry: 0));
            await api.WaitForCallAsync("chat.postMessage", 2, TimeSpan.FromSeconds(30));
            BotProcess.Kill(first.Process);
            var before = api.CallsTo("chat.postMessage").Select(c => c.Str("text") ?? "").ToList();

            await startNext();
            var answered = await WaitForAnswersAsync(api, 1, TimeSpan.FromSeconds(30));
            var again = answered[Channel(0)][before.Count..];

            // The same three messages as the first attempt's (its very opening line), not the start read as a reply.
            Assert.Equal(3, again.Count);
            Assert.Equal(before, again[..2]);
            Assert.True(IsOneAnswerWithARepeatedStart(answered[Channel(0)]), string.Join(" | ", answered[Channel(0)]));
        });

    [Fact]
    public Task A_click_whose_answer_a_crash_cut_off_is_answered_by_the_next_host()
        => CrashAndRestartAsync(async (api, first, startNext) =>
        {
            var signer = new SlackSigner(Secret);
            Assert.True(await TryPostAsync(first.Http, signer, 0, retry: 0));
            await WaitForAnswersAsync(api, 1, TimeSpan.FromSeconds(30));
            var (button, message) = SlackRolePlayEndToEndTests.FindButton(api.CallsTo("chat.postMessage"), CardVerbs.End);

            // "End and debrief": the debrief opens as a modal, and the host dies before Slack answers views.open.
            // Slack never retries a click, so only the inbox can still answer it.
            api.Script("views.open", HangUntilAborted);
            const string trigger = "1.2.crash-click";
            api.IssueTrigger(trigger);
            var click = SlackRolePlayEndToEndTests.BlockAction(button, message, trigger, User(0), Workspace);
            using (var request = SlackBotHost.SignedRequest(signer, SlackEndpoints.InteractionsPath,
                       Encoding.UTF8.GetBytes("payload=" + Uri.EscapeDataString(click.ToJsonString())), "application/x-www-form-urlencoded", null))
            using (var response = await first.Http.SendAsync(request))
            {
                Assert.Equal(200, (int)response.StatusCode);
            }

            await api.WaitForCallAsync("views.open", 1, TimeSpan.FromSeconds(30));
            BotProcess.Kill(first.Process);
            var before = api.CallsTo("chat.postMessage").Count;

            await startNext();
            // Its trigger long expired, the debrief's first step comes as a message in the DM.
            await Poll.UntilAsync(() => HasButton(api.CallsTo("chat.postMessage").Skip(before), CardVerbs.DebriefFeelings), TimeSpan.FromSeconds(30));
            var debrief = SlackRolePlayEndToEndTests.FindButton(api.CallsTo("chat.postMessage").Skip(before), CardVerbs.DebriefFeelings);
            Assert.Equal(Channel(0), debrief.Message.Str("channel"));
        });

    [Fact]
    public Task A_slash_commands_rest_a_crash_cut_off_after_its_ack_is_sent_by_the_next_host()
        => CrashAndRestartAsync(async (api, first, startNext) =>
        {
            // The ack carries the coach's introduction; the customer's opening and the controls follow through the Web
            // API, and the host dies before Slack answers the first of them. Slack never sends a command again.
            api.Script("chat.postEphemeral", HangUntilAborted);
            var form = $"team_id={Workspace}&channel_id={Channel(0)}&user_id={User(0)}&user_name=ana&command=%2Fpractice" +
                       "&text=start%20bereavement-closure&trigger_id=1.2.crash-command&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT%2F1%2Fx";
            using (var request = SlackBotHost.SignedRequest(new SlackSigner(Secret), SlackEndpoints.CommandsPath, Encoding.UTF8.GetBytes(form),
                       "application/x-www-form-urlencoded", null))
            using (var response = await first.Http.SendAsync(request))
            {
                Assert.Equal(200, (int)response.StatusCode);
                Assert.StartsWith("Coach: Practice:", System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!["text"]!.ToString(),
                    StringComparison.Ordinal);
            }

            await api.WaitForCallAsync("chat.postEphemeral", 1, TimeSpan.FromSeconds(30));
            BotProcess.Kill(first.Process);

            await startNext();
            await Poll.UntilAsync(() => api.CallsTo("chat.postEphemeral").Count >= 3, TimeSpan.FromSeconds(30));
            await Task.Delay(TimeSpan.FromSeconds(1)); // nothing more comes
            var sentAgain = api.CallsTo("chat.postEphemeral").Skip(1).ToList();
            Assert.Equal(2, sentAgain.Count);
            Assert.All(sentAgain, m => Assert.Equal((Channel(0), User(0)), (m.Str("channel"), m.Str("user"))));
            Assert.StartsWith("Graham: ", sentAgain[0].Str("text"), StringComparison.Ordinal);
            Assert.True(HasButton(sentAgain.Skip(1), CardVerbs.End), "the scene's controls came last");
        });

    /// <summary>A host on one SQLite file for <paramref name="test"/> to crash, and a way to start the next one on the same
    /// file; every host is killed at the end, whatever happened.</summary>
    private async Task CrashAndRestartAsync(Func<FakeSlackApi, BotUnderTest, Func<Task<BotUnderTest>>, Task> test)
    {
        await using var api = await FakeSlackApi.StartAsync();
        api.Tokens[Token] = Workspace;
        // A fresh process answers its first slash command slowly on a busy machine; the tests are about what follows the
        // ack, so the ack waits for the answer rather than sending the "…" placeholder.
        string[] store = [$"--Storage:Sqlite:Path={Path.Combine(_dir, "roleplay.db")}", "--Slack:CommandAnswerWindow=00:00:08"];
        List<BotUnderTest> hosts = [await StartAsync(api, store)];
        try
        {
            await test(api, hosts[0], async () =>
            {
                var next = await StartAsync(api, store);
                hosts.Add(next);
                return next;
            });
        }
        finally
        {
            hosts.ForEach(h => BotProcess.Kill(h.Process));
        }
    }

    private Task RunOnAzuriteAsync(bool twoHosts)
    {
        Skip.If(azurite.SkipReason is not null, azurite.SkipReason);
        return RunAsync(
        [
            "--Storage:Provider=AzureTables",
            $"--Storage:AzureTables:ConnectionString={azurite.ConnectionString}",
            $"--Storage:AzureTables:TablePrefix=crash{Guid.NewGuid():N}", // 37 characters of the 40 allowed
        ], twoHosts);
    }

    /// <summary>One host (killed, then started again) or two (one killed, the other carrying on) take a burst of scene
    /// starts, one a person; Slack's retries of the events whose ack never came go to the host that is up.</summary>
    private async Task RunAsync(string[] store, bool twoHosts)
    {
        await using var api = await FakeSlackApi.StartAsync();
        api.Tokens[Token] = Workspace;
        var first = await StartAsync(api, store);
        var second = twoHosts ? await StartAsync(api, store) : null;
        var signer = new SlackSigner(Secret);
        var acked = new ConcurrentBag<int>();
        var unacked = new ConcurrentBag<int>();
        var pendingAtKill = 0;
        try
        {
            var next = -1;
            var killed = 0;
            // Four senders, as Slack's deliveries overlap; with two hosts they alternate between them.
            await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
            {
                int person;
                while ((person = Interlocked.Increment(ref next)) < People)
                {
                    var host = second is not null && person % 2 == 1 ? second : first;
                    if (await TryPostAsync(host.Http, signer, person, retry: 0))
                    {
                        acked.Add(person);
                        if (acked.Count >= KillAfterAcks && Interlocked.Exchange(ref killed, 1) == 0)
                        {
                            BotProcess.Kill(first.Process);
                            pendingAtKill = acked.Count - Ended(api);
                        }
                    }
                    else
                    {
                        unacked.Add(person);
                    }
                }
            })));

            var survivor = second ?? await StartAsync(api, store);
            foreach (var person in unacked)
            {
                // Slack retries an event whose ack did not come, with the same event_id and a retry number.
                Assert.True(await TryPostAsync(survivor.Http, signer, person, retry: 1), $"the retry of event {person} was refused");
            }

            var answered = await WaitForAnswersAsync(api, People, TimeSpan.FromSeconds(60));
            var messagesPerPerson = answered.Values.GroupBy(m => m.Count).ToDictionary(g => g.Key, g => g.Count());
            output.WriteLine($"acked: {acked.Count} ({pendingAtKill} of them not answered when the host was killed), cut off and retried: {unacked.Count}, " +
                             $"answered: {answered.Count} of {People}, messages per person: " +
                             string.Join(", ", messagesPerPerson.OrderBy(p => p.Key).Select(p => $"{p.Key}×{p.Value}")) + "; Web API calls: " +
                             string.Join(", ", api.Calls.GroupBy(c => c.Method).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}")));
            // Every acknowledged start is answered, once: each DM holds the scene's opening, after at most the first
            // messages of that same answer, sent before a crash cut it off. Neither a second live host nor a crash between
            // the scene's write and the inbox's recorded answer makes the start be taken as the agent's reply.
            var unanswered = Enumerable.Range(0, People).Select(Channel).Except(answered.Keys).ToList();
            Assert.True(unanswered.Count == 0, $"{unanswered.Count} people not answered (first: {unanswered.FirstOrDefault()}); what was sent: " +
                string.Join(" | ", api.CallsTo("chat.postMessage").Take(12).Select(c => $"{c.At:HH:mm:ss.fff} {c.Str("channel")}: {c.Str("text")}")));
            var notOneAnswer = answered.Where(a => !IsOneAnswerWithARepeatedStart(a.Value)).ToList();
            Assert.True(notOneAnswer.Count == 0,
                $"{notOneAnswer.Count} DMs do not hold one answer: " + string.Join("; ", notOneAnswer.Take(3).Select(a => $"{a.Key}: {string.Join(" | ", a.Value)}")));

            Assert.True(second is null || !survivor.Process.HasExited);
            // Otherwise the kill came too late to test anything.
            Assert.True(pendingAtKill > 0, "every acknowledged event was answered before the kill");
            if (second is null)
            {
                BotProcess.Kill(survivor.Process);
            }
        }
        finally
        {
            foreach (var host in new[] { first, second })
            {
                if (host is not null && !host.Process.HasExited)
                {
                    BotProcess.Kill(host.Process);
                }
            }
        }
    }

    private static string User(int person) => $"UCRASH{person:D3}";

    /// <summary>An answer that never comes: the call is held until the host that made it is killed.</summary>
    private static async Task HangUntilAborted(HttpContext context)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The killed host's connection closed.
        }
    }

    private static bool HasButton(IEnumerable<ApiCall> messages, string verb) =>
        messages.Any(m => m.Json?["blocks"]?.ToJsonString().Contains($"\"{verb}", StringComparison.Ordinal) == true);

    private static string Channel(int person) => "D" + User(person);

    /// <summary>Texts posted per DM, in order, once the count has been still for 3 s (or at the deadline), each scene's
    /// last message being its controls.</summary>
    private static async Task<Dictionary<string, List<string>>> WaitForAnswersAsync(FakeSlackApi api, int people, TimeSpan deadline)
    {
        var clock = Stopwatch.StartNew();
        var last = -1;
        var stillSince = clock.Elapsed;
        while (clock.Elapsed < deadline)
        {
            var ended = Ended(api);
            var total = api.CallsTo("chat.postMessage").Count;
            if (total != last)
            {
                (last, stillSince) = (total, clock.Elapsed);
            }
            else if (ended >= people && clock.Elapsed - stillSince > TimeSpan.FromSeconds(3))
            {
                break;
            }

            await Task.Delay(200);
        }

        return api.CallsTo("chat.postMessage").GroupBy(c => c.Str("channel") ?? "").ToDictionary(g => g.Key, g => g.Select(c => c.Str("text") ?? "").ToList());
    }

    /// <summary>A scene start's answer (the coach's introduction, the customer's opening, the controls), possibly after
    /// the first messages of that same answer, sent before a crash cut it off.</summary>
    private static bool IsOneAnswerWithARepeatedStart(List<string> messages)
    {
        const int answer = 3;
        var repeated = messages.Count - answer;
        var whole = messages[Math.Max(repeated, 0)..];
        return repeated is >= 0 and < answer
               && whole[0].StartsWith("Coach: Practice:", StringComparison.Ordinal)
               && whole[1].StartsWith("Graham: ", StringComparison.Ordinal)
               && whole[2].StartsWith(Controls, StringComparison.Ordinal)
               && messages[..repeated].SequenceEqual(whole[..repeated]);
    }

    /// <summary>Scenes started so far: their last message, the controls, was posted.</summary>
    private static int Ended(FakeSlackApi api) =>
        api.CallsTo("chat.postMessage").Count(c => c.Json!["blocks"]?.ToJsonString().Contains("End and debrief", StringComparison.Ordinal) == true);

    private async Task<BotUnderTest> StartAsync(FakeSlackApi api, string[] store)
    {
        var port = ServeTests.FreePort();
        var process = BotProcess.Start(
        [
            "--urls", $"http://127.0.0.1:{port}",
            .. store,
            $"--Slack:SigningSecret={Secret}",
            $"--Slack:BotToken={Token}",
            $"--Slack:ApiBaseUrl={api.BaseUrl}",
            // Quick leases, so the test need not wait out the default 30 s; no Slack pacing, so the DMs go out at once.
            "--Slack:InboxLease=00:00:03",
            "--Slack:InboxScanInterval=00:00:00.500",
            "--Slack:ChannelMessageInterval=00:00:00.001",
            "--Slack:WorkspaceMessagesPerMinute=1000000",
            "--Logging:LogLevel:Default=Warning",
        ]);
        BotProcess.ShowOutput(process, output);
        var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
        await ServeTests.WaitForHealthAsync(http);
        output.WriteLine($"bot {process.Id} on port {port}");
        return new BotUnderTest(process, http);
    }

    /// <summary>True when Slack would count the event delivered (a 2xx); false when the request failed or was refused.</summary>
    private static async Task<bool> TryPostAsync(HttpClient http, SlackSigner signer, int person, int retry)
    {
        var envelope = SlackBotHost.Event($"EvCrash{person:D3}", SlackBotHost.DirectMessage(User(person), "start bereavement-closure", Workspace), Workspace);
        var retried = retry > 0
            ? new Dictionary<string, string> { ["X-Slack-Retry-Num"] = retry.ToString(System.Globalization.CultureInfo.InvariantCulture), ["X-Slack-Retry-Reason"] = "http_error" }
            : null;
        using var request = SlackBotHost.SignedRequest(signer, "/api/slack/events", Encoding.UTF8.GetBytes(envelope.ToJsonString()), "application/json", retried);
        try
        {
            using var response = await http.SendAsync(request);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException)
        {
            return false;
        }
    }

    private sealed record BotUnderTest(Process Process, HttpClient Http);
}
