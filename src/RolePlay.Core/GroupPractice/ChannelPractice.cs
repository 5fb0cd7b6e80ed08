using System.Text.Json;
using RolePlay.Core.Cards;
using RolePlay.Core.Chat;
using RolePlay.Core.Content;
using RolePlay.Core.Debriefing;
using RolePlay.Core.Practice;
using RolePlay.Core.Routing;
using RolePlay.Core.Scene;
using RolePlay.Core.Sessions;
using RolePlay.Core.Storage;
using RolePlay.Core.TeamSetup;
using RolePlay.Core.Voice;

namespace RolePlay.Core.GroupPractice;

/// <summary>A facilitated practice in a channel: "practice facilitate &lt;scenario&gt;" makes the sender the facilitator;
/// people "join agent" or "join observer"; "go" starts once exactly one agent has joined. Then the agent's messages play
/// the scene, observers add "note …" for the debrief, and the facilitator injects "cue …", "outage …" or "goal …";
/// "end" (debrief) and "stop" (nothing scored) are open to the facilitator and the agent.
/// Between messages the practice lives in storage as the channel's live session: a <see cref="SessionRecord"/> under
/// the person key "channel:{conversation id}", its state the roles plus the engine's state, its turns stored as usual.</summary>
public sealed class ChannelPractice(ContentCatalog catalog, PracticeEngine engine, IPeopleStore people, ISessionStore sessions,
    ITeamStore teams, CustomerWording wording, PracticeSeeds seeds, TimeProvider time)
{
    private sealed record StoredGroup(
        string FacilitatorId,
        SessionOptions Options,
        Dictionary<string, PracticeRole> Roles,
        Dictionary<string, string> Names,
        SessionState? Session);

    /// <summary>A live channel practice, whose it is for the customer's voice (the channel's team, every participant's
    /// name and id kept out of what a model is sent) and when this message was sent.</summary>
    private sealed record Live(SessionRecord Header, StoredGroup Stored, GroupSession Group, WordingFor Voice, DateTimeOffset SentAt);

    private DateTimeOffset Now => time.GetUtcNow();

    public static PersonKey ChannelKey(ConversationAddress conversation) =>
        new(conversation.Platform, conversation.TenantId, "channel:" + conversation.ConversationId);

    /// <summary>Handles the message if it is about a channel practice (starting one, or one is live here); null if not.</summary>
    public async Task<RouterResult?> TryHandleAsync(MessageReceived message, CancellationToken ct)
    {
        var text = StripSlashPractice(message.Text.Trim());
        var (verb, rest) = SplitVerb(text);
        var key = ChannelKey(message.Conversation);
        if (verb == "practice")
        {
            (verb, rest) = SplitVerb(rest);
        }

        if (verb == "facilitate")
        {
            return await FacilitateAsync(message, key, rest, ct).ConfigureAwait(false);
        }

        var (_, header) = await people.GetWithLiveSessionAsync(key, ct).ConfigureAwait(false);
        if (header is null)
        {
            return null;
        }

        var tenant = new TenantScope(message.Conversation.Platform, message.Conversation.TenantId);
        var teamId = wording.Offered ? await TeamSettings.TeamIdOfAsync(teams, tenant, message.Conversation, ct).ConfigureAwait(false) : null;
        var live = Load(header, tenant, teamId, message);
        try
        {
            return await ActAsync(live, message.From, verb, rest, text, ct).ConfigureAwait(false);
        }
        catch (ConcurrencyConflictException)
        {
            return RouterResult.Say("Two messages crossed in the scene. Please send yours again.");
        }
    }

    private async Task<RouterResult> FacilitateAsync(MessageReceived message, PersonKey key, string scenarioId, CancellationToken ct)
    {
        if (scenarioId.Length == 0 || !catalog.Scenarios.TryGetValue(scenarioId, out var scenario))
        {
            var known = string.Join(", ", catalog.Scenarios.Keys.Order(StringComparer.Ordinal));
            return RouterResult.Say($"Which scenario? “practice facilitate <scenario>”, one of: {known}.");
        }

        var options = new SessionOptions(scenario.Id, Seed: seeds.Next(), WarmUp: false);
        var stored = new StoredGroup(message.From.UserId, options, [], [], null);
        var header = new SessionRecord(key, Guid.NewGuid().ToString("N"), scenario.Id, scenario.PersonaId, options.Seed,
            (int)options.Intensity, WireName.Of(SessionOutcome.InProgress), Now, null, JsonSerializer.Serialize(stored), 0);
        try
        {
            await sessions.SaveAsync(header, [], ct).ConfigureAwait(false);
        }
        catch (ConcurrencyConflictException)
        {
            return RouterResult.Say("A practice is already running in this channel. Its facilitator can “stop” it first.");
        }

        return new RouterResult([
            new TextOut($"{NameOf(message.From)} is facilitating “{scenario.Title}”. Type “join agent” to play the agent " +
                        "(one person) or “join observer” to watch and add notes; the facilitator types “go” to start."),
            new CardOut(SceneCards.Brief(scenario, catalog.Personas[scenario.PersonaId])),
        ]);
    }

    private async Task<RouterResult> ActAsync(Live live, ChannelUser from, string verb, string rest, string text, CancellationToken ct)
    {
        var group = live.Group;
        var started = group.Session is not null;
        var isFacilitator = from.UserId == live.Stored.FacilitatorId;
        var isAgent = started && group.AgentId == from.UserId;
        var directsScene = verb is "cue" or "outage" or "goal" or "end" or "stop" && isFacilitator;
        if (isAgent && !directsScene && verb is not ("/end" or "/stop"))
        {
            return await PlayAsync(live, () => group.Respond(from.UserId, text), ct).ConfigureAwait(false);
        }

        switch (verb)
        {
            case "join" when started:
                return RouterResult.Say("The scene has started; roles are chosen before it starts. You can still follow along here.");
            case "join":
                var role = rest.Equals("agent", StringComparison.OrdinalIgnoreCase) ? PracticeRole.Agent : PracticeRole.Observer;
                if (role == PracticeRole.Agent && group.Roles.Any(r => r.Value == PracticeRole.Agent && r.Key != from.UserId))
                {
                    return RouterResult.Say("Someone has already joined as the agent. Join as an observer: “join observer”.");
                }

                group.Join(from.UserId, role);
                live.Stored.Names[from.UserId] = NameOf(from);
                await SaveAsync(live, ct).ConfigureAwait(false);
                return RouterResult.Say($"{NameOf(from)} joined as {(role == PracticeRole.Agent ? "the agent" : "an observer")}.");
            case "go" when rest.Length > 0:
                break;
            case "go" when !isFacilitator:
            case "cue" or "outage" or "goal" when !isFacilitator:
                return RouterResult.Say("Only the facilitator can do that.");
            case "go" when started:
                return RouterResult.Say("The scene is already under way.");
            case "go":
                return await GoAsync(live, ct).ConfigureAwait(false);
            case "cue" or "outage" or "goal" when !started:
                return RouterResult.Say("The scene hasn't started yet: type “go” once someone has joined as the agent.");
            case "cue" or "outage" or "goal" when rest.Length == 0:
                return RouterResult.Say($"Say what to {verb}: “cue name the feeling now”, “outage payments are down”, “goal wants a refund instead”.");
            case "cue" or "outage" or "goal":
                FacilitatorAction action = verb switch
                {
                    "cue" => new InjectCue(rest),
                    "outage" => new StartOutage(rest),
                    _ => new SwapGoal(rest),
                };
                return await PlayAsync(live, () => group.Session!.Facilitate(action), ct).ConfigureAwait(false);
            case "note" when started && rest.Length == 0:
                return RouterResult.Say("Write what you noticed: “note named the worry before fixing anything”.");
            case "note" when started && group.Roles.GetValueOrDefault(from.UserId, PracticeRole.Agent) == PracticeRole.Observer:
                group.Observe(from.UserId, rest);
                await SaveAsync(live, ct).ConfigureAwait(false);
                return RouterResult.Say("Noted for the debrief.");
            case "end" or "/end" or "stop" or "/stop" when isFacilitator || isAgent:
                return await FinishAsync(live, verb.TrimStart('/') == "end" && started, ct).ConfigureAwait(false);
        }

        return RouterResult.Say(started
            ? $"Only {live.Stored.Names.GetValueOrDefault(group.AgentId, "the agent")} speaks to the customer. Observers can add “note …” for the debrief."
            : "A practice is getting ready here: “join agent” or “join observer”; the facilitator types “go”.");
    }

    private async Task<RouterResult> GoAsync(Live live, CancellationToken ct)
    {
        PracticeSession session;
        try
        {
            session = live.Group.Start();
        }
        catch (InvalidOperationException e)
        {
            return RouterResult.Say(e.Message);
        }

        await wording.WordAsync(live.Voice, session, 0, ct).ConfigureAwait(false);
        session.Stamp(0, null, Now);
        var header = await SaveAsync(live, ct).ConfigureAwait(false);
        var agent = live.Stored.Names.GetValueOrDefault(live.Group.AgentId, live.Group.AgentId);
        var replies = Replies.From(session.Opening, PersonaOf(header));
        replies.Insert(0, new TextOut($"The scene starts. {agent}, you're the agent: mention me with your replies."));
        return new RouterResult(replies);
    }

    /// <summary>One step of the scene (the agent's turn, a facilitator's nudge), its customer lines worded, then stored.</summary>
    private async Task<RouterResult> PlayAsync(Live live, Action step, CancellationToken ct)
    {
        var session = live.Group.Session!;
        var from = session.Transcript.Count;
        try
        {
            step();
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            return RouterResult.Say(e.Message);
        }

        var said = await wording.WordAsync(live.Voice, session, from, ct).ConfigureAwait(false);
        session.Stamp(from, live.SentAt, Now);
        var header = await SaveAsync(live, ct).ConfigureAwait(false);
        var replies = Replies.From(said, PersonaOf(header));
        if (live.Group.Session!.IsOver)
        {
            replies.AddRange(Debrief(live, header));
        }

        return new RouterResult(replies);
    }

    private async Task<RouterResult> FinishAsync(Live live, bool debrief, CancellationToken ct)
    {
        var session = live.Group.Session;
        if (session is null)
        {
            await SaveAsync(live, ct, endedWithoutScene: true).ConfigureAwait(false);
            return RouterResult.Say("The practice was called off before it started.");
        }

        var said = debrief ? session.End() : session.Stop();
        var header = await SaveAsync(live, ct).ConfigureAwait(false);
        var replies = Replies.From(said, PersonaOf(header));
        replies.AddRange(Debrief(live, header));
        return new RouterResult(replies);
    }

    /// <summary>The debrief, and when people observed, the agent's choice whether the observers review it.</summary>
    private static IEnumerable<Outgoing> Debrief(Live live, SessionRecord header)
    {
        var report = live.Group.Session!.Report();
        if (!report.Scored)
        {
            return [new TextOut("Stopped. Nothing was scored. Thanks, everyone.")];
        }

        List<Outgoing> debrief = [new TextOut("That's the scene. Here's what happened, with the observers' notes:"), new CardOut(DebriefCards.DebriefObservations(report))];
        if (live.Group.Roles.Values.Contains(PracticeRole.Observer))
        {
            var agent = live.Group.AgentId;
            debrief.Add(new CardOut(AskObservers(live.Stored.Names.GetValueOrDefault(agent, agent), header.SessionId)));
        }

        return debrief;
    }

    /// <summary>Asks the agent whether the observers may review the practice with the peer checklist: the agent's
    /// consent, every time (the answer goes to <c>PeerReviews</c>).</summary>
    private static Card AskObservers(string agentName, string sessionId) => new("review.ask_observers", "Peer coaching checklist",
        [new TextBlock($"{agentName}, would you like the observers' checklists on this practice? Only you will see what they say; the team sees only that a review was given.")],
        [new SubmitAction("Yes, ask the observers", CardVerbs.ReviewInvite, CommonCards.SessionData(sessionId), ActionStyle.Positive)]);

    /// <summary>A finished, scored practice of this channel, with who played which part; null for any other.</summary>
    public async Task<EndedGroupPractice?> EndedAsync(ConversationAddress conversation, string sessionId, CancellationToken ct)
    {
        var header = await sessions.GetAsync(ChannelKey(conversation), sessionId, ct).ConfigureAwait(false);
        if (header is not { IsLive: false } || JsonSerializer.Deserialize<StoredGroup>(header.StateJson) is not { Session: { } state } stored
            || state.Outcome is SessionOutcome.Stopped or SessionOutcome.Paused or SessionOutcome.InProgress)
        {
            return null;
        }

        return new EndedGroupPractice(header, stored.Roles, stored.Names, state);
    }

    private async Task<SessionRecord> SaveAsync(Live live, CancellationToken ct, bool endedWithoutScene = false)
    {
        var stored = live.Stored with { Roles = new(live.Group.Roles), Session = live.Group.Session?.State };
        var json = JsonSerializer.Serialize(stored);
        SessionRecord header;
        IReadOnlyList<TurnRecord> turns = [];
        if (live.Group.Session is { } session)
        {
            (header, turns) = SessionPersistence.Changes(live.Header, session, Now);
            header = header with { StateJson = json };
        }
        else
        {
            header = live.Header with
            {
                StateJson = json,
                Outcome = endedWithoutScene ? WireName.Of(SessionOutcome.Stopped) : live.Header.Outcome,
                EndedUtc = endedWithoutScene ? Now : null,
            };
        }

        return await sessions.SaveAsync(header, turns, ct).ConfigureAwait(false);
    }

    private Live Load(SessionRecord header, TenantScope tenant, string? teamId, MessageReceived message)
    {
        var sender = message.From;
        var stored = JsonSerializer.Deserialize<StoredGroup>(header.StateJson)
                     ?? throw new InvalidOperationException($"Channel practice {header.SessionId} has no state.");
        var names = stored.Names.SelectMany(n => WordingFor.NamesOf(n.Value, n.Key))
            .Concat(WordingFor.NamesOf(NameOf(sender), sender.UserId)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var voice = new WordingFor(tenant, teamId, names) { Typing = message.ShowTyping };
        return new Live(header, stored, GroupSession.Restore(engine, stored.Options, stored.Roles, stored.Session), voice, message.At);
    }

    private Persona? PersonaOf(SessionRecord header) => catalog.Personas.GetValueOrDefault(header.PersonaId);

    private static string NameOf(ChannelUser user) => user.DisplayName ?? user.UserId;

    /// <summary>A Slack slash command arrives as "/practice facilitate x": the same words as a mention.</summary>
    private static string StripSlashPractice(string text) =>
        text.StartsWith("/practice ", StringComparison.OrdinalIgnoreCase) ? text["/practice ".Length..].TrimStart() : text;

    private static (string Verb, string Words) SplitVerb(string text)
    {
        var space = text.IndexOfAny([' ', '\t', '\n', '\r']);
        return space < 0 ? (text.ToLowerInvariant(), "") : (text[..space].ToLowerInvariant(), text[(space + 1)..].Trim());
    }
}
