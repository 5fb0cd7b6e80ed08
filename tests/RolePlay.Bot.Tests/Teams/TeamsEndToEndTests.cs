using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RolePlay.Core.Chat;
using RolePlay.Core.Practice;
using RolePlay.Core.Storage;
using RolePlay.Testing.Teams;

namespace RolePlay.Bot.Tests.Teams;

/// <summary>Microsoft Teams through the real host: signed activities in, the fake connector recording what the bot
/// sends, SQLite in a temp file. Each test is one person, so the shared fakes never mix conversations.</summary>
public sealed class TeamsEndToEndTests : TeamsHostTest
{
    private const string Scenario = "late-delivery-birthday";

    private (TeamsActivities From, SentActivities Sent) NewPerson()
    {
        var person = new TeamsActivities(Connector.ServiceUrl, "29:" + Guid.NewGuid().ToString("N"));
        return (person, new SentActivities(Connector, person.ConversationId));
    }

    private PersonKey KeyOf(TeamsActivities person) => new("teams", TeamsHost.TenantId, person.UserId);

    [Fact]
    public async Task A_whole_role_play_with_Action_Submit_ends_with_a_stored_commitment()
    {
        var (person, sent) = NewPerson();
        var feelings = await PlayToDebriefAsync(person, sent);

        await OkAsync(person.Submit(feelings.ActivityId, feelings.Data,
            new JsonObject { [CardVerbs.Inputs.FeelingRating] = "4", [CardVerbs.Inputs.FeelingWords] = "tense, then calmer" }));

        // The feelings card is replaced in place, then the next two layers arrive.
        var update = Assert.Single(sent.Updates);
        Assert.EndsWith("/activities/" + feelings.ActivityId, update.Path, StringComparison.Ordinal);
        Assert.Contains("Thank you for noticing how that felt.", SentActivities.StringsOf(update.Json));
        Assert.Contains(sent.Cards, c => SentActivities.StringsOf(c.Card).Contains("What happened"));
        var commitment = sent.CardWithAction(CardVerbs.DebriefCommit) ?? throw new Xunit.Sdk.XunitException("no commitment card");

        await OkAsync(person.Submit(commitment.ActivityId, commitment.Data,
            new JsonObject { [CardVerbs.Inputs.Commitment] = "Name the feeling before I offer a fix" }));

        // The commitment card is replaced by the confirmation; no second message echoes it.
        var confirmed = await SentActivities.EventuallyAsync(() => sent.Updates.Skip(1).FirstOrDefault(), "the commitment card's update");
        Assert.EndsWith("/activities/" + commitment.ActivityId, confirmed.Path, StringComparison.Ordinal);
        Assert.Contains(SentActivities.StringsOf(confirmed.Json), t => t.StartsWith("Committed: “Name the feeling before I offer a fix”", StringComparison.Ordinal));
        Assert.DoesNotContain(sent.Texts, t => t.Contains("Committed", StringComparison.Ordinal));
        Assert.Equal("Name the feeling before I offer a fix", await StoredCommitmentAsync(person));
    }

    [Fact]
    public async Task The_debrief_answered_through_adaptiveCard_action_invokes_returns_the_replacement_cards()
    {
        var (person, sent) = NewPerson();
        var feelings = await PlayToDebriefAsync(person, sent);

        using var feelingsResponse = await Bot.PostAsync(person.Execute(feelings.ActivityId, CardVerbs.DebriefFeelings, feelings.Data,
            new JsonObject { [CardVerbs.Inputs.FeelingRating] = "3" }));

        var answer = await InvokeAnswerAsync(feelingsResponse);
        Assert.Equal(200, answer["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.card.adaptive", answer["type"]!.GetValue<string>());
        Assert.Equal("AdaptiveCard", answer["value"]!["type"]!.GetValue<string>());
        Assert.Contains("Thank you for noticing how that felt.", SentActivities.StringsOf(answer["value"]));
        // The invoke answer replaced the card, so nothing is PUT; the next layers follow as messages.
        var commitment = await SentActivities.EventuallyAsync(() => sent.CardWithAction(CardVerbs.DebriefCommit)?.ToTuple(), "the commitment card");
        Assert.Empty(sent.Updates);

        using var commitResponse = await Bot.PostAsync(person.Execute(commitment.Item1, CardVerbs.DebriefCommit, commitment.Item3,
            new JsonObject { [CardVerbs.Inputs.Commitment] = "Ask one open question first" }));

        var committed = await InvokeAnswerAsync(commitResponse);
        Assert.Equal("application/vnd.microsoft.card.adaptive", committed["type"]!.GetValue<string>());
        Assert.Contains(SentActivities.StringsOf(committed["value"]), t => t.StartsWith("Committed: “Ask one open question first”", StringComparison.Ordinal));
        Assert.DoesNotContain(sent.Texts, t => t.Contains("Committed", StringComparison.Ordinal));
        Assert.Equal("Ask one open question first", await StoredCommitmentAsync(person));
    }

    [Fact]
    public async Task A_refused_invoke_input_answers_with_the_card_and_its_error_in_the_same_response()
    {
        var (person, sent) = NewPerson();
        var feelings = await PlayToDebriefAsync(person, sent);

        using var response = await Bot.PostAsync(person.Execute(feelings.ActivityId, CardVerbs.DebriefFeelings, feelings.Data,
            new JsonObject { [CardVerbs.Inputs.FeelingRating] = "9" }));

        var answer = await InvokeAnswerAsync(response);
        Assert.Equal(400, answer["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.error", answer["type"]!.GetValue<string>());
        Assert.Contains("1 to 5", answer["value"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Settings_change_by_text_and_are_stored()
    {
        var (person, sent) = NewPerson();

        await OkAsync(person.Message("time 08:45"));
        await OkAsync(person.Message("days mon,wed,fri"));
        await OkAsync(person.Message("intensity high"));

        Assert.Contains(sent.Texts, t => t.StartsWith("Prompt time saved.", StringComparison.Ordinal));
        Assert.Contains(sent.Texts, t => t.StartsWith("Days saved.", StringComparison.Ordinal));
        var stored = await Bot.Services.GetRequiredService<IPeopleStore>().GetAsync(KeyOf(person), CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal(new TimeOnly(8, 45), stored.DailyPromptTime);
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday], stored.WorkingDays.Order());
        Assert.Equal((int)Core.Practice.Intensity.High, stored.Intensity);
    }

    [Theory]
    [InlineData("conversationUpdate")]
    [InlineData("installationUpdate")]
    public async Task Install_answers_with_a_welcome_card_asking_consent_and_sends_nothing_proactive(string type)
    {
        var (person, sent) = NewPerson();

        await OkAsync(type == "conversationUpdate" ? person.ConversationUpdateBotAdded() : person.InstallationUpdate("add"));

        var post = Assert.Single(sent.Posts);
        var card = post.Json!["attachments"]![0]!["content"]!;
        Assert.Contains("Welcome to RolePlay", SentActivities.StringsOf(card));
        Assert.NotNull(sent.CardWithAction(CardVerbs.OptIn));
        Assert.NotNull(sent.CardWithAction(CardVerbs.OptOut));
        // No proactive conversation was created, and the person is not enrolled for prompts before opting in.
        Assert.DoesNotContain(Connector.Requests, r => r.Path == "/v3/conversations");
        var stored = await Bot.Services.GetRequiredService<IPeopleStore>().GetAsync(KeyOf(person), CancellationToken.None);
        Assert.True(stored is null || (stored.Consent != ConsentState.OptedIn && stored.NextPromptUtc is null));
    }

    /// <summary>Teams (and the Agents Playground) announce one install with both events, in either order.</summary>
    [Theory]
    [InlineData("installationUpdate", "conversationUpdate")]
    [InlineData("conversationUpdate", "installationUpdate")]
    public async Task An_install_announced_by_both_events_is_welcomed_once_in_a_chat_and_greeted_once_in_a_channel(string first, string second)
    {
        var (person, sent) = NewPerson();
        var channelId = "19:" + Guid.NewGuid().ToString("N") + "@thread.tacv2";
        var inChannel = new SentActivities(Connector, channelId);

        foreach (var type in new[] { first, second })
        {
            await OkAsync(type == "conversationUpdate" ? person.ConversationUpdateBotAdded() : person.InstallationUpdate("add"));
        }

        foreach (var type in new[] { first, second })
        {
            var activity = type == "conversationUpdate" ? person.ConversationUpdateBotAdded() : person.InstallationUpdate("add");
            await OkAsync(TeamsActivities.InChannel(activity, channelId, "19:team-" + Guid.NewGuid().ToString("N")));
        }

        Assert.Single(sent.Posts);
        Assert.NotNull(sent.CardWithAction(CardVerbs.OptIn));
        Assert.StartsWith("Hello, team!", Assert.Single(inChannel.Texts), StringComparison.Ordinal);
        Assert.Single(inChannel.Posts);
    }

    [Fact]
    public async Task Opting_in_from_the_welcome_card_is_what_enrols_the_person()
    {
        var (person, sent) = NewPerson();
        await OkAsync(person.InstallationUpdate("add"));
        var welcome = sent.CardWithAction(CardVerbs.OptIn)!.Value;

        await OkAsync(person.Submit(welcome.ActivityId, welcome.Data, []));

        var stored = await Bot.Services.GetRequiredService<IPeopleStore>().GetAsync(KeyOf(person), CancellationToken.None);
        Assert.Equal(ConsentState.OptedIn, stored!.Consent);
        Assert.Contains("You're in. Welcome!", SentActivities.StringsOf(Assert.Single(sent.Updates).Json));
    }

    [Fact]
    public async Task A_duplicate_activity_is_processed_once()
    {
        var (person, sent) = NewPerson();
        var activity = person.Message("help");

        await OkAsync(activity);
        var afterFirst = sent.Posts.Count;
        await OkAsync(activity);

        Assert.True(afterFirst > 0);
        Assert.Equal(afterFirst, sent.Posts.Count);
    }

    [Fact]
    public async Task A_duplicate_delivered_to_another_instance_sharing_the_store_is_processed_once()
    {
        await using var replica = await TeamsHost.StartAsync(Database, Keys, Connector);
        var (person, sent) = NewPerson();
        var activity = person.Message($"start {Scenario}");

        await OkAsync(activity);
        var afterFirst = sent.Posts.Count;
        using var again = await replica.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.True(afterFirst > 0);
        Assert.Equal(afterFirst, sent.Posts.Count);
    }

    [Fact]
    public async Task MessageWritesBlocked_from_the_connector_marks_the_person_unreachable()
    {
        var (person, _) = NewPerson();
        await OkAsync(person.Message("time 09:15"));
        var people = Bot.Services.GetRequiredService<IPeopleStore>();
        Assert.Null((await people.GetAsync(KeyOf(person), CancellationToken.None))!.UnreachableSinceUtc);

        Connector.Enqueue(new ScriptedResponse(403, Body: """{"error":{"code":"MessageWritesBlocked","message":"Thread is blocked."}}"""));
        await OkAsync(person.Message("help"));

        var stored = await people.GetAsync(KeyOf(person), CancellationToken.None);
        Assert.NotNull(stored!.UnreachableSinceUtc);
        Assert.Equal(new TimeOnly(9, 15), stored.DailyPromptTime);
    }

    [Fact]
    public async Task A_message_over_the_limit_mid_scene_gets_the_notice_and_is_not_played()
    {
        var (person, sent) = NewPerson();
        await OkAsync(person.Message($"start {Scenario}"));
        var people = Bot.Services.GetRequiredService<IPeopleStore>();
        var opened = (await people.GetWithLiveSessionAsync(KeyOf(person), CancellationToken.None)).LiveSession!.TurnCount;
        var before = sent.Posts.Count;

        await OkAsync(person.Message(new string('a', 5210)));

        var reply = Assert.Single(sent.Posts.Skip(before));
        Assert.Equal("That message is 5,210 characters; I read up to 2,000, so it didn't count. Please send it in shorter parts.",
            reply.Json!["text"]!.GetValue<string>());
        Assert.Equal(opened, (await people.GetWithLiveSessionAsync(KeyOf(person), CancellationToken.None)).LiveSession!.TurnCount);
    }

    [Fact]
    public async Task An_unsigned_activity_is_refused_and_nothing_is_stored()
    {
        var (person, sent) = NewPerson();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonContent.Create(person.Message("time 07:00")) };

        using var response = await Bot.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(sent.All);
        Assert.Null(await Bot.Services.GetRequiredService<IPeopleStore>().GetAsync(KeyOf(person), CancellationToken.None));
    }

    /// <summary>"start {scenario}", agent turns, then /end if the customer is still talking: returns the feelings
    /// card (the first debrief layer) with its activity id and its action's data.</summary>
    private async Task<(string ActivityId, JsonObject Data)> PlayToDebriefAsync(TeamsActivities person, SentActivities sent)
    {
        await OkAsync(person.Message($"start {Scenario}"));
        Assert.NotNull(sent.CardWithAction(CardVerbs.End));
        Assert.True(sent.Texts.Count() >= 2, "the customer's opening lines");

        foreach (var line in new[]
                 {
                     "I'm so sorry, that sounds really stressful with the birthday so close. What happened with the order?",
                     "So the present hasn't arrived and the party is on Saturday — have I got that right?",
                     "I will call the courier now and email you by 3pm today with a delivery slot before Saturday.",
                     "/end",
                 })
        {
            if (sent.CardWithAction(CardVerbs.DebriefFeelings) is { } done)
            {
                return (done.ActivityId, done.Data);
            }

            var before = sent.Posts.Count;
            await OkAsync(person.Message(line));
            Assert.True(sent.Posts.Count > before, $"the bot answered “{line}”");
        }

        var feelings = sent.CardWithAction(CardVerbs.DebriefFeelings) ?? throw new Xunit.Sdk.XunitException("no debrief card after /end");
        Assert.Contains("How did that feel?", SentActivities.StringsOf(feelings.Card));
        return (feelings.ActivityId, feelings.Data);
    }

    private static async Task<JsonObject> InvokeAnswerAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    private async Task<string?> StoredCommitmentAsync(TeamsActivities person)
    {
        var export = await Bot.Services.GetRequiredService<IPersonalDataStore>().ExportAsync(KeyOf(person), CancellationToken.None);
        using var document = JsonDocument.Parse(export);
        var commitment = Assert.Single(document.RootElement.GetProperty("commitments").EnumerateArray());
        return commitment.EnumerateObject().Single(p => p.Name.Equals(nameof(CommitmentRecord.Text), StringComparison.OrdinalIgnoreCase)).Value.GetString();
    }
}
