using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RolePlay.Bot.Tests.Dashboard;
using RolePlay.Slack;
using RolePlay.Slack.Installs;
using RolePlay.Testing;
using RolePlay.Testing.Fuzz;
using RolePlay.Testing.Slack;

namespace RolePlay.Bot.Tests.Web;

/// <summary>Mutated real payloads (../shared/payloads, seeded, so a failure replays) against the real host's every
/// inbound endpoint, authenticated so the mutations reach the parsers: Teams in local mode, Slack signed, the studio
/// with its header and a person. No answer is a 5xx, none takes long, and the managed heap stays flat.
/// CI runs <see cref="DefaultPerEndpoint"/> each; the full campaign is the same test with more:
/// <c>CI=true ROLEPLAY_FUZZ_PER_ENDPOINT=6000 dotnet test tests/RolePlay.Bot.Tests -c Release --filter PayloadFuzz</c>
/// (5 endpoints × 6,000 = 30,000 payloads). It runs alone: the heap it measures is the whole test process's.</summary>
[Collection(PayloadFuzzCollection.Name)]
public sealed class PayloadFuzzTests : IAsyncLifetime
{
    private const int DefaultPerEndpoint = 2000;
    private const int Seed = 20261204;
    private const string SigningSecret = "fuzz-signing-secret";
    private static readonly TimeSpan SlowestAnswer = TimeSpan.FromSeconds(5);

    private readonly string _dir = Directory.CreateTempSubdirectory("roleplay-fuzz-").FullName;
    private FakeSlackApi _slackApi = null!;
    private DashboardHost _local = null!;
    private DashboardHost _slack = null!;

    public async Task InitializeAsync()
    {
        _local = await DashboardHost.StartAsync(Path.Combine(_dir, "local.db"));
        _slackApi = await FakeSlackApi.StartAsync();
        _slack = await DashboardHost.StartAsync(Path.Combine(_dir, "slack.db"),
            $"--Slack:SigningSecret={SigningSecret}", "--Slack:ClientId=1.2", "--Slack:ClientSecret=fuzz-client-secret",
            "--Slack:RedirectUri=https://roleplay.example/api/slack/oauth/callback", $"--Slack:ApiBaseUrl={_slackApi.BaseUrl}",
            "--Slack:ChannelMessageInterval=00:00:00.001", $"--DataProtection:KeysPath={Path.Combine(_dir, "keys")}");
        var installs = _slack.Services.GetRequiredService<ISlackInstallStore>();
        foreach (var tenant in new[] { "T111", "E111", "T12345678", "T123", "T0001", "T9TK3CUKW" })
        {
            _slackApi.Tokens["xoxb-" + tenant] = tenant;
            await installs.SaveAsync(new SlackInstallation(tenant, tenant, null, "U111", "xoxb-" + tenant, DateTimeOffset.UtcNow, "U111", false),
                CancellationToken.None);
        }
    }

    public async Task DisposeAsync()
    {
        await _local.DisposeAsync();
        await _slack.DisposeAsync();
        await _slackApi.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [SkippableFact]
    public async Task Mutated_real_payloads_never_get_a_5xx_never_hang_and_leave_memory_flat()
    {
        var shared = SharedFolder.Require();
        var perEndpoint = int.TryParse(Environment.GetEnvironmentVariable("ROLEPLAY_FUZZ_PER_ENDPOINT"), out var n) && n > 0 ? n : DefaultPerEndpoint;
        var mutator = new PayloadMutator(Seed);
        var studioCookie = await StudioPersonAsync();
        var endpoints = Endpoints(shared, studioCookie).ToList();

        var failures = new List<string>();
        long? heapAfterWarmUp = null;
        var slowest = TimeSpan.Zero;
        for (var i = 0; i < perEndpoint; i++)
        {
            foreach (var endpoint in endpoints)
            {
                var seed = endpoint.Seeds[i % endpoint.Seeds.Count];
                var body = endpoint.IsForm ? mutator.MutateForm(seed) : mutator.MutateJson(seed);
                var watch = Stopwatch.StartNew();
                var status = await endpoint.SendAsync(body);
                slowest = watch.Elapsed > slowest ? watch.Elapsed : slowest;
                if (status >= 500 || watch.Elapsed > SlowestAnswer)
                {
                    failures.Add($"{endpoint.Name} #{i} (seed {Seed}): {status} after {watch.Elapsed.TotalMilliseconds:0} ms: {Preview(body)}");
                }
            }

            if (i == perEndpoint / 5)
            {
                heapAfterWarmUp = Heap();
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {perEndpoint * endpoints.Count}:\n{string.Join('\n', failures.Take(20))}");
        var growth = Heap() - heapAfterWarmUp!.Value;
        Assert.True(growth < 48 * 1024 * 1024, $"the managed heap grew {growth / 1024 / 1024} MB after the warm-up (slowest answer {slowest})");
    }

    private sealed record Endpoint(string Name, IReadOnlyList<byte[]> Seeds, bool IsForm, Func<byte[], Task<int>> SendAsync);

    private IEnumerable<Endpoint> Endpoints(string shared, string studioCookie)
    {
        string[] Files(string platform, string prefix) =>
            Directory.GetFiles(Path.Combine(shared, "payloads", platform)).Where(f => Path.GetFileName(f).StartsWith(prefix, StringComparison.Ordinal)).Order().ToArray();

        // Teams in local mode: loopback callers with a loopback serviceUrl reach the field checks without a token.
        var teams = Files("teams", "").Select(f =>
        {
            var activity = JsonNode.Parse(File.ReadAllText(f))!.AsObject();
            activity["serviceUrl"] = "http://127.0.0.1:9/";
            return Encoding.UTF8.GetBytes(activity.ToJsonString());
        }).ToList();
        yield return new Endpoint("teams /api/messages", teams, false, body => PostAsync(_local, "/api/messages", body, "application/json"));

        yield return new Endpoint("slack events", Files("slack", "event_").Select(File.ReadAllBytes).ToList(), false,
            body => PostSignedAsync(SlackEndpoints.EventsPath, body, "application/json"));
        yield return new Endpoint("slack interactions",
            Files("slack", "interaction_").Select(f => f.EndsWith(".txt", StringComparison.Ordinal)
                ? File.ReadAllBytes(f)
                : Encoding.UTF8.GetBytes("payload=" + Uri.EscapeDataString(File.ReadAllText(f)))).ToList(), true,
            body => PostSignedAsync(SlackEndpoints.InteractionsPath, body, "application/x-www-form-urlencoded"));
        yield return new Endpoint("slack commands", Files("slack", "command_").Select(File.ReadAllBytes).ToList(), true,
            body => PostSignedAsync(SlackEndpoints.CommandsPath, body, "application/x-www-form-urlencoded"));

        // The studio's own writes, as its page sends them.
        byte[][] studio =
        [
            """{"text":"I'm so sorry the parcel is late. What happened when you called?"}"""u8.ToArray(),
            """{"verb":"practice.start","values":{"scenario":"late-delivery-birthday","intensity":"medium"}}"""u8.ToArray(),
            """{"name":"Ana"}"""u8.ToArray(),
        ];
        yield return new Endpoint("studio", studio, false, body => PostStudioAsync(body, studioCookie));
    }

    private Task<int> PostSignedAsync(string path, byte[] body, string contentType)
    {
        var signer = new SlackSigner(SigningSecret);
        return PostAsync(_slack, path, body, contentType, signer.Headers(body).Select(h => (h.Key, h.Value)));
    }

    private Task<int> PostStudioAsync(byte[] body, string cookie)
    {
        // One of the studio's three writes, chosen by what the body looks like, so each mutation meets its own reader.
        var text = Encoding.UTF8.GetString(body);
        var path = text.Contains("verb", StringComparison.Ordinal) ? "/studio/api/submit"
            : text.Contains("name", StringComparison.Ordinal) ? "/studio/api/people"
            : "/studio/api/messages";
        return PostAsync(_local, path, body, "application/json", [("X-RolePlay-Studio", "1"), ("Cookie", cookie)]);
    }

    private static async Task<int> PostAsync(DashboardHost host, string path, byte[] body, string contentType,
        IEnumerable<(string Name, string Value)>? headers = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        foreach (var (name, value) in headers ?? [])
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var timeout = new CancellationTokenSource(SlowestAnswer * 2);
        using var response = await host.Client.SendAsync(request, timeout.Token);
        return (int)response.StatusCode;
    }

    /// <summary>A studio person for this run: their cookie, as the page would hold it.</summary>
    private async Task<string> StudioPersonAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/studio/api/people", UriKind.Relative))
        {
            Content = new StringContent("""{"name":"Fuzz"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-RolePlay-Studio", "1");
        using var response = await _local.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return _local.Cookies.GetCookieHeader(_local.BaseUri);
    }

    private static long Heap()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static string Preview(byte[] body) => Encoding.UTF8.GetString(body[..Math.Min(body.Length, 600)]).ReplaceLineEndings(" ");
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PayloadFuzzCollection
{
    public const string Name = "Payload fuzz (alone)";
}
