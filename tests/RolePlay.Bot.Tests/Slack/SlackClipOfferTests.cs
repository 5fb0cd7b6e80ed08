using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RolePlay.Core.Clips;
using RolePlay.Core.Storage;
using RolePlay.Testing.Files;
using RolePlay.Testing.Slack;

namespace RolePlay.Bot.Tests.Slack;

/// <summary>An audio file shared in the bot's DM through the real Slack adapter (signed events, SQLite): a Block Kit
/// consent card, and on the click the file fetched from the loopback file host with the workspace's bot token, as
/// files.slack.com wants it (without it, Slack redirects to its sign-in page).</summary>
public sealed class SlackClipOfferTests : IAsyncLifetime
{
    private const string Agent = "UAGENT";
    private const string Standup = "C0STANDUP";
    private const string Phrase = "I hear you, and I'll stay with this until it's fixed";

    private readonly string _dir = Directory.CreateTempSubdirectory("roleplay-slack-clips-").FullName;
    private FakeFileHost _files = null!;
    private FakeSlackApi _api = null!;
    private SlackBotHost _host = null!;
    private int _events;

    public async Task InitializeAsync()
    {
        _files = await FakeFileHost.StartAsync();
        _files.RequiredBearer = SlackBotHost.BotToken;
        _api = await FakeSlackApi.StartAsync();
        _host = await SlackBotHost.StartSingleWorkspaceAsync(_api, _dir, "--Slack:FileHosts:0=127.0.0.1");
        await _host.CommandAsync("UMANAGER", "team standup 09:15", channel: Standup);
        await _host.CommandAsync(Agent, "team join", channel: Standup);
        await _host.DrainAsync();
        var person = await _host.People.GetAsync(Key, default);
        await _host.Services.GetRequiredService<IPhraseStore>().AddAsync(new PhraseRecord(Key.Tenant, person!.TeamId!, "phrase-today", Key, Phrase, "empathy",
            DateTimeOffset.UtcNow), default);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _api.DisposeAsync();
        await _files.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    private static PersonKey Key => new("slack", SlackBotHost.Workspace, Agent);

    [Fact]
    public async Task A_shared_voice_file_is_kept_for_the_managers_with_the_bot_token_once_its_sender_consents()
    {
        var audio = TestAudio.Wav(seconds: 4);
        await ShareAsync("shift-end.wav", _files.Serve("shift-end.wav", audio), audio.Length);

        var card = OfferCard();
        Assert.Contains($"the phrase you logged today: “{Phrase}”", card.Json!["blocks"]!.ToJsonString(new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }), StringComparison.Ordinal);
        Assert.Empty(_files.Requests);

        await ClickAsync(card, ClipOfferCard.KeepForManagers);

        Assert.Contains(Replies(), t => t.StartsWith("Kept:", StringComparison.Ordinal) && t.Contains("the team's managers", StringComparison.Ordinal));
        var clip = Assert.Single(await _host.Services.GetRequiredService<IClipStore>().ListOwnAsync(Key, default));
        Assert.Equal((ClipAudience.Managers, Phrase, audio.Length), (clip.Audience, clip.Transcript, (int)clip.Bytes));
        Assert.Equal("Bearer " + SlackBotHost.BotToken, Assert.Single(_files.Requests).Authorization);
    }

    [Fact]
    public async Task A_file_that_is_not_audio_inside_is_refused_and_nothing_is_kept()
    {
        var fake = Encoding.UTF8.GetBytes("<html><body>Sign in to Slack</body></html>, long enough to sniff");
        await ShareAsync("voice.m4a", _files.Serve("voice.m4a", fake, "audio/mp4"), fake.Length);

        await ClickAsync(OfferCard(), ClipOfferCard.KeepForTeam);

        Assert.Contains(Replies(), t => t.StartsWith("Not kept. The file is not audio we take", StringComparison.Ordinal));
        Assert.Empty(await _host.Services.GetRequiredService<IClipStore>().ListOwnAsync(Key, default));
    }

    [Fact]
    public async Task A_file_Slack_says_is_too_large_is_refused_without_an_offer()
    {
        await ShareAsync("long.wav", _files.Serve("long.wav", TestAudio.Wav(1)), ClipLimits.MaxBytes + 1L);

        Assert.Contains(Replies(), t => t.StartsWith("The clip is larger than 3 MiB", StringComparison.Ordinal));
        Assert.DoesNotContain(_api.CallsTo("chat.postMessage"), c => c.Json?["blocks"]?.ToJsonString().Contains(ClipOfferCard.KeepForTeam, StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task A_forged_file_share_is_refused_before_anything_is_offered()
    {
        var body = Encoding.UTF8.GetBytes(SlackBotHost.Event("EvForged", FileShare("a.wav", _files.Serve("a.wav", TestAudio.Wav(1)), 100)).ToJsonString());
        using var forged = SlackBotHost.SignedRequest(new SlackSigner("not-the-signing-secret"), "/api/slack/events", body, "application/json");

        using var response = await _host.Client.SendAsync(forged);

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
        await _host.DrainAsync();
        Assert.DoesNotContain(_api.CallsTo("chat.postMessage"), c => c.Str("channel") == "D" + Agent);
    }

    private async Task ShareAsync(string name, string url, long size)
    {
        Assert.Equal(200, (await _host.PostEventAsync(SlackBotHost.Event($"EvFile{++_events}", FileShare(name, url, size)))).Status);
        await _host.DrainAsync();
    }

    /// <summary>A <c>message.im</c> event of subtype <c>file_share</c> as Slack sends it for a file uploaded in the DM.</summary>
    private static JsonObject FileShare(string name, string url, long size) => new()
    {
        ["type"] = "message",
        ["subtype"] = "file_share",
        ["channel_type"] = "im",
        ["channel"] = "D" + Agent,
        ["user"] = Agent,
        ["text"] = "",
        ["upload"] = false,
        ["display_as_bot"] = false,
        ["ts"] = SlackBotHost.Ts(),
        ["event_ts"] = SlackBotHost.Ts(),
        ["files"] = new JsonArray(new JsonObject
        {
            ["id"] = "F0" + Guid.NewGuid().ToString("N")[..9].ToUpperInvariant(),
            ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["name"] = name,
            ["title"] = name,
            ["mimetype"] = name.EndsWith(".m4a", StringComparison.Ordinal) ? "audio/mp4" : "audio/wav",
            ["filetype"] = Path.GetExtension(name).TrimStart('.'),
            ["user"] = Agent,
            ["mode"] = "hosted",
            ["is_external"] = false,
            ["size"] = size,
            ["url_private"] = url,
            ["url_private_download"] = url,
            ["permalink"] = $"https://e2e.slack.com/files/{Agent}/F0/{name}",
        }),
    };

    private ApiCall OfferCard() =>
        _api.CallsTo("chat.postMessage").Last(c => c.Json?["blocks"]?.ToJsonString().Contains(ClipOfferCard.KeepForTeam, StringComparison.Ordinal) == true);

    /// <summary>The button clicked with the select's initial option in <c>state</c>, as Slack reports a message's inputs.</summary>
    private async Task ClickAsync(ApiCall card, string verb)
    {
        var (button, message) = SlackRolePlayEndToEndTests.FindButton([card], verb);
        var payload = SlackRolePlayEndToEndTests.BlockAction(button, message, "trigger-clip", Agent);
        var select = card.Json!["blocks"]!.AsArray().OfType<JsonObject>().Single(b => b["block_id"]?.GetValue<string>() == ClipOfferCard.SubjectInput)["element"]!;
        payload["state"]!["values"]![ClipOfferCard.SubjectInput] = new JsonObject
        {
            [ClipOfferCard.SubjectInput] = new JsonObject { ["type"] = select["type"]!.GetValue<string>(), ["selected_option"] = select["initial_option"]!.DeepClone() },
        };
        Assert.Equal(200, (await _host.PostInteractionAsync(payload)).Status);
        await _host.DrainAsync();
    }

    private List<string> Replies() =>
        [.. _api.CallsTo("chat.postMessage").Where(c => c.Str("channel") == "D" + Agent).Select(c => c.Str("text")).OfType<string>()];
}
