using RolePlay.Core.Chat;
using RolePlay.Core.Clips;
using RolePlay.Core.Consent;
using RolePlay.Core.Debriefing;
using RolePlay.Core.PeerCoaching;
using RolePlay.Core.Practice;
using RolePlay.Core.Routines;
using RolePlay.Core.Scene;
using RolePlay.Core.Settings;
using RolePlay.Core.Sharing;
using RolePlay.Core.Storage;
using RolePlay.Core.Telemetry;
using RolePlay.Core.TeamSetup;
using Inputs = RolePlay.Core.Chat.CardVerbs.Inputs;

namespace RolePlay.Core.Routing;

/// <summary>The one router every channel calls: it says which feature an event belongs to. In a personal chat a live
/// role-play takes the person's words; outside one, words are commands. Card actions carry verbs. On the hot path (a
/// role-play turn) it makes two store calls: one read of the person with their live session, one atomic save of the
/// new turns.</summary>
public sealed class PracticeRouter(
    IPeopleStore people,
    ISessionStore sessions,
    SceneConversation scene,
    DebriefConversation debrief,
    ConsentConversation consent,
    SettingsForm settings,
    ChannelRouter channelRouter,
    RoutineAnswers routineAnswers,
    ChannelTraitsCatalog channels,
    InstallGreetings greetings,
    PeerReviews peerReviews,
    ClipOffers clipOffers,
    TimeProvider time) : IConversationRouter
{
    public async Task<RouterResult> HandleAsync(IncomingEvent incoming, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        var kind = incoming.GetType().Name;
        using var span = RolePlayTelemetry.Source.StartActivity("roleplay.event");
        span?.SetTag("roleplay.platform", incoming.From.Platform.Id);
        span?.SetTag("roleplay.tenant", RolePlayTelemetry.Hash(incoming.From.TenantId));
        span?.SetTag("roleplay.event", kind);
        RolePlayTelemetry.Events.Add(1, new("roleplay.platform", incoming.From.Platform.Id), new("roleplay.event", kind));
        return await RouteAsync(incoming, cancellationToken).ConfigureAwait(false);
    }

    private Task<RouterResult> RouteAsync(IncomingEvent incoming, CancellationToken cancellationToken) => incoming switch
    {
        MessageReceived m when MessageLimit.Refusal(m.Text) is { } tooLong => Task.FromResult(RouterResult.Say(tooLong)),
        MessageReceived { Conversation.Kind: ConversationKind.Personal } m when TranscriptSharing.IsShareCommand(m.Text) =>
            channelRouter.ShareAsync(m.From, cancellationToken),
        MessageReceived { Conversation.Kind: ConversationKind.Personal } m when PeerReviews.IsAskBuddyCommand(m.Text) =>
            peerReviews.AskBuddyAsync(m.From, cancellationToken),
        MessageReceived { Conversation.Kind: ConversationKind.Personal } m when PeerReviews.IsReviewsCommand(m.Text) =>
            peerReviews.ReceivedAsync(m.From, cancellationToken),
        MessageReceived { Conversation.Kind: ConversationKind.Personal } m => OnDirectMessageAsync(m, cancellationToken),
        MessageReceived m => channelRouter.OnChannelMessageAsync(m, cancellationToken),
        CardSubmitted c when ChannelRouter.Handles(c.Verb) => channelRouter.OnCardAsync(c, cancellationToken),
        CardSubmitted c when RoutineAnswers.Handles(c.Verb) => routineAnswers.OnCardAsync(c, cancellationToken),
        CardSubmitted c when PeerReviews.Handles(c.Verb) => peerReviews.OnCardAsync(c, cancellationToken),
        CardSubmitted c when ClipOffers.Handles(c.Verb) => clipOffers.AnswerAsync(c, cancellationToken),
        AudioFileReceived a => clipOffers.OfferAsync(a, cancellationToken),
        CardSubmitted c => OnCardAsync(c, cancellationToken),
        ReactionChanged r => channelRouter.OnReactionAsync(r, cancellationToken),
        BotInstalled b => OnInstalledAsync(b, cancellationToken),
        HomeOpened h => OnHomeAsync(h, cancellationToken),
        _ => Task.FromResult(RouterResult.Nothing),
    };

    private DateTimeOffset Now => time.GetUtcNow();

    private async Task<RouterResult> OnInstalledAsync(BotInstalled installed, CancellationToken ct)
    {
        if (!await greetings.IsFirstAsync(installed, ct).ConfigureAwait(false))
        {
            return RouterResult.Nothing;
        }

        return installed.Conversation.Kind == ConversationKind.Personal
            ? await consent.WelcomeAsync(KeyOf(installed.From), channels.Of(installed.Conversation.Platform), ct).ConfigureAwait(false)
            : RouterResult.Say("Hello, team! I run short empathy practice in chat. " + ChannelRouter.ChannelHelp);
    }

    private async Task<RouterResult> OnDirectMessageAsync(MessageReceived message, CancellationToken ct)
    {
        var key = KeyOf(message.From);
        var (person, live) = await people.GetWithLiveSessionAsync(key, ct).ConfigureAwait(false);
        person ??= PersonSettings.NewPerson(message.From);
        if (person.UnreachableSinceUtc is not null)
        {
            // Writing to the bot proves it can reach them again (they reinstalled or unblocked it).
            person = await people.SaveAsync(PersonSettings.MarkReachable(person, Now), ct).ConfigureAwait(false);
        }

        if (await RecordedAnswerAsync(message, person, live, ct).ConfigureAwait(false) is { } recorded)
        {
            return recorded;
        }

        var text = message.Text.Trim();

        if (live is not null && !IsSettingsCommand(text))
        {
            return await scene.ContinueAsync(person, live, text, new SceneTurn(message.At, message.Delivery, message.ShowTyping), ct).ConfigureAwait(false);
        }

        var command = PracticeCommandParser.Parse(text, PersonSettings.LocalToday(person, Now));
        return await RunCommandAsync(person, command, channels.Of(message.Conversation.Platform), message.Delivery, ct).ConfigureAwait(false);
    }

    /// <summary>An event delivered again after a crash that a role-play already applied gets the answer recorded then:
    /// routed again, it would meet its own effect (the scene its "start" began would take "start" as the agent's reply).
    /// Only such a redelivery pays the look-up. What else it may change is idempotent, or counted again (a
    /// reflection).</summary>
    private Task<RouterResult?> RecordedAnswerAsync(IncomingEvent incoming, PersonRecord person, SessionRecord? live, CancellationToken ct) =>
        incoming.Delivery is { Again: true } again ? scene.RecordedAnswerAsync(person, live, again, ct) : Task.FromResult<RouterResult?>(null);

    /// <summary>During a scene, plain words go to the customer; "/practice ..." still changes settings.</summary>
    private static bool IsSettingsCommand(string text) => text.StartsWith("/practice", StringComparison.OrdinalIgnoreCase);

    /// <param name="channel">Where the command was typed: the studio's conversations are the studio's even for a person
    /// signed in with their Teams or Slack identity.</param>
    private async Task<RouterResult> RunCommandAsync(PersonRecord person, PracticeCommand command, ChannelTraits channel, EventDelivery? delivery,
        CancellationToken ct)
    {
        var now = Now;
        switch (command)
        {
            case PracticeCommand.Help:
                return RouterResult.Say(HelpFor(channel));
            case PracticeCommand.Start start:
                return await scene.StartAsync(person, start.ScenarioId, null, delivery, ct).ConfigureAwait(false);
            case PracticeCommand.Settings:
                return RouterResult.Show(SettingsCards.Settings(person, now));
            case PracticeCommand.Team:
                return RouterResult.Say(channel.HasTeamChannels
                    ? "Team set-up happens in a team channel: mention me there with “team …”."
                    : "Create or join a team on the Team page: its manager sets the time zone and values, and teammates join with the invite.");
            case PracticeCommand.NoPractice:
                return RouterResult.Say("No practice is running right now. Type “start” to begin one.");
            case PracticeCommand.Unknown unknown:
                return RouterResult.Say($"{unknown.Reason} {HelpFor(channel)}");
            case PracticeCommand.NoPair { UserId: { } excluded }:
                if (!RoutineSettings.TryExclude(person, excluded, out var excluding))
                {
                    return RouterResult.Say($"I can't add that one: you can't exclude yourself, and you can keep up to {RoutineSettings.MaxPairExclusions} people on the list.");
                }

                await people.SaveAsync(excluding, ct).ConfigureAwait(false);
                return RouterResult.Say("Noted: you won't be paired with them as buddies (nor they with you). Nobody is told. “no-pair clear” undoes it.");
        }

        var (updated, confirmation) = command switch
        {
            PracticeCommand.OptIn => (PersonSettings.OptIn(person, now), "You're in."),
            PracticeCommand.OptOut => (PersonSettings.OptOut(person, now),
                "Done: I won't send you anything. Your history stays yours. Type “opt in” whenever you want to come back."),
            PracticeCommand.Pause p => (PersonSettings.Pause(person, p.Until, now), "Paused, no questions asked."),
            PracticeCommand.Resume => (PersonSettings.Resume(person, now), "Welcome back."),
            PracticeCommand.SetTime t => (PersonSettings.WithPromptTime(person, t.Time, now), "Prompt time saved."),
            PracticeCommand.SetDays d => (PersonSettings.WithDays(person, d.Days, now), "Days saved."),
            PracticeCommand.SetIntensity i => (PersonSettings.WithIntensity(person, i.Intensity), "Intensity saved."),
            PracticeCommand.SetTimeZone z => (PersonSettings.WithTimeZone(person, z.TimeZoneId, now), "Time zone saved."),
            PracticeCommand.SetShiftEnd { End: { } end } => (RoutineSettings.WithShiftEnd(person, end, now),
                $"Shift end saved: at {end:HH\\:mm} on your days I'll ask for one phrase that unlocked a customer{(person.Consent == ConsentState.OptedIn ? "" : " (once you opt in)")}."),
            PracticeCommand.SetShiftEnd => (RoutineSettings.WithShiftEnd(person, null, now), "No more end-of-shift phrase cards."),
            PracticeCommand.NoPair => (RoutineSettings.ClearExclusions(person), "Your no-pair list is empty again."),
            _ => throw new InvalidOperationException($"Unhandled command {command}"),
        };
        var saved = await people.SaveAsync(updated, ct).ConfigureAwait(false);
        return RouterResult.Say($"{confirmation} {PersonSettings.Describe(saved, now)}");
    }

    private async Task<RouterResult> OnCardAsync(CardSubmitted card, CancellationToken ct)
    {
        var (person, live) = await people.GetWithLiveSessionAsync(KeyOf(card.From), ct).ConfigureAwait(false);
        person ??= PersonSettings.NewPerson(card.From);
        if (await RecordedAnswerAsync(card, person, live, ct).ConfigureAwait(false) is { } recorded)
        {
            return recorded;
        }

        var values = card.Values;
        var delivery = card.Delivery;
        return card.Verb switch
        {
            CardVerbs.OptIn => await consent.OptInAsync(person, channels.Of(card.Conversation.Platform), ct).ConfigureAwait(false),
            CardVerbs.OptOut => await consent.OptOutAsync(person, ct).ConfigureAwait(false),
            CardVerbs.ConsentKeep or CardVerbs.ConsentPauseWeek or CardVerbs.ConsentStop =>
                await consent.AnswerCheckAsync(person, card.Verb, ct).ConfigureAwait(false),
            CardVerbs.PickScenario => await scene.StartAsync(person, null, null, delivery, ct).ConfigureAwait(false),
            CardVerbs.Start when live is not null => SceneConversation.AlreadyStarted(),
            CardVerbs.Start => await scene.StartAsync(person, values.GetValueOrDefault(Inputs.Scenario),
                WireName.TryParse<Intensity>(values.GetValueOrDefault(Inputs.Intensity), out var i) ? i : null, delivery, ct).ConfigureAwait(false),
            CardVerbs.Pause or CardVerbs.Resume or CardVerbs.Stop or CardVerbs.End =>
                await scene.ControlAsync(person, live, card.Verb, values.GetValueOrDefault(Inputs.Session), delivery, ct).ConfigureAwait(false),
            CardVerbs.DebriefFeelings => await debrief.FeelingsAsync(person, values, ct).ConfigureAwait(false),
            CardVerbs.DebriefCommit => await debrief.CommitAsync(person, values, ct).ConfigureAwait(false),
            CardVerbs.OpenSettings => RouterResult.Show(SettingsCards.Settings(person, Now)),
            CardVerbs.SaveSettings => await settings.SaveAsync(person, values, ct).ConfigureAwait(false),
            _ => RouterResult.Say(ShortHelp),
        };
    }

    private async Task<RouterResult> OnHomeAsync(HomeOpened home, CancellationToken ct)
    {
        var key = KeyOf(home.From);
        var person = await people.GetAsync(key, ct).ConfigureAwait(false) ?? PersonSettings.NewPerson(home.From);
        var ended = await sessions.ListEndedAsync(key, 50, ct).ConfigureAwait(false);
        return RouterResult.Show(SettingsCards.Home(person, ended, Now));
    }

    private static PersonKey KeyOf(ChannelUser user) => new(user.Platform, user.TenantId, user.UserId);

    private const string ShortHelp = "Type “help” to see what I can do.";

    /// <summary>Where there are no team channels (the studio), sharing, shift ends and pair exclusions have no use, so
    /// they are not offered.</summary>
    private static string HelpFor(ChannelTraits channel) => channel.HasTeamChannels ? HelpText : PersonalHelpText;

    private const string PersonalHelpText =
        "Here's what I can do:\n" +
        "• start — pick a customer role-play (start <scenario-id> to jump in)\n" +
        "• settings — your practice time, days, intensity and pause, on one card\n" +
        "• time 09:30 — when a practice waits for you, in your own time zone\n" +
        "• days mon-fri — which days (mon,wed,fri or mon-sun work too)\n" +
        "• intensity low|medium|high — how hard the customer pushes\n" +
        "• timezone Europe/London — your time zone\n" +
        "• pause [until friday | 2026-12-01 | 2 weeks], resume — take a break, no penalty\n" +
        "• stop — opt out of everything; opt in — come back\n" +
        "• ask buddy — your buddy reviews your last practice with the peer checklist\n" +
        "• reviews — the peer checklists you received, beside the rubric\n" +
        "• help — this list\n" +
        SceneConversation.Help;

    private const string HelpText =
        "Here's what I can do:\n" +
        "• start — pick a customer role-play (start <scenario-id> to jump in)\n" +
        "• settings — your prompt time, days, intensity and pause, on one card\n" +
        "• time 09:30 — your daily prompt time, in your own time zone\n" +
        "• days mon-fri — which days (mon,wed,fri or mon-sun work too)\n" +
        "• intensity low|medium|high — how hard the customer pushes\n" +
        "• timezone Europe/London — your time zone\n" +
        "• pause [until friday | 2026-12-01 | 2 weeks], resume — take a break, no penalty\n" +
        "• stop — opt out of everything; opt in — come back\n" +
        "• share — post your last practice to your team's channel for feedback (and peer checklists)\n" +
        "• ask buddy — your buddy reviews your last practice with the peer checklist\n" +
        "• reviews — the peer checklists you received, beside the rubric\n" +
        "• shift 17:30, shift off — when your shift ends, to log one phrase that unlocked a customer\n" +
        "• no-pair @someone, no-pair clear — never be paired with someone as buddies\n" +
        "• help — this list\n" +
        SceneConversation.Help;
}
