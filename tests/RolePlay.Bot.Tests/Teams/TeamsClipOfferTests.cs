using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RolePlay.Core.Clips;
using RolePlay.Core.Storage;
using RolePlay.Testing.Files;

namespace RolePlay.Bot.Tests.Teams;

/// <summary>A voice file sent in the Teams personal chat through the real host (JWT on, SQLite): answered with a consent
/// card, fetched from the loopback file host only once its sender chooses, kept as a clip of their team; nothing is
/// kept on "don't keep", on someone else's click, or for a file too large, not audio, or whose link ran out.</summary>
public sealed class TeamsClipOfferTests : TeamsHostTest
{
    private const string Channel = "19:standup-channel@thread.tacv2";
    private const string Team = "19:team-general@thread.tacv2";
    private const string Phrase = "That sounds really stressful, let's fix it together";

    private FakeFileHost _files = null!;
    private TeamsActivities _agent = null!;
    private SentActivities _sent = null!;

    protected override string[] Settings => ["--Teams:AllowedFileHosts:0=127.0.0.1"];

    protected override async Task BeforeStartAsync() => _files = await FakeFileHost.StartAsync();

    protected override async Task StartedAsync()
    {
        var manager = new TeamsActivities(Connector.ServiceUrl, "29:manager-" + Guid.NewGuid().ToString("N"));
        _agent = new TeamsActivities(Connector.ServiceUrl, "29:agent-" + Guid.NewGuid().ToString("N"));
        _sent = new SentActivities(Connector, _agent.ConversationId);
        await OkAsync(manager.ChannelMessage(Channel, Team, "team standup 09:15"));
        await OkAsync(_agent.ChannelMessage(Channel, Team, "team join"));
        var person = await Bot.Services.GetRequiredService<IPeopleStore>().GetAsync(KeyOf(_agent), default);
        await Bot.Services.GetRequiredService<IPhraseStore>().AddAsync(new PhraseRecord(person!.Key.Tenant, person.TeamId!, "phrase-today", person.Key,
            Phrase, "empathy", DateTimeOffset.UtcNow), default);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _files.DisposeAsync();
    }

    [Fact]
    public async Task A_sent_voice_file_is_offered_and_kept_for_the_team_once_its_sender_consents()
    {
        var audio = TestAudio.Wav(seconds: 3);
        var url = _files.Serve("clip.wav", audio);

        await OkAsync(_agent.File("clip.wav", url, "wav"));

        var offer = Offer();
        var texts = SentActivities.StringsOf(offer.Card).ToList();
        Assert.Contains(texts, t => t.Contains($"the phrase you logged today: “{Phrase}”", StringComparison.Ordinal));
        Assert.Equal(["Share with my team", "Managers only", "Don't keep it"],
            offer.Card["actions"]!.AsArray().Select(a => a!["title"]!.GetValue<string>()));
        Assert.Empty(_files.Requests); // nothing fetched, nothing kept, before the choice
        Assert.Empty(await OwnClipsAsync());

        var answer = await InvokeAsync(_agent, offer, ClipOfferCard.KeepForTeam);

        Assert.Equal(200, answer["statusCode"]!.GetValue<int>());
        Assert.Contains("Kept for your team.", SentActivities.StringsOf(answer["value"]));
        var said = await SentActivities.EventuallyAsync(() => _sent.Texts.FirstOrDefault(t => t.StartsWith("Kept:", StringComparison.Ordinal)), "the kept reply");
        Assert.Contains("the whole team", said, StringComparison.Ordinal);
        var clip = Assert.Single(await OwnClipsAsync());
        Assert.Equal((ClipAudience.Team, Phrase, "audio/wav"), (clip.Audience, clip.Transcript, clip.ContentType));
        await using (var stored = await Bot.Services.GetRequiredService<IClipContent>().OpenAsync(clip.Content, default))
        {
            using var copy = new MemoryStream();
            await stored!.CopyToAsync(copy);
            Assert.Equal(audio, copy.ToArray());
        }

        // Fetched once, with no token of ours: a Teams download URL is pre-authorised.
        Assert.Null(Assert.Single(_files.Requests).Authorization);

        // Answered: a second click finds nothing waiting.
        await InvokeAsync(_agent, offer, ClipOfferCard.KeepForManagers);
        Assert.Single(await OwnClipsAsync());
    }

    [Fact]
    public async Task Dont_keep_it_fetches_nothing_and_keeps_nothing()
    {
        await OkAsync(_agent.File("clip.wav", _files.Serve("clip.wav", TestAudio.Wav(2)), "wav"));

        await InvokeAsync(_agent, Offer(), ClipOfferCard.Discard);

        Assert.Contains("Nothing of “clip.wav” is stored",
            await SentActivities.EventuallyAsync(() => _sent.Texts.FirstOrDefault(t => t.StartsWith("Not kept", StringComparison.Ordinal)), "the reply"), StringComparison.Ordinal);
        Assert.Empty(_files.Requests);
        Assert.Empty(await OwnClipsAsync());
    }

    [Fact]
    public async Task Someone_elses_click_is_refused_and_the_offer_still_waits_for_its_sender()
    {
        await OkAsync(_agent.File("clip.wav", _files.Serve("clip.wav", TestAudio.Wav(2)), "wav"));
        var offer = Offer();
        var intruder = new TeamsActivities(Connector.ServiceUrl, "29:intruder-" + Guid.NewGuid().ToString("N"));

        var refused = await InvokeAsync(intruder, offer, ClipOfferCard.KeepForTeam);

        Assert.Contains(SentActivities.StringsOf(refused["value"]), t => t.Contains("isn't waiting for your answer", StringComparison.Ordinal));
        Assert.Empty(_files.Requests);
        Assert.Empty(await OwnClipsAsync());

        await InvokeAsync(_agent, offer, ClipOfferCard.KeepForManagers);
        Assert.Equal(ClipAudience.Managers, Assert.Single(await OwnClipsAsync()).Audience);
    }

    [Theory]
    [InlineData("too large", "larger than 3 MiB")]
    [InlineData("not audio", "not audio we take")]
    [InlineData("401", "Teams' link to the file has run out")]
    [InlineData("403", "Teams' link to the file has run out")]
    [InlineData("404", "Teams' link to the file has run out")]
    public async Task A_file_that_cannot_be_a_clip_is_refused_in_plain_words_and_nothing_is_kept(string kind, string expected)
    {
        var url = kind switch
        {
            "too large" => _files.Oversized("clip.wav", 64L * 1024 * 1024),
            "not audio" => _files.Serve("clip.wav", Encoding.UTF8.GetBytes("%PDF-1.7 this is a document, not a voice")),
            _ => _files.Status("clip.wav", int.Parse(kind, System.Globalization.CultureInfo.InvariantCulture)),
        };
        await OkAsync(_agent.File("clip.wav", url, "wav"));

        await InvokeAsync(_agent, Offer(), ClipOfferCard.KeepForTeam);

        var said = await SentActivities.EventuallyAsync(() => _sent.Texts.FirstOrDefault(t => t.StartsWith("Not kept.", StringComparison.Ordinal)), "the refusal");
        Assert.Contains(expected, said, StringComparison.Ordinal);
        Assert.Empty(await OwnClipsAsync());
        // The oversized body was not read to its end: reading stopped just past the limit.
        Assert.True(_files.Streamed < 16L * 1024 * 1024, $"{_files.Streamed} bytes were streamed");
    }

    [Fact]
    public async Task A_host_busy_for_a_moment_loses_nothing_and_the_same_button_works_again()
    {
        await OkAsync(_agent.File("clip.wav", _files.Flaky("clip.wav", TestAudio.Wav(2), failures: 1), "wav"));
        var offer = Offer();

        var busy = await InvokeAsync(_agent, offer, ClipOfferCard.KeepForTeam);

        Assert.Contains(SentActivities.StringsOf(busy["value"]), t => t.StartsWith("I couldn't fetch the file just now", StringComparison.Ordinal));
        Assert.Empty(await OwnClipsAsync());

        await InvokeAsync(_agent, offer, ClipOfferCard.KeepForTeam);
        Assert.Single(await OwnClipsAsync());
    }

    [Fact]
    public async Task A_file_on_a_host_that_is_not_allowed_is_never_fetched()
    {
        await OkAsync(_agent.File("clip.wav", "https://files.example.com/clip.wav", "wav"));

        await InvokeAsync(_agent, Offer(), ClipOfferCard.KeepForTeam);

        Assert.Contains("only fetch files Teams keeps in OneDrive or SharePoint",
            await SentActivities.EventuallyAsync(() => _sent.Texts.FirstOrDefault(t => t.StartsWith("Not kept.", StringComparison.Ordinal)), "the refusal"), StringComparison.Ordinal);
        Assert.Empty(await OwnClipsAsync());
    }

    [Fact]
    public async Task Forget_me_takes_the_waiting_offer_with_it()
    {
        await OkAsync(_agent.File("clip.wav", _files.Serve("clip.wav", TestAudio.Wav(2)), "wav"));
        var offer = Offer();

        await Bot.Services.GetRequiredService<IPersonalDataStore>().ForgetAsync(KeyOf(_agent), default);
        await InvokeAsync(_agent, offer, ClipOfferCard.KeepForTeam);

        Assert.Empty(_files.Requests);
        Assert.Empty(await OwnClipsAsync());
    }

    [Fact]
    public async Task An_unsigned_file_activity_is_refused_before_anything_is_offered()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(_agent.File("clip.wav", _files.Serve("clip.wav", TestAudio.Wav(2)), "wav").ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "not.a.token");

        using var response = await Bot.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_sent.Cards);
    }

    private (string ActivityId, JsonObject Card, JsonObject Data) Offer() =>
        _sent.CardWithAction(ClipOfferCard.KeepForTeam) ?? throw new Xunit.Sdk.XunitException("no clip offer card");

    /// <summary>A button of the offer card clicked (Action.Execute), with the card's choice as Teams merges it in.</summary>
    private async Task<JsonObject> InvokeAsync(TeamsActivities by, (string ActivityId, JsonObject Card, JsonObject Data) offer, string verb)
    {
        var data = (JsonObject)offer.Data.DeepClone();
        data["verb"] = verb;
        var choice = offer.Card["body"]!.AsArray().OfType<JsonObject>().Single(e => e["id"]?.GetValue<string>() == ClipOfferCard.SubjectInput);
        using var response = await Bot.PostAsync(by.Execute(offer.ActivityId, verb, data,
            new JsonObject { [ClipOfferCard.SubjectInput] = choice["value"]!.GetValue<string>() }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    private Task<IReadOnlyList<ClipRecord>> OwnClipsAsync() => Bot.Services.GetRequiredService<IClipStore>().ListOwnAsync(KeyOf(_agent), default);

    private static PersonKey KeyOf(TeamsActivities person) => new("teams", TeamsHost.TenantId, person.UserId);
}
