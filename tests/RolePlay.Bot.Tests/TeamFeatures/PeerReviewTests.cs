using RolePlay.Core.Cards;
using RolePlay.Core.Chat;
using RolePlay.Core.GroupPractice;
using RolePlay.Core.PeerCoaching;
using RolePlay.Core.Practice;
using RolePlay.Core.Storage;
using Inputs = RolePlay.Core.Chat.CardVerbs.Inputs;

namespace RolePlay.Bot.Tests.TeamFeatures;

/// <summary>Peer coaching checklists through the router on SQLite: an observer's checklist after a facilitated practice,
/// a teammate's on a shared practice, a buddy's when asked; each reaches the learner alone beside the rubric's view, can
/// be marked helpful, and is announced by name only where the practice was public.</summary>
public sealed class PeerReviewTests : TeamFeatureTest
{
    private static readonly ChannelUser Lee = new("teams", "tenant-a", "29:lee", "Lee");

    private static readonly string[] WarmAgent =
    [
        "I'm so sorry, that sounds really stressful, and I can hear how worried you are. What's been happening so far?",
        "So just to check I've got it right: this still isn't sorted and you need it fixed quickly — is that right?",
        "Here's what I'll do: I'll sort this myself right now and call you back by 3pm today to confirm it's done. Would a call or a text suit you better?",
        "Thank you for bearing with me. I'll stay on this until it's fixed and email you a written confirmation by 5pm today.",
        "You've been really patient. I'll personally check it tomorrow morning at 9 and message you the result.",
    ];

    private static readonly Dictionary<string, string> Full = new()
    {
        [Inputs.ChecklistPrefix + "named-the-feeling"] = "yes",
        [Inputs.ChecklistPrefix + "open-question-first"] = "yes",
        [Inputs.ChecklistPrefix + "summarised-and-checked"] = "partly",
        [Inputs.ChecklistPrefix + "next-step-with-a-time"] = "yes",
        [Inputs.ChecklistPrefix + "limit-without-blame"] = "no",
        [Inputs.ChecklistPrefix + "solved-together"] = "partly",
        [Inputs.Landed] = "“That sounds really stressful” — you named it before anything else.",
        [Inputs.TryNext] = "Check the summary with a question that waits for the answer.",
    };

    private Task<RouterResult> ActAsync(ConversationAddress where, ChannelUser who, string verb, IReadOnlyDictionary<string, string> data,
        IReadOnlyDictionary<string, string>? inputs = null) =>
        Bot.Router.HandleAsync(new CardSubmitted(who, where, Bot.Clock.GetUtcNow(), verb,
            new Dictionary<string, string>((inputs ?? new Dictionary<string, string>()).Concat(data))), Ct);

    private static SubmitAction Action(Card card, string verb) => card.Actions.OfType<SubmitAction>().Single(a => a.Verb == verb);

    private async Task SetUpTeamAsync()
    {
        await Bot.SayInAsync(General, Mia, "team standup 09:15");
        await Bot.SayInAsync(General, Mia, "team emoji recognition like");
        foreach (var member in new[] { Ana, Ben, Lee })
        {
            await Bot.SayInAsync(General, member, "team join");
        }
    }

    private async Task PlayToTheEndAsync(ChannelUser agent)
    {
        await Bot.SayAsync(agent, "start late-delivery-birthday");
        foreach (var line in WarmAgent)
        {
            if (Cards(await Bot.SayAsync(agent, line)).Any(c => c.Id == "debrief.feelings"))
            {
                return;
            }
        }

        Assert.Fail("The practice did not end.");
    }

    /// <summary>The checklist as the learner got it, from what was sent to their personal chat.</summary>
    private Card ReceivedBy(ChannelUser learner) =>
        Delivered.To(learner.UserId).SelectMany(d => d.Messages).OfType<CardOut>().Select(c => c.Card).Last(c => c.Id == "review.received");

    [Fact]
    public async Task An_observer_reviews_a_facilitated_practice_once_the_agent_agrees_and_only_the_agent_reads_it()
    {
        await SetUpTeamAsync();
        await Bot.SayInAsync(Floor, Mia, "practice facilitate late-delivery-birthday");
        await Bot.SayInAsync(Floor, Ana, "join agent");
        await Bot.SayInAsync(Floor, Ben, "join observer");
        await Bot.SayInAsync(Floor, Lee, "join observer");
        await Bot.SayInAsync(Floor, Mia, "go");
        await Bot.SayInAsync(Floor, Ana, WarmAgent[0]);
        await Bot.SayInAsync(Floor, Ana, WarmAgent[1]);
        var ended = await Bot.SayInAsync(Floor, Mia, "end");

        var ask = Cards(ended).Single(c => c.Id == "review.ask_observers");
        var invite = Action(ask, CardVerbs.ReviewInvite);
        Assert.Contains("Only you will see what they say", CardTexts(ask).Single(), StringComparison.Ordinal);
        // Nobody is asked until the agent says so, and only the agent can.
        var byBen = await ActAsync(Floor, Ben, invite.Verb, invite.Data);
        Assert.Equal(Ben, byBen.Replies.Single().VisibleTo);
        Assert.Contains("Only Ana", Text(byBen), StringComparison.Ordinal);

        var asked = await ActAsync(Floor, Ana, invite.Verb, invite.Data);
        var invitations = asked.Replies.OfType<CardOut>().ToList();
        Assert.Equal(["29:ben", "29:lee"], invitations.Select(i => i.VisibleTo!.UserId).Order());
        Assert.Contains("(2)", CardTexts(asked.ReplaceCard!).Single(), StringComparison.Ordinal);
        var open = Action(invitations.Single(i => i.VisibleTo!.UserId == Ben.UserId).Card, CardVerbs.ReviewOpen);

        // Someone else cannot use Ben's invitation; the agent cannot review herself.
        Assert.Contains("asked someone else", Text(await ActAsync(RouterHarness.Dm(Mia), Mia, open.Verb, open.Data)), StringComparison.Ordinal);
        Assert.Contains("your own practice", Text(await ActAsync(RouterHarness.Dm(Ana), Ana, open.Verb, open.Data)), StringComparison.Ordinal);

        var form = Assert.Single(Cards(await ActAsync(RouterHarness.Dm(Ben), Ben, open.Verb, open.Data)));
        Assert.Equal("review.form", form.Id);
        var questions = form.Inputs.ToList();
        Assert.Equal(6, questions.OfType<ChoiceInput>().Count());
        Assert.All(questions.OfType<ChoiceInput>(), q => Assert.Equal(["yes", "partly", "no"], q.Choices.Select(c => c.Value)));
        Assert.Equal([Inputs.Landed, Inputs.TryNext], questions.OfType<TextInput>().Select(t => t.Id));
        Assert.True(questions.OfType<TextInput>().First().Required);
        var submit = Action(form, CardVerbs.ReviewSubmit);

        // Kind by construction: no "try next time" without "what landed" first, and every behaviour answered.
        var harsh = await ActAsync(RouterHarness.Dm(Ben), Ben, submit.Verb, submit.Data,
            new Dictionary<string, string>(Full) { [Inputs.Landed] = "  ", [Inputs.ChecklistPrefix + "solved-together"] = "maybe" });
        Assert.Equal("Start with what landed: one thing that worked, before what to try next.", harsh.InputErrors![Inputs.Landed]);
        Assert.Equal("Choose yes, partly or no.", harsh.InputErrors[Inputs.ChecklistPrefix + "solved-together"]);
        Assert.Empty(Delivered.To(Ana.UserId));

        var sent = await ActAsync(RouterHarness.Dm(Ben), Ben, submit.Verb, submit.Data, Full);
        Assert.Contains("Sent to Ana, and only to them", CardTexts(sent.ReplaceCard!).Single(), StringComparison.Ordinal);
        var notice = Assert.Single(sent.Replies.OfType<TextOut>());
        Assert.Equal("Ben gave Ana a peer checklist on “" + Bot.Services<RolePlay.Core.Content.ContentCatalog>().Scenarios["late-delivery-birthday"].Title + "”. Thank you for coaching!", notice.Text);
        Assert.Equal(Floor, notice.Target);
        Assert.Equal(Ben.UserId, notice.AuthoredBy!.UserId);
        Assert.DoesNotContain("stressful", notice.Text, StringComparison.Ordinal); // the content stays with Ana

        var received = ReceivedBy(Ana);
        var rows = CardTexts(received).ToList();
        Assert.Contains("Named the customer's feeling in their words: Ben: yes · rubric: yes", rows);
        Assert.Contains("Held a limit without blame: Ben: no · rubric: didn't come up", rows);
        Assert.Contains("What landed: “That sounds really stressful” — you named it before anything else.", rows);
        Assert.DoesNotContain(Delivered.All, d => d.To.RecipientId != Ana.UserId && d.Messages.OfType<CardOut>().Any(c => c.Card.Id == "review.received"));

        // The engine's column is the engine's view of the stored practice, fixed when the agent asked.
        var stored = await Bot.Sessions.GetAsync(ChannelPractice.ChannelKey(Floor), invite.Data[Inputs.Session], Ct);
        var group = await Bot.Practice.EndedAsync(Floor, stored!.SessionId, Ct);
        var engine = EngineView.Of(Bot.Services<RolePlay.Core.Content.ContentCatalog>().Checklists["core"], group!.State,
            Bot.Services<RolePlay.Core.Content.ContentCatalog>().Scenarios["late-delivery-birthday"]);
        var review = Assert.Single(await Bot.PeerReviewStore.ListSinceAsync(TenantA, "team-1", DateOnly.MinValue, Ct));
        Assert.Equal(engine, review.Engine);
        Assert.Equal(ReviewSource.Observer, review.Source);

        Assert.Contains("already sent", CardTexts((await ActAsync(RouterHarness.Dm(Ben), Ben, submit.Verb, submit.Data, Full)).ReplaceCard!).Single(),
            StringComparison.Ordinal);
        Assert.Single(await Bot.PeerReviewStore.ListSinceAsync(TenantA, "team-1", DateOnly.MinValue, Ct));

        // Feedback on feedback: only Ana can mark it, the reviewer hears of it, and the button goes.
        var helpful = Action(received, CardVerbs.ReviewHelpful);
        Assert.Contains("Only the person who was reviewed", Text(await ActAsync(RouterHarness.Dm(Ben), Ben, helpful.Verb, helpful.Data)), StringComparison.Ordinal);
        var marked = await ActAsync(RouterHarness.Dm(Ana), Ana, helpful.Verb, helpful.Data);
        Assert.Empty(marked.ReplaceCard!.Actions);
        Assert.Contains(Delivered.To(Ben.UserId).SelectMany(d => d.Messages).OfType<TextOut>(),
            t => t.Text == "Ana found your peer checklist helpful. Thank you for coaching!");
        Assert.True((await Bot.PeerReviewStore.ListSinceAsync(TenantA, "team-1", DateOnly.MinValue, Ct)).Single().Helpful);

        // A manager's recognition on the announcement credits the reviewer.
        await Bot.ReactAsync(Floor, Mia, "msg-notice", notice.AuthoredBy.UserId, "like");
        var recognised = Assert.Single(await Bot.Recognitions.ListWeekAsync(TenantA, "team-1", DateOnly.FromDateTime(Now.UtcDateTime), Ct));
        Assert.Equal(KeyOf(Ben), recognised.Recipient);
    }

    [Fact]
    public async Task A_shared_practice_is_reviewed_by_teammates_until_its_author_withdraws_it()
    {
        await SetUpTeamAsync();
        await PlayToTheEndAsync(Ana);
        var post = Assert.Single((await Bot.SayAsync(Ana, "share")).Replies.OfType<CardOut>());
        var review = Action(post.Card, CardVerbs.ReviewOpen);
        var withdraw = Action(post.Card, CardVerbs.ShareWithdraw);

        var outsider = new ChannelUser("teams", "tenant-a", "29:zoe", "Zoe");
        Assert.Contains("type “team join”", Text(await ActAsync(General, outsider, review.Verb, review.Data)), StringComparison.Ordinal);
        var stranger = new ChannelUser("teams", "tenant-b", "29:ben", "Ben");
        Assert.Contains("no longer here", Text(await ActAsync(General, stranger, review.Verb, review.Data)), StringComparison.Ordinal);

        // Opened in the channel, the form is Ben's alone.
        var opened = Assert.Single((await ActAsync(General, Ben, review.Verb, review.Data)).Replies.OfType<CardOut>());
        Assert.Equal(Ben, opened.VisibleTo);
        var submit = Action(opened.Card, CardVerbs.ReviewSubmit);
        var sent = await ActAsync(RouterHarness.Dm(Ben), Ben, submit.Verb, submit.Data, Full);
        Assert.Equal(General with { ThreadId = null }, Assert.Single(sent.Replies.OfType<TextOut>()).Target! with { ThreadId = null });
        Assert.Equal(ReviewSource.Shared, (await Bot.PeerReviewStore.ListSinceAsync(TenantA, "team-1", DateOnly.MinValue, Ct)).Single().Source);

        Assert.Contains("Only Ana can withdraw", Text(await ActAsync(General, Ben, withdraw.Verb, withdraw.Data)), StringComparison.Ordinal);
        var withdrawn = await ActAsync(General, Ana, withdraw.Verb, withdraw.Data);
        Assert.Equal("team.transcript", withdrawn.ReplaceCard!.Id);
        Assert.Contains("Ana withdrew this practice", CardTexts(withdrawn.ReplaceCard).Single(), StringComparison.Ordinal);
        Assert.Contains("withdrew this practice", Text(await ActAsync(General, Lee, review.Verb, review.Data)), StringComparison.Ordinal);

        // What Ben said stays Ana's to read again.
        var mine = await Bot.SayAsync(Ana, "reviews");
        Assert.Contains("Your latest peer reviews (1)", Text(mine), StringComparison.Ordinal);
        Assert.Equal("Peer checklist from Ben", Assert.Single(Cards(mine)).Title);
    }

    [Fact]
    public async Task A_buddy_is_asked_each_time_and_their_review_is_not_announced()
    {
        await SetUpTeamAsync();
        Assert.Contains("no buddy this round", Text(await Bot.SayAsync(Ana, "ask buddy")), StringComparison.Ordinal);
        await Bot.Pairing.SaveRoundAsync(new PairingRound(TenantA, "team-1", 1, Now, [new PairRecord(KeyOf(Ana), KeyOf(Ben))], []), Ct);
        Assert.Contains("no finished practice", Text(await Bot.SayAsync(Ana, "ask buddy")), StringComparison.Ordinal);
        await PlayToTheEndAsync(Ana);

        var asked = await Bot.SayAsync(Ana, "ask my buddy");
        Assert.StartsWith("Asked Ben to review “", Text(asked), StringComparison.Ordinal);
        var invitation = Delivered.To(Ben.UserId).SelectMany(d => d.Messages).OfType<CardOut>().Single(c => c.Card.Id == "review.invite").Card;
        Assert.Contains(CardTexts(invitation), t => t == "Ana: " + WarmAgent[0]); // the buddy did not watch: the practice comes along
        var open = Action(invitation, CardVerbs.ReviewOpen);
        Assert.Contains("asked someone else", Text(await ActAsync(RouterHarness.Dm(Lee), Lee, open.Verb, open.Data)), StringComparison.Ordinal);

        var form = Assert.Single(Cards(await ActAsync(RouterHarness.Dm(Ben), Ben, open.Verb, open.Data)));
        var sent = await ActAsync(RouterHarness.Dm(Ben), Ben, CardVerbs.ReviewSubmit, Action(form, CardVerbs.ReviewSubmit).Data,
            new Dictionary<string, string>(Full) { [Inputs.TryNext] = "" });
        Assert.Empty(sent.Replies);
        var received = ReceivedBy(Ana);
        Assert.Contains("as your buddy", CardTexts(received).First(), StringComparison.Ordinal);
        Assert.DoesNotContain(CardTexts(received), t => t.StartsWith("Try next time", StringComparison.Ordinal));
        Assert.Null((await Bot.PeerReviewStore.ListSinceAsync(TenantA, "team-1", DateOnly.MinValue, Ct)).Single().TryNext);
    }

    [Fact]
    public async Task The_dashboard_counts_reviews_per_week_and_how_often_peers_and_the_rubric_agree_without_naming_anyone()
    {
        await SetUpTeamAsync();
        var catalog = Bot.Services<RolePlay.Core.Content.ContentCatalog>();
        var dashboard = new PeerCoachingDashboard(Bot.PeerReviewStore, Bot.Teams, catalog, new RolePlay.Core.Insights.DashboardOptions(), Bot.Clock);
        var manager = new RolePlay.Core.Insights.DashboardViewer(TenantA, Mia.UserId, "Mia", "team-1", IsManager: true, IsLocal: false);
        Assert.NotNull((await dashboard.TeamAsync(manager, "team-1", Ct))!.HiddenReason); // four members: no figures yet
        await Bot.SayInAsync(General, new ChannelUser("teams", "tenant-a", "29:kai", "Kai"), "team join");

        await PlayToTheEndAsync(Ana);
        var post = Assert.Single((await Bot.SayAsync(Ana, "share")).Replies.OfType<CardOut>());
        var open = Action(post.Card, CardVerbs.ReviewOpen);
        var submit = Action(Assert.Single(Cards(await ActAsync(RouterHarness.Dm(Ben), Ben, open.Verb, open.Data))), CardVerbs.ReviewSubmit);
        var allYes = Full.ToDictionary(p => p.Key, p => p.Key.StartsWith(Inputs.ChecklistPrefix, StringComparison.Ordinal) ? "yes" : p.Value);
        await ActAsync(RouterHarness.Dm(Ben), Ben, submit.Verb, submit.Data, allYes);
        var allNo = Full.ToDictionary(p => p.Key, p => p.Key.StartsWith(Inputs.ChecklistPrefix, StringComparison.Ordinal) ? "no" : p.Value);
        await ActAsync(RouterHarness.Dm(Lee), Lee, submit.Verb, submit.Data, allNo);
        var helpful = Action(ReceivedBy(Ana), CardVerbs.ReviewHelpful);
        await ActAsync(RouterHarness.Dm(Ana), Ana, helpful.Verb, helpful.Data);

        var view = await dashboard.TeamAsync(manager, "team-1", Ct);

        Assert.Null(view!.HiddenReason);
        var week = view.PerWeek.Single(w => w.Week == RolePlay.Core.Insights.IsoWeek.Of(Now));
        Assert.Equal((2, 2, 1, 1), (week.Reviews, week.Reviewers, week.LearnersReviewed, week.Helpful));
        Assert.Equal(2, view.PerWeek.Sum(w => w.Reviews));
        var engine = (await Bot.PeerReviewStore.ListSinceAsync(TenantA, "team-1", DateOnly.MinValue, Ct)).First().Engine;
        foreach (var behaviour in catalog.Checklists["core"].Behaviours)
        {
            var said = engine[behaviour.Id];
            var row = view.Calibration.SingleOrDefault(c => c.BehaviourId == behaviour.Id);
            if (said is null)
            {
                Assert.Null(row); // the rubric had no answer: nothing to compare
                continue;
            }

            Assert.Equal(behaviour.Text, row!.Text);
            Assert.Equal(2, row.Compared);
            // Ben said yes to all, Lee no to all: each agrees only where the rubric said the same.
            Assert.Equal((said == ChecklistAnswer.Yes ? 1 : 0) + (said == ChecklistAnswer.No ? 1 : 0), row.Agreed);
            Assert.Equal(said == ChecklistAnswer.Yes ? 0 : 1, row.PeerHigher);
            Assert.Equal(said == ChecklistAnswer.No ? 0 : 1, row.PeerLower);
        }

        Assert.NotEmpty(view.Calibration);
        var json = System.Text.Json.JsonSerializer.Serialize(view);
        Assert.DoesNotContain("Ben", json, StringComparison.Ordinal);
        Assert.DoesNotContain("29:", json, StringComparison.Ordinal);
        var member = new RolePlay.Core.Insights.DashboardViewer(TenantA, Ben.UserId, "Ben", "team-1", IsManager: false, IsLocal: false);
        Assert.Null(await dashboard.TeamAsync(member, "team-1", Ct));
    }

    [Fact]
    public async Task A_team_chooses_its_own_checklist_and_new_requests_use_it()
    {
        const string ours = """
            id: night-desk
            title: Night desk checklist
            behaviours:
              - id: feeling
                text: Said what the customer feels
                engine: feeling_named
              - id: question
                text: Asked before fixing
                engine: open_question_first
              - id: summary
                text: Played it back and checked
                engine: summary_checked
              - id: step
                text: Gave a time for the next step
                engine: timed_next_step
              - id: together
                text: Chose the fix with them
                engine: solved_together
            """;
        var catalog = RolePlay.Core.Content.Loading.ContentLoader.Load(RolePlay.Core.Content.ContentSources.Shipped()
            .Append(new RolePlay.Core.Content.ContentFile("team/checklists/night-desk.yaml", ours))).EnsureValid();
        var settings = new RolePlay.Core.TeamSetup.TeamSettings(Bot.People, Bot.Teams, [], RolePlay.Core.Voice.ModelVoiceEndpoints.None, catalog, Bot.Clock);
        var engine = new PracticeEngine(catalog, new RolePlay.Core.Detection.RuleBasedDetector(), new RuleBasedPersonaVoice());
        var reviews = new PeerReviews(catalog, engine, Bot.PeerReviewStore, Bot.People, Bot.Sessions, Bot.Teams, Bot.Pairing, Bot.Practice, [],
            Bot.Clock, Microsoft.Extensions.Logging.Abstractions.NullLogger<PeerReviews>.Instance);
        await SetUpTeamAsync();
        Task<RouterResult> TeamSays(ChannelUser who, string text) =>
            settings.HandleAsync(new MessageReceived(who, General, Bot.Clock.GetUtcNow(), text), Ct);

        Assert.Contains("no checklist “nope”", Text(await TeamSays(Mia, "team checklist nope")), StringComparison.Ordinal);
        Assert.Contains("Known: core, night-desk", Text(await TeamSays(Mia, "team checklist nope")), StringComparison.Ordinal);
        Assert.Null((await Bot.Teams.GetAsync(TenantA, "team-1", Ct))!.Checklist);
        await TeamSays(Ben, "team checklist night-desk"); // not a manager: refused like any set-up change
        Assert.Null((await Bot.Teams.GetAsync(TenantA, "team-1", Ct))!.Checklist);
        Assert.Contains("Night desk checklist", Text(await TeamSays(Mia, "team checklist night-desk")), StringComparison.Ordinal);

        await PlayToTheEndAsync(Ana);
        var team = (await Bot.Teams.GetAsync(TenantA, "team-1", Ct))!;
        var session = (await Bot.Sessions.ListEndedAsync(KeyOf(Ana), 1, Ct)).Single();
        var request = await reviews.RequestForShareAsync((await Bot.People.GetAsync(KeyOf(Ana), Ct))!, team, session, General, Ct);

        Assert.Equal("night-desk", request.ChecklistId);
        Assert.Equal(["feeling", "question", "summary", "step", "together"], request.Engine.Keys);
        var form = ChecklistCards.Form(catalog.Checklists[request.ChecklistId], request);
        Assert.Equal("Night desk checklist", form.Title);
        Assert.Equal(5, form.Inputs.OfType<ChoiceInput>().Count());
    }
}
