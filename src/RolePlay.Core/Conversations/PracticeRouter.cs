using RolePlay.Core.Content;
using RolePlay.Core.Insights;
using RolePlay.Core.Practice;
using RolePlay.Core.Routines;
using RolePlay.Core.Storage;
using Inputs = RolePlay.Core.Conversations.CardVerbs.Inputs;

namespace RolePlay.Core.Conversations;

/// <summary>The one router every channel calls. In a personal chat a live role-play takes the person's words; outside
/// one, words are commands. Card actions carry verbs. On the hot path (a role-play turn) it makes two store calls:
/// one read of the person with their live session, one atomic save of the new turns.</summary>
public sealed class PracticeRouter(
    ContentCatalog catalog,
    PracticeEngine engine,
    IPeopleStore people,
    ISessionStore sessions,
    ILearningStore learning,
    TeamRouter team,
    RoutineAnswers routineAnswers,
    IInsightsRecorder insights,
    TimeProvider time) : IConversationRouter
{
    private const string SceneHelp = "During a practice: /pause, /resume, /stop (nothing is scored) or /end (finish and debrief).";

    public Task<RouterResult> HandleAsync(IncomingEvent incoming, CancellationToken cancellationToken) => incoming switch
    {
        MessageReceived { Conversation.Kind: ConversationKind.Personal } m when TranscriptSharing.IsShareCommand(m.Text) =>
            team.ShareAsync(m.From, cancellationToken),
        MessageReceived { Conversation.Kind: ConversationKind.Personal } m => OnDirectMessageAsync(m, cancellationToken),
        MessageReceived m => team.OnChannelMessageAsync(m, cancellationToken),
        CardSubmitted { Verb: TeamCards.LeaveVerb } c => team.OnCardAsync(c, cancellationToken),
        CardSubmitted c when RoutineAnswers.Handles(c.Verb) => routineAnswers.OnCardAsync(c, cancellationToken),
        CardSubmitted c => OnCardAsync(c, cancellationToken),
        ReactionChanged r => team.OnReactionAsync(r, cancellationToken),
        BotInstalled { Conversation.Kind: ConversationKind.Personal } b => OnInstalledAsync(b, cancellationToken),
        BotInstalled => Task.FromResult(Say("Hello, team! I run short empathy practice in chat. " + TeamRouter.ChannelHelp)),
        HomeOpened h => OnHomeAsync(h, cancellationToken),
        _ => Task.FromResult(RouterResult.Nothing),
    };

    private DateTimeOffset Now => time.GetUtcNow();

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

        var text = message.Text.Trim();

        if (live is not null && !IsSettingsCommand(text))
        {
            return await ContinueSceneAsync(person, live, text, ct).ConfigureAwait(false);
        }

        var command = PracticeCommandParser.Parse(text, PersonSettings.LocalToday(person, Now));
        return await RunCommandAsync(person, command, ct).ConfigureAwait(false);
    }

    /// <summary>During a scene, plain words go to the customer; "/practice ..." still changes settings.</summary>
    private static bool IsSettingsCommand(string text) => text.StartsWith("/practice", StringComparison.OrdinalIgnoreCase);

    private async Task<RouterResult> ContinueSceneAsync(PersonRecord person, SessionRecord live, string text, CancellationToken ct)
    {
        var session = SessionPersistence.Restore(engine, live);
        var paused = session.Outcome == SessionOutcome.Paused;
        IReadOnlyList<Utterance> said;
        switch (text.ToLowerInvariant())
        {
            case "/pause":
                said = paused ? [] : session.Pause();
                break;
            case "/resume" or "resume" when paused:
                said = session.Resume();
                break;
            case "/stop":
                said = session.Stop();
                break;
            case "/end":
                said = paused ? [.. session.Resume(), .. session.End()] : session.End();
                break;
            case "/help" or "/?":
                return Say(SceneHelp);
            case "" or "/resume":
                return Say(paused ? "This practice is paused. Type /resume to carry on, or /stop to stop." : SceneHelp);
            case var _ when paused:
                return Say("This practice is paused, so that wasn't sent to the customer. Type /resume to carry on, or /stop to stop.");
            case var _ when text.StartsWith('/'):
                return Say(SceneHelp);
            default:
                said = session.Respond(text).Replies;
                break;
        }

        return await SaveSceneAsync(person, live, session, said, ct).ConfigureAwait(false);
    }

    private async Task<RouterResult> SaveSceneAsync(PersonRecord person, SessionRecord stored, PracticeSession session,
        IReadOnlyList<Utterance> said, CancellationToken ct)
    {
        var (header, turns) = SessionPersistence.Changes(stored, session, Now);
        await sessions.SaveAsync(header, turns, ct).ConfigureAwait(false);
        var replies = Replies.From(said, CustomerName(session));
        if (!session.IsOver)
        {
            if (session.Outcome == SessionOutcome.Paused)
            {
                replies.Add(new TextOut("Paused. Nothing is lost: type /resume when you're ready, or /stop to stop."));
            }

            return new RouterResult(replies);
        }

        var report = session.Report();
        if (!report.Scored)
        {
            replies.Add(new TextOut("Stopped. Nothing was scored. Come back whenever you like: type “start”."));
            return new RouterResult(replies);
        }

        var rubric = SessionPersistence.Rubric(person.Key, header.SessionId, report, Now);
        await learning.SaveRubricAsync(rubric, ct).ConfigureAwait(false);
        await insights.SessionScoredAsync(person, rubric, session.Transcript, ct).ConfigureAwait(false);
        replies.Add(new CardOut(PracticeCards.DebriefFeelings(header.SessionId, report)));
        return new RouterResult(replies);
    }

    private async Task<RouterResult> RunCommandAsync(PersonRecord person, PracticeCommand command, CancellationToken ct)
    {
        var now = Now;
        switch (command)
        {
            case PracticeCommand.Help:
                return Say(HelpText);
            case PracticeCommand.Start start:
                return await StartAsync(person, start.ScenarioId, null, ct).ConfigureAwait(false);
            case PracticeCommand.Settings:
                return Show(PracticeCards.Settings(person, now));
            case PracticeCommand.Team:
                return Say("Team set-up happens in a team channel: mention me there with “team …”.");
            case PracticeCommand.Unknown unknown:
                return Say($"{unknown.Reason} {HelpText}");
            case PracticeCommand.NoPair { UserId: { } excluded }:
                if (!RoutineSettings.TryExclude(person, excluded, out var excluding))
                {
                    return Say($"I can't add that one: you can't exclude yourself, and you can keep up to {RoutineSettings.MaxPairExclusions} people on the list.");
                }

                await people.SaveAsync(excluding, ct).ConfigureAwait(false);
                return Say("Noted: you won't be paired with them as buddies (nor they with you). Nobody is told. “no-pair clear” undoes it.");
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
        return Say($"{confirmation} {PersonSettings.Describe(saved, now)}");
    }

    private async Task<RouterResult> StartAsync(PersonRecord person, string? scenarioId, Intensity? intensity, CancellationToken ct)
    {
        var chosen = intensity ?? PersonSettings.IntensityOf(person);
        if (scenarioId is null)
        {
            return Show(PracticeCards.ScenarioPicker(catalog, chosen));
        }

        if (!catalog.Scenarios.TryGetValue(scenarioId, out var scenario))
        {
            return new RouterResult([new TextOut($"I don't know a scenario called “{scenarioId}”. Pick one here:"),
                new CardOut(PracticeCards.ScenarioPicker(catalog, chosen))]);
        }

        if (person.Version is null || chosen != PersonSettings.IntensityOf(person))
        {
            person = await people.SaveAsync(PersonSettings.WithIntensity(person, chosen), ct).ConfigureAwait(false);
        }

        var heard = await HeardBeforeAsync(person.Key, scenario.PersonaId, ct).ConfigureAwait(false);
        var session = engine.Start(new SessionOptions(scenario.Id, Seed: Random.Shared.Next(), Intensity: chosen, PriorLines: heard));
        var record = SessionPersistence.NewRecord(person.Key, session, Now);
        var (header, turns) = SessionPersistence.Changes(record, session, Now);
        try
        {
            await sessions.SaveAsync(header, turns, ct).ConfigureAwait(false);
        }
        catch (ConcurrencyConflictException)
        {
            return Say("You already have a practice going: carry on, or type /end or /stop first.");
        }

        var replies = Replies.From(session.Opening, CustomerName(session));
        replies.Add(new CardOut(PracticeCards.SceneControls(header.SessionId)));
        return new RouterResult(replies);
    }

    private async Task<RouterResult> OnCardAsync(CardSubmitted card, CancellationToken ct)
    {
        var key = KeyOf(card.From);
        var (person, live) = await people.GetWithLiveSessionAsync(key, ct).ConfigureAwait(false);
        person ??= PersonSettings.NewPerson(card.From);
        var values = card.Values;
        switch (card.Verb)
        {
            case CardVerbs.OptIn:
                var optedIn = await people.SaveAsync(PersonSettings.OptIn(person, Now), ct).ConfigureAwait(false);
                return new RouterResult(
                    [new TextOut($"You're in. {PersonSettings.Describe(optedIn, Now)} Change it any time: “time 08:45”, “days mon,wed,fri”, “pause”, “stop”."),
                     new CardOut(PracticeCards.ScenarioPicker(catalog, PersonSettings.IntensityOf(optedIn)))],
                    ReplaceCard: PracticeCards.Acknowledged("welcome", "You're in. Welcome!"));
            case CardVerbs.OptOut:
                await people.SaveAsync(PersonSettings.OptOut(person, Now), ct).ConfigureAwait(false);
                return new RouterResult(
                    [new TextOut("No problem. I won't send you anything. Message me “start” if you ever want to practise.")],
                    ReplaceCard: PracticeCards.Acknowledged("welcome", "Not now — that's fine."));
            case CardVerbs.ConsentKeep or CardVerbs.ConsentPauseWeek or CardVerbs.ConsentStop:
                return await AnswerConsentCheckAsync(person, card.Verb, ct).ConfigureAwait(false);
            case CardVerbs.PickScenario:
                return Show(PracticeCards.ScenarioPicker(catalog, PersonSettings.IntensityOf(person)));
            case CardVerbs.Start when live is not null:
                return Say("You already have a practice going: carry on, or type /end or /stop first.");
            case CardVerbs.Start:
                return await StartAsync(person, Value(values, Inputs.Scenario),
                    WireName.TryParse<Intensity>(Value(values, Inputs.Intensity), out var i) ? i : null, ct).ConfigureAwait(false);
            case CardVerbs.Pause or CardVerbs.Resume or CardVerbs.Stop or CardVerbs.End:
                return await SceneControlAsync(person, live, card.Verb, Value(values, Inputs.Session), ct).ConfigureAwait(false);
            case CardVerbs.DebriefFeelings:
                return await DebriefFeelingsAsync(person, values, ct).ConfigureAwait(false);
            case CardVerbs.DebriefCommit:
                return await DebriefCommitAsync(person, values, ct).ConfigureAwait(false);
            case CardVerbs.OpenSettings:
                return Show(PracticeCards.Settings(person, Now));
            case CardVerbs.SaveSettings:
                return await SaveSettingsAsync(person, values, ct).ConfigureAwait(false);
            default:
                return Say(ShortHelp);
        }
    }

    /// <summary>The answer to "still want daily prompts?"; not answering at all keeps them too.</summary>
    private async Task<RouterResult> AnswerConsentCheckAsync(PersonRecord person, string verb, CancellationToken ct)
    {
        var now = Now;
        var (updated, text) = verb switch
        {
            CardVerbs.ConsentKeep => (PersonSettings.KeepConsent(person, now), "Great — your daily prompts carry on."),
            CardVerbs.ConsentPauseWeek => (PersonSettings.PauseWeek(person, now), "Paused for a week, no questions asked."),
            _ => (PersonSettings.OptOut(person, now), "Stopped: I won't send you anything. Type “opt in” whenever you want to come back."),
        };
        var saved = await people.SaveAsync(updated, ct).ConfigureAwait(false);
        return new RouterResult([new TextOut($"{text} {PersonSettings.Describe(saved, now)}")],
            ReplaceCard: PracticeCards.Acknowledged("routine.consent_check", text));
    }

    private async Task<RouterResult> SceneControlAsync(PersonRecord person, SessionRecord? live, string verb, string? sessionId, CancellationToken ct)
    {
        if (live is null || (sessionId is not null && live.SessionId != sessionId))
        {
            return Say("That practice has already ended.");
        }

        var command = verb switch
        {
            CardVerbs.Pause => "/pause",
            CardVerbs.Resume => "/resume",
            CardVerbs.Stop => "/stop",
            _ => "/end",
        };
        return await ContinueSceneAsync(person, live, command, ct).ConfigureAwait(false);
    }

    private async Task<RouterResult> DebriefFeelingsAsync(PersonRecord person, IReadOnlyDictionary<string, string> values, CancellationToken ct)
    {
        var sessionId = Value(values, Inputs.Session);
        var rating = Value(values, Inputs.FeelingRating);
        if (!int.TryParse(rating, out var score) || score is < 1 or > 5)
        {
            return Refuse(Inputs.FeelingRating, "Choose a number from 1 to 5.");
        }

        var words = Value(values, Inputs.FeelingWords) ?? "";
        if (words.Length > PracticeCards.MaxReflectionLength)
        {
            return Refuse(Inputs.FeelingWords, $"Keep it under {PracticeCards.MaxReflectionLength} characters.");
        }

        var stored = sessionId is null ? null : await sessions.GetAsync(person.Key, sessionId, ct).ConfigureAwait(false);
        if (stored is null || stored.IsLive)
        {
            return Say("I couldn't find that practice's debrief.");
        }

        await learning.AddReflectionAsync(new ReflectionRecord(person.Key, stored.SessionId, "feelings",
            $"{score}/5 {words}".Trim(), Now), ct).ConfigureAwait(false);
        var report = SessionPersistence.Restore(engine, stored).Report();
        return new RouterResult(
            [new CardOut(PracticeCards.DebriefObservations(report)), new CardOut(PracticeCards.DebriefCommitment(stored.SessionId, report))],
            ReplaceCard: PracticeCards.Acknowledged("debrief.feelings", "Thank you for noticing how that felt."));
    }

    private async Task<RouterResult> DebriefCommitAsync(PersonRecord person, IReadOnlyDictionary<string, string> values, CancellationToken ct)
    {
        var text = Value(values, Inputs.Commitment)?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            text = Value(values, Inputs.SuggestedCommitment)?.Trim();
        }

        if (string.IsNullOrEmpty(text))
        {
            return Refuse(Inputs.Commitment, "Write one thing you'll try on your next shift.");
        }

        if (text.Length > PracticeCards.MaxReflectionLength)
        {
            return Refuse(Inputs.Commitment, $"Keep it under {PracticeCards.MaxReflectionLength} characters.");
        }

        var sessionId = Value(values, Inputs.Session);
        var stored = sessionId is null ? null : await sessions.GetAsync(person.Key, sessionId, ct).ConfigureAwait(false);
        if (stored is null || stored.IsLive)
        {
            return Say("I couldn't find that practice's debrief.");
        }

        var report = SessionPersistence.Restore(engine, stored).Report();
        var weakest = report.Rubric.OrderBy(r => r.Score).Select(r => WireName.Of(r.Criterion)).FirstOrDefault() ?? "";
        var checkIn = PersonSettings.LocalToday(person, Now).AddDays(7);
        var commitment = await learning.SaveCommitmentAsync(new CommitmentRecord(person.Key, Guid.NewGuid().ToString("N"), stored.SessionId,
            weakest, text, checkIn, CommitmentStatus.Open, Now), ct).ConfigureAwait(false);
        await insights.CommitmentMadeAsync(person, commitment, ct).ConfigureAwait(false);
        return new RouterResult(
            [new TextOut($"Committed: “{text}”. I'll ask you (and your buddy) how it went on {checkIn:dddd d MMMM}.")],
            ReplaceCard: PracticeCards.Acknowledged("debrief.commitment", $"Your commitment: “{text}”"));
    }

    private async Task<RouterResult> SaveSettingsAsync(PersonRecord person, IReadOnlyDictionary<string, string> values, CancellationToken ct)
    {
        var now = Now;
        var errors = new Dictionary<string, string>();
        var updated = person;
        if (Value(values, Inputs.TimeZone) is { Length: > 0 } zone)
        {
            if (PracticeCommandParser.Parse($"timezone {zone}", default) is PracticeCommand.SetTimeZone z)
            {
                updated = PersonSettings.WithTimeZone(updated, z.TimeZoneId, now);
            }
            else
            {
                errors[Inputs.TimeZone] = "Use an IANA time zone such as Europe/London.";
            }
        }

        if (Value(values, Inputs.PromptTime) is { Length: > 0 } clock)
        {
            if (PracticeCommandParser.TryParseClock(clock, out var at))
            {
                updated = PersonSettings.WithPromptTime(updated, at, now);
            }
            else
            {
                errors[Inputs.PromptTime] = "Use HH:MM, e.g. 09:30.";
            }
        }

        if (Value(values, Inputs.Days) is { } days)
        {
            if (PracticeCommandParser.Parse($"days {days}", default) is PracticeCommand.SetDays d)
            {
                updated = PersonSettings.WithDays(updated, d.Days, now);
            }
            else
            {
                errors[Inputs.Days] = "Choose at least one day.";
            }
        }

        if (WireName.TryParse<Intensity>(Value(values, Inputs.Intensity), out var intensity))
        {
            updated = PersonSettings.WithIntensity(updated, intensity);
        }

        if (Value(values, Inputs.PauseUntil) is { Length: > 0 } pause)
        {
            if (PracticeCommandParser.Parse($"pause until {pause}", PersonSettings.LocalToday(updated, now)) is PracticeCommand.Pause p)
            {
                updated = PersonSettings.Pause(updated, p.Until, now);
            }
            else
            {
                errors[Inputs.PauseUntil] = "Use a future date as YYYY-MM-DD.";
            }
        }
        else if (person.PausedUntilUtc is not null)
        {
            updated = PersonSettings.Resume(updated, now);
        }

        if (errors.Count > 0)
        {
            return new RouterResult([], InputErrors: errors);
        }

        var saved = await people.SaveAsync(updated, ct).ConfigureAwait(false);
        var summary = PersonSettings.Describe(saved, now);
        return new RouterResult([new TextOut($"Saved. {summary}")], ReplaceCard: PracticeCards.Acknowledged("settings", summary));
    }

    private async Task<RouterResult> OnInstalledAsync(BotInstalled installed, CancellationToken ct)
    {
        var person = await people.GetAsync(KeyOf(installed.From), ct).ConfigureAwait(false);
        return person?.Consent == ConsentState.OptedIn
            ? Say("Welcome back! Message me “start” for a practice, or “help”.")
            : Show(PracticeCards.Welcome());
    }

    private async Task<RouterResult> OnHomeAsync(HomeOpened home, CancellationToken ct)
    {
        var key = KeyOf(home.From);
        var person = await people.GetAsync(key, ct).ConfigureAwait(false) ?? PersonSettings.NewPerson(home.From);
        var ended = await sessions.ListEndedAsync(key, 50, ct).ConfigureAwait(false);
        return Show(PracticeCards.Home(person, ended, Now));
    }

    private static PersonKey KeyOf(ChannelUser user) => new(user.Platform, user.TenantId, user.UserId);

    private string CustomerName(PracticeSession session) =>
        catalog.Personas.TryGetValue(session.State.PersonaId, out var persona) ? persona.Name.Split(' ')[0] : "Customer";

    /// <summary>What this person already heard this persona say in their last few practices with them, so meeting
    /// the persona again brings other words.</summary>
    private async Task<IReadOnlyList<string>> HeardBeforeAsync(PersonKey person, string personaId, CancellationToken ct)
    {
        const int Sessions = 5;
        var ended = await sessions.ListEndedAsync(person, take: 4 * Sessions, ct).ConfigureAwait(false);
        var heard = new List<string>();
        foreach (var past in ended.Where(s => s.PersonaId == personaId).Take(Sessions))
        {
            var turns = await sessions.GetTurnsAsync(person, past.SessionId, ct).ConfigureAwait(false);
            heard.AddRange(turns.Where(t => t.Speaker == TurnSpeakers.Customer).Select(t => t.Text));
        }

        return heard;
    }

    private static string? Value(IReadOnlyDictionary<string, string> values, string key) =>
        values.TryGetValue(key, out var value) ? value : null;

    private static RouterResult Say(string text) => new([new TextOut(text)]);

    private static RouterResult Show(Cards.Card card) => new([new CardOut(card)]);

    private static RouterResult Refuse(string inputId, string message) =>
        new([], InputErrors: new Dictionary<string, string> { [inputId] = message });

    private const string ShortHelp = "Type “help” to see what I can do.";

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
        "• share — post your last practice to your team's channel for feedback\n" +
        "• shift 17:30, shift off — when your shift ends, to log one phrase that unlocked a customer\n" +
        "• no-pair @someone, no-pair clear — never be paired with someone as buddies\n" +
        "• help — this list\n" +
        SceneHelp;
}
