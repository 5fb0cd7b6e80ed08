using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RolePlay.Bot.Tests.Dashboard;
using RolePlay.Core.Chat;
using RolePlay.Core.Clips;
using RolePlay.Core.Storage;
using RolePlay.LearningRecords;
using RolePlay.Testing.Files;
using RolePlay.Testing.Web;

namespace RolePlay.Bot.Tests.Clips;

/// <summary>Voice clips through the real host in deployed mode (Slack sign-in against the fake provider), on SQLite
/// with the audio as files: kept with consent, refused when not audio or too long, streamed with range requests, heard
/// only within the team, tenant and audience, gone after retention and after "forget me".</summary>
public sealed class ClipsHttpTests : IAsyncLifetime
{
    private const string Acme = "T0ACME";
    private const string Other = "T0OTHER";

    private readonly string _dir = Directory.CreateTempSubdirectory("roleplay-clips-").FullName;
    private FakeOidcProvider _oidc = null!;
    private DashboardHost _host = null!;
    private string _acmePhrase = null!;

    private string ClipsDir => Path.Combine(_dir, "clips");

    public async Task InitializeAsync()
    {
        var db = Path.Combine(_dir, "roleplay.db");
        await using (var bot = await RouterHarness.StartAsync(db, DateTimeOffset.UtcNow.AddDays(-1)))
        {
            foreach (var workspace in new[] { Acme, Other })
            {
                var channel = new ConversationAddress("slack", workspace, "C0SUPPORT", ConversationKind.Channel, TeamId: workspace);
                await bot.SayInAsync(channel, new ChannelUser("slack", workspace, "U0MAYA", "Maya"), "team standup 09:15");
                for (var i = 1; i <= 2; i++)
                {
                    await bot.SayInAsync(channel, new ChannelUser("slack", workspace, $"U0AGENT{i}", $"Agent {i}"), "team join");
                }
            }

            // Acme keeps its clips 30 days; the other workspace keeps the default 90.
            var acme = new ConversationAddress("slack", Acme, "C0SUPPORT", ConversationKind.Channel, TeamId: Acme);
            var kept = await bot.SayInAsync(acme, new ChannelUser("slack", Acme, "U0MAYA", "Maya"), "team clips 30");
            Assert.Contains(kept.Replies.OfType<TextOut>(), t => t.Text.Contains("kept for 30 days", StringComparison.Ordinal));

            _acmePhrase = Guid.NewGuid().ToString("N");
            var phrases = bot.Services<IPhraseStore>();
            await phrases.AddAsync(new PhraseRecord(new TenantScope("slack", Acme), Acme, _acmePhrase, new PersonKey("slack", Acme, "U0AGENT1"),
                "That sounds really stressful, let's fix it together", "empathy", DateTimeOffset.UtcNow.AddHours(-2)), CancellationToken.None);
            await phrases.AddAsync(new PhraseRecord(new TenantScope("slack", Other), Other, "other-phrase", new PersonKey("slack", Other, "U0AGENT1"),
                "I hear you", "empathy", DateTimeOffset.UtcNow.AddHours(-2)), CancellationToken.None);
        }

        _oidc = await FakeOidcProvider.StartAsync();
        _host = await DashboardHost.StartAsync(db,
        [
            "--Teams:MicrosoftAppId=5f2b8a34-0c5e-4d7e-9a1b-2c3d4e5f6a7b",
            "--Teams:MicrosoftAppPassword=test-secret",
            $"--Storage:Clips:Path={ClipsDir}",
            .. _oidc.SignInSettings("slack"),
        ]);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _oidc.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task A_clip_is_streamed_with_ranges_and_heard_only_within_its_team_tenant_and_audience()
    {
        await SignInAsync(Acme, "U0AGENT1");
        var audio = TestAudio.Wav(seconds: 3);
        var shared = await RecordAsync("team", audio);
        var managersOnly = await RecordAsync("managers", TestAudio.Wav(seconds: 2));
        Assert.Equal("audio/wav", shared.GetProperty("contentType").GetString());
        Assert.Equal(3.0, shared.GetProperty("seconds").GetDouble());
        Assert.Equal("That sounds really stressful, let's fix it together", shared.GetProperty("transcript").GetString());
        var url = shared.GetProperty("audio").GetString()!;

        // The whole clip, then a range of it, as a player seeking does.
        using (var whole = await _host.Client.GetAsync(new Uri(url, UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
            Assert.Equal("audio/wav", whole.Content.Headers.ContentType!.MediaType);
            Assert.Equal("bytes", whole.Headers.AcceptRanges.Single());
            Assert.Equal(audio, await whole.Content.ReadAsByteArrayAsync());
        }

        using (var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative)))
        {
            request.Headers.Range = new RangeHeaderValue(1000, 1999);
            using var part = await _host.Client.SendAsync(request);
            Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
            Assert.Equal($"bytes 1000-1999/{audio.Length}", part.Content.Headers.ContentRange!.ToString());
            Assert.Equal(audio[1000..2000], await part.Content.ReadAsByteArrayAsync());
        }

        // A teammate hears the team's clip, not the managers' one.
        await SignInAsync(Acme, "U0AGENT2");
        Assert.Equal([shared.GetProperty("clipId").GetString()], await ListedAsync(Acme));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(url));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(managersOnly.GetProperty("audio").GetString()!));

        // The team's manager hears both.
        await SignInAsync(Acme, "U0MAYA");
        Assert.Equal(2, (await ListedAsync(Acme)).Count);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(managersOnly.GetProperty("audio").GetString()!));

        // Another workspace's manager, with the very same ids, hears nothing of Acme's: the tenant is their sign-in's.
        await SignInAsync(Other, "U0MAYA");
        Assert.Empty(await ListedAsync(Acme));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(url));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(url.Replace(Acme, Other, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task What_is_not_audio_too_long_too_large_or_without_consent_is_refused_and_nothing_is_kept()
    {
        await SignInAsync(Acme, "U0AGENT1");
        var png = Convert.FromHexString("89504E470D0A1A0A0000000D4948445200000001000000010806000000");

        var notAudio = await PostClipAsync("team", png, "audio/webm"); // the declared type is not trusted
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, notAudio.Status);
        Assert.Contains("not audio", notAudio.Detail, StringComparison.Ordinal);

        var tooLong = await PostClipAsync("team", TestAudio.Wav(seconds: 40));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLong.Status);
        Assert.Contains("40 seconds", tooLong.Detail, StringComparison.Ordinal);

        var tooLarge = await PostClipAsync("team", new byte[ClipLimits.MaxBytes + 1]);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.Status);

        Assert.Equal(HttpStatusCode.BadRequest, (await PostClipAsync("team", TestAudio.Wav(2), consent: false)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await PostClipAsync("team", TestAudio.Wav(2), phrase: "other-phrase")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostClipAsync("team", TestAudio.Wav(2), antiforgery: false)).Status);

        Assert.Empty(await ListedAsync(Acme));
        Assert.False(Directory.Exists(ClipsDir) && Directory.EnumerateFiles(ClipsDir, "*", SearchOption.AllDirectories).Any());
    }

    [Fact]
    public async Task Clips_are_gone_after_the_teams_retention_and_after_forget_me_audio_and_all()
    {
        await SignInAsync(Acme, "U0AGENT1");
        var acmeClip = await RecordAsync("team", TestAudio.Wav(2));
        await SignInAsync(Acme, "U0AGENT2");
        var colleagues = await RecordAsync("team", TestAudio.Wav(2));
        await SignInAsync(Other, "U0AGENT1");
        var otherClip = await RecordAsync("team", TestAudio.Wav(2), phrase: "other-phrase");
        Assert.Equal(3, AudioFiles().Count);

        // "forget me" for Acme's agent 1: their clip and its file go; the colleague's stays.
        var person = new PersonKey("slack", Acme, "U0AGENT1");
        await _host.Services.GetRequiredService<XapiForgetting>().ForgetAsync(person, CancellationToken.None);
        await SignInAsync(Acme, "U0MAYA");
        Assert.Equal([colleagues.GetProperty("clipId").GetString()], await ListedAsync(Acme));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(acmeClip.GetProperty("audio").GetString()!));
        Assert.Equal(2, AudioFiles().Count);

        // 31 days on, Acme's 30-day retention has passed, the other workspace's 90 days have not.
        var later = new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(31));
        var s = _host.Services;
        var retention = new ClipRetention(s.GetRequiredService<IPeopleStore>(), s.GetRequiredService<ITeamStore>(), s.GetRequiredService<IClipStore>(),
            s.GetRequiredService<ClipLibrary>(), later);
        Assert.Equal(1, await retention.PurgeAsync(CancellationToken.None));
        Assert.Empty(await ListedAsync(Acme));
        Assert.Single(AudioFiles());
        await SignInAsync(Other, "U0MAYA");
        Assert.Equal([otherClip.GetProperty("clipId").GetString()], await ListedAsync(Other));
    }

    [Fact]
    public async Task The_owner_lists_and_removes_their_own_clip_and_nobody_else_can()
    {
        await SignInAsync(Acme, "U0AGENT1");
        var clip = await RecordAsync("team", TestAudio.Wav(2));
        var listed = await JsonAsync("/studio/api/clips");
        Assert.Equal(clip.GetProperty("clipId").GetString(), listed.GetProperty("clips")[0].GetProperty("clipId").GetString());
        Assert.Contains(listed.GetProperty("choices").EnumerateArray(), c => c.GetProperty("id").GetString() == _acmePhrase);
        var path = $"/studio/api/clips/{Acme}/{clip.GetProperty("clipId").GetString()}";

        await SignInAsync(Acme, "U0MAYA");
        Assert.Equal(HttpStatusCode.NotFound, await DeleteAsync(path)); // even a manager removes only their own

        await SignInAsync(Acme, "U0AGENT1");
        Assert.Equal(HttpStatusCode.NoContent, await DeleteAsync(path));
        Assert.Equal(0, (await JsonAsync("/studio/api/clips")).GetProperty("clips").GetArrayLength());
        Assert.Empty(AudioFiles());
    }

    private List<string> AudioFiles() =>
        Directory.Exists(ClipsDir) ? Directory.EnumerateFiles(ClipsDir, "*.audio", SearchOption.AllDirectories).ToList() : [];

    private Task SignInAsync(string workspace, string user)
    {
        _host.Cookies.GetCookies(_host.BaseUri).ToList().ForEach(c => c.Expired = true);
        return _host.SignInAsync(_oidc, "slack", new Dictionary<string, string>
        {
            ["sub"] = user, ["https://slack.com/team_id"] = workspace, ["https://slack.com/user_id"] = user, ["name"] = user,
        });
    }

    private async Task<JsonElement> RecordAsync(string audience, byte[] audio, string? phrase = null)
    {
        var (status, detail, body) = await PostClipAsync(audience, audio, phrase: phrase);
        Assert.True(status == HttpStatusCode.Created, $"{status}: {detail}");
        return body;
    }

    private async Task<(HttpStatusCode Status, string Detail, JsonElement Body)> PostClipAsync(string audience, byte[] audio, string type = "audio/wav",
        bool consent = true, string? phrase = null, bool antiforgery = true)
    {
        var url = $"/studio/api/clips?kind=phrase&id={phrase ?? _acmePhrase}&audience={audience}&consent={(consent ? "true" : "false")}";
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(url, UriKind.Relative)) { Content = new ByteArrayContent(audio) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(type);
        if (antiforgery)
        {
            request.Headers.Add("X-RolePlay-Studio", "1");
        }

        using var response = await _host.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var json = text.Length > 0 ? JsonDocument.Parse(text).RootElement.Clone() : default;
        var detail = json.ValueKind == JsonValueKind.Object && json.TryGetProperty("detail", out var d) ? d.GetString() ?? "" : "";
        return (response.StatusCode, detail, json);
    }

    private async Task<List<string?>> ListedAsync(string team) =>
        (await JsonAsync($"/dashboard/api/teams/{team}/clips")).EnumerateArray().Select(c => c.GetProperty("clipId").GetString()).ToList();

    private async Task<JsonElement> JsonAsync(string url)
    {
        using var response = await _host.Client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private async Task<HttpStatusCode> StatusAsync(string url)
    {
        using var response = await _host.Client.GetAsync(new Uri(url, UriKind.Relative));
        return response.StatusCode;
    }

    private async Task<HttpStatusCode> DeleteAsync(string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, new Uri(url, UriKind.Relative));
        request.Headers.Add("X-RolePlay-Studio", "1");
        using var response = await _host.Client.SendAsync(request);
        return response.StatusCode;
    }
}
