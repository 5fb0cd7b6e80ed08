using RolePlay.Core.Content;
using RolePlay.Core.Detection;
using RolePlay.Core.Practice.Reading;

namespace RolePlay.Core.Practice;

/// <summary>One live role-play. All of it lives in <see cref="State"/>, so a chat host can store the state after
/// each request and restore it for the next one.</summary>
public sealed class PracticeSession
{
    private readonly ScenePlan _plan;
    private readonly IBehaviourDetector _detector;
    private readonly IPersonaVoice _voice;
    private readonly CueDeck _cues;
    private readonly ServiceValues _values;
    private readonly List<CueTrigger> _due = new(4);

    internal PracticeSession(SessionState state, ScenePlan plan, IBehaviourDetector detector, IPersonaVoice voice,
        CueDeck cues, ServiceValues values)
    {
        State = state;
        _plan = plan;
        _detector = detector;
        _voice = voice;
        _cues = cues;
        _values = values;
    }

    public SessionState State { get; }
    public IReadOnlyList<Utterance> Transcript => State.Transcript;
    public SessionOutcome Outcome => State.Outcome;

    public bool IsOver => Outcome is SessionOutcome.Resolved or SessionOutcome.Unresolved
        or SessionOutcome.Escalated or SessionOutcome.Stopped;

    public IReadOnlyList<Utterance> Opening => State.Transcript.GetRange(0, State.OpeningLength);

    internal void Open(IReadOnlyList<WarmUp> warmUps)
    {
        OpeningBuilder.Build(State, _plan, warmUps, (reaction, script) => CustomerSays(new TurnDecision(Behaviour.None, reaction), script, null));
        RunScheduledEvents(State);
        State.OpeningLength = State.Transcript.Count;
    }

    public TurnResult Respond(string agentText)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(agentText);
        EnsureLive();
        var state = State;
        var reading = TurnReader.Read(agentText, state, _plan, _detector);
        var labels = reading.Labels;
        state.Turn++;
        state.Transcript.Add(new Utterance(Speaker.Agent, agentText, labels));
        var firstReply = state.Transcript.Count;

        var decision = ReactionPolicy.Decide(state, _plan, reading);
        var before = state.Frustration;
        SceneRules.Advance(state, _plan, reading, decision);

        var spoken = decision.Reaction;
        if (SceneRules.Escalates(state))
        {
            spoken = Reaction.Escalates;
            state.Outcome = SessionOutcome.Escalated;
        }
        else if (SceneRules.GoalMet(state, _plan, atEnd: state.Turn >= _plan.TurnBudget))
        {
            spoken = Reaction.Resolved;
            state.Outcome = SessionOutcome.Resolved;
            state.GoalMet = true;
        }
        else if (state.Turn >= _plan.TurnBudget)
        {
            spoken = Reaction.TimeUp;
            state.Outcome = SessionOutcome.Unresolved;
        }

        var reply = spoken == decision.Reaction
            ? CustomerSays(decision, null, null, before)
            : CustomerSays(new TurnDecision(Behaviour.None, spoken), null, null, before);
        state.Turns.Add(new TurnLog(state.Turn, agentText, labels, decision.Landed, spoken, reply,
            CreditRules.For(state.Turn, agentText, reading, decision, _values)));
        RecordMissedMoments(state, agentText, reading, decision, reply);
        if (!IsOver)
        {
            RunScheduledEvents(state);
            ShowNudges(state, reading, decision);
        }

        return new TurnResult(labels, state.Transcript.GetRange(firstReply, state.Transcript.Count - firstReply),
            state.Outcome, state.Mood);
    }

    public IReadOnlyList<Utterance> Facilitate(FacilitatorAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        EnsureLive();
        var state = State;
        var first = state.Transcript.Count;
        switch (action)
        {
            case InjectCue cue:
                ArgumentException.ThrowIfNullOrWhiteSpace(cue.CueIdOrText, nameof(action));
                Coach(_cues.TextForInjected(cue.CueIdOrText));
                break;
            case StartOutage outage:
                ArgumentException.ThrowIfNullOrWhiteSpace(outage.Description, nameof(action));
                if (state.OutageActive)
                {
                    throw new InvalidOperationException("An outage is already under way in this scene.");
                }

                Coach($"Environment change: {outage.Description}");
                BeginOutage(null);
                break;
            case SwapGoal swap:
                ArgumentException.ThrowIfNullOrWhiteSpace(swap.NewGoal, nameof(action));
                Coach($"The customer's goal changes: {swap.NewGoal}");
                BeginGoalSwap(swap.NewGoal, swap.Line);
                break;
            default:
                throw new ArgumentException($"Unknown facilitator action {action.GetType().Name}.", nameof(action));
        }

        return state.Transcript.GetRange(first, state.Transcript.Count - first);
    }

    /// <summary>The answer to a pause of a paused practice, in every channel and the terminal.</summary>
    public const string AlreadyPaused = "This practice is already paused. Type /resume to carry on, or /stop to stop.";

    public IReadOnlyList<Utterance> Pause()
    {
        EnsureLive();
        State.Outcome = SessionOutcome.Paused;
        return [Coach("Paused. Nothing is scored while you are away, and nothing is lost: type /resume when you are ready, or /stop to stop.")];
    }

    public IReadOnlyList<Utterance> Resume()
    {
        if (Outcome != SessionOutcome.Paused)
        {
            throw new InvalidOperationException($"Only a paused session can resume; this one is {Describe(Outcome)}.");
        }

        State.Outcome = SessionOutcome.InProgress;
        var last = LastCustomerLine();
        return [Coach(last is null ? "Resumed." : $"Resumed. {_plan.Persona.Name} last said: \"{last}\"")];
    }

    public IReadOnlyList<Utterance> Stop()
    {
        EnsureNotOver();
        State.Outcome = SessionOutcome.Stopped;
        return [Coach("Stopped. Nothing was scored. Thank you for practising: type “start” whenever you want another.")];
    }

    /// <summary>The learner ends the scene now: it is scored on the state so far.</summary>
    public IReadOnlyList<Utterance> End()
    {
        EnsureNotOver();
        State.GoalMet = SceneRules.GoalMet(State, _plan, atEnd: true);
        State.Outcome = State.GoalMet ? SessionOutcome.Resolved : SessionOutcome.Unresolved;
        return [Coach($"You ended the scene ({Describe(State.Outcome)}). Here is your debrief.")];
    }

    public PracticeReport Report() => ReportBuilder.Build(State, _plan, _values);

    /// <summary>Stamps the lines from <paramref name="from"/> on that have no time yet: the agent's message with when it
    /// was sent (<paramref name="sentAt"/>), everything said back with <paramref name="answeredAt"/>.</summary>
    public void Stamp(int from, DateTimeOffset? sentAt, DateTimeOffset answeredAt)
    {
        var transcript = State.Transcript;
        for (var i = Math.Max(0, from); i < transcript.Count; i++)
        {
            if (transcript[i].At is null)
            {
                transcript[i] = transcript[i] with { At = transcript[i].Speaker == Speaker.Agent ? sentAt ?? answeredAt : answeredAt };
            }
        }
    }

    /// <summary>Shows the customer's reply that starts at transcript line <paramref name="first"/> in a model voice's
    /// <paramref name="words"/>, in the reply's manner: the agent reads them and the debrief quotes them, while the
    /// engine goes on reading its own line, so the scene runs exactly as it would with the rule voice. Words beyond the
    /// reply's bursts join its last one; bursts beyond the words are left empty.</summary>
    public void ShowWorded(int first, IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var transcript = State.Transcript;
        if (first < 0 || first >= transcript.Count || transcript[first] is not { Speaker: Speaker.Customer, Burst: 0 })
        {
            throw new ArgumentOutOfRangeException(nameof(first), "A reply starts at a customer line's first burst.");
        }

        if (words.Count == 0 || words.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("A worded reply has words in every burst.", nameof(words));
        }

        var bursts = CustomerReplies.Length(transcript, first);
        var drafted = string.Join(" ", transcript.GetRange(first, bursts).Select(u => u.Seen));
        // The model's words are written in the customer's manner too, so no wording undoes it.
        words = MannerStyle.Apply(words, transcript[first].Manner ?? Manner.Plain, StylePick(first), relief: null, TrailsOff(first));
        for (var i = 0; i < bursts; i++)
        {
            var worded = i < bursts - 1 ? (i < words.Count ? words[i] : "") : string.Join(" ", words.Skip(i));
            transcript[first + i] = transcript[first + i] with { Worded = worded };
        }

        // The debrief quotes what the agent read, not the engine's draft of it.
        var shown = string.Join(" ", words);
        var turn = State.Turn;
        for (var i = 0; i < State.Turns.Count; i++)
        {
            if (State.Turns[i] is { } log && log.Turn == turn && log.CustomerReply == drafted)
            {
                State.Turns[i] = log with { CustomerReply = shown };
            }
        }

        var quoted = $"\"{drafted}\"";
        var thisTurn = $"turn {turn}:";
        for (var i = 0; i < State.MissedMoments.Count; i++)
        {
            if (State.MissedMoments[i].StartsWith(thisTurn, StringComparison.Ordinal))
            {
                State.MissedMoments[i] = State.MissedMoments[i].Replace(quoted, $"\"{shown}\"", StringComparison.Ordinal);
            }
        }
    }

    /// <summary>Says the decision in the persona's voice and writes it in the manner the mood calls for; returns it as
    /// the agent reads it. <paramref name="before"/> is the frustration before the agent's message, when one caused it.</summary>
    private string CustomerSays(TurnDecision decision, string? script, string? goal, double? before = null)
    {
        var state = State;
        var salt = state.Transcript.Count;
        var bursts = _voice.Speak(new VoiceRequest(_plan.Persona, decision.Reaction, state.Mood, state.Options.Seed, state.Turn,
            state.UsedLines, decision.Fact, goal ?? state.Goal, script, Salt: salt)
        {
            Told = decision.Told,
            Slots = decision.Slots,
            PriorLines = state.Options.PriorLines,
        });
        var manner = MannerRules.Decide(_plan.Persona, decision.Reaction, string.Join(" ", bursts), before ?? state.Frustration,
            state.Frustration, state, salt);
        var relief = manner == Manner.Warm ? FreshRelief(salt) : null;
        if (manner == Manner.Warm && relief is null)
        {
            manner = Manner.Plain;
        }

        var shown = manner == Manner.Plain ? bursts : MannerStyle.Apply(bursts, manner, StylePick(salt), relief, TrailsOff(salt));
        for (var i = 0; i < bursts.Count; i++)
        {
            state.Transcript.Add(new Utterance(Speaker.Customer, bursts[i])
            {
                Reaction = decision.Reaction,
                Burst = i,
                Manner = manner == Manner.Plain ? null : manner,
                Styled = shown[i] == bursts[i] ? null : shown[i],
            });
        }

        return shown.Count == 1 ? shown[0] : string.Join(" ", shown);
    }

    /// <summary>The seed's choice of emphasis for the reply that starts at transcript line <paramref name="first"/>.</summary>
    private int StylePick(int first) => StableRandom.Below(16, State.Options.Seed, State.Turn, RandomPurpose.Manner, first + 1);

    /// <summary>Whether the customer's reply before transcript line <paramref name="first"/> was not quiet already.</summary>
    private bool TrailsOff(int first)
    {
        for (var i = first - 1; i >= 0; i--)
        {
            if (State.Transcript[i].Speaker == Speaker.Customer)
            {
                return State.Transcript[i].Manner != Manner.Quiet;
            }
        }

        return true;
    }

    /// <summary>One of the persona's words of relief not yet shown in this conversation, or none.</summary>
    private string? FreshRelief(int salt)
    {
        var fresh = _plan.Persona.Manner.Relief
            .Where(relief => !State.Transcript.Any(u => u.Seen.Contains(relief, StringComparison.Ordinal))).ToList();
        return fresh.Count == 0 ? null : fresh[StableRandom.Below(fresh.Count, State.Options.Seed, State.Turn, RandomPurpose.Manner, salt + 2)];
    }

    private void RecordMissedMoments(SessionState state, string agentText, TurnReading reading, TurnDecision decision, string reply)
    {
        var turn = state.Turn;
        var name = _plan.Persona.Name;
        if ((reading.Labels & ReactionPolicy.Harmful) != 0)
        {
            var what = reading.Has(Behaviour.Blame) ? "blame" : "dismissive";
            state.MissedMoments.Add($"turn {turn}: \"{agentText}\" came across as {what}; {name} replied \"{reply}\"");
        }

        if (reading.Repeated || reading.Recital)
        {
            state.MissedMoments.Add(reading.Repeated
                ? $"turn {turn}: you sent the same message again; {name} replied \"{reply}\""
                : $"turn {turn}: a checklist that answered nothing {name} had said; they replied \"{reply}\"");
        }

        var blocked = reading.Labels & ~decision.Landed & ~ReactionPolicy.Harmful;
        if (reading.PlanBlockedBy is { } limit)
        {
            state.MissedMoments.Add($"turn {turn}: the plan needed {ChannelText.Describe(limit.Channel)}, which {name} cannot use");
        }
        else if ((blocked & ReactionPolicy.Solutions) != 0 && _plan.Persona.NeedsFeelingNamedFirst)
        {
            state.MissedMoments.Add($"turn {turn}: a solution came before the feeling was named, so it did not land");
        }
        else if ((blocked & Behaviour.NextStep) != 0 && state.OutageActive)
        {
            state.MissedMoments.Add($"turn {turn}: the outage was not acknowledged, so the next step did not land");
        }

        switch (decision.Reaction)
        {
            case Reaction.CorrectsSummary:
                state.MissedMoments.Add($"turn {turn}: the summary got a detail wrong; {name} corrected it: \"{reply}\"");
                break;
            case Reaction.BoundaryPushback:
                state.MissedMoments.Add($"turn {turn}: the limit came without empathy or an alternative; {name} pushed back");
                break;
            case Reaction.WantsSpecifics:
                state.MissedMoments.Add($"turn {turn}: a promise with no owner or time; {name} asked for specifics");
                break;
            case Reaction.AsksJargon:
            case Reaction.TooLong:
                state.MissedMoments.Add($"turn {turn}: the message was hard for {name} to take in; they said \"{reply}\"");
                break;
        }

        if (!state.FeelingNamed && SceneRules.VoicesFeeling(decision.Reaction))
        {
            state.FeelingVoicedUnnamed++;
            if (state.FeelingVoicedUnnamed == CoachRules.FeelingVoicedLimit)
            {
                state.MissedMoments.Add($"turn {turn}: {name} said \"{reply}\"; the feeling was not named");
            }
        }
    }

    /// <summary>An event "at turn N" happens before the agent's Nth message: after turn N−1 (or in the opening for
    /// turn 1), so the agent can answer it in turn N.</summary>
    private void RunScheduledEvents(SessionState state)
    {
        var next = state.Turn + 1;
        if (_plan.OutageAtTurn == next && !state.OutageActive)
        {
            // The agent sees the outage before the customer mentions it, as a real desk would.
            Coach($"Environment change: {_plan.OutageDescription} Tell {_plan.Persona.Name} honestly what is down and what you can still do.");
            var script = _plan.Scenario.Event is { Kind: SceneEventKind.Outage } outage ? outage.Line : null;
            BeginOutage(script);
        }

        if (_plan.Scenario.Event is { Kind: SceneEventKind.GoalSwap } swap && swap.AtTurn == next)
        {
            BeginGoalSwap(swap.NewGoal ?? state.Goal, swap.Line);
        }

        if (_plan.HasTimePressure && state.Turn == _plan.TurnBudget - 1 && !state.TimePressureVoiced)
        {
            state.TimePressureVoiced = true;
            CustomerSays(new TurnDecision(Behaviour.None, Reaction.TimePressure), null, null);
        }
    }

    private void ShowNudges(SessionState state, TurnReading reading, TurnDecision decision)
    {
        _due.Clear();
        CoachRules.Check(state, _plan, reading, decision, _due);
        foreach (var trigger in _due)
        {
            Coach($"{CoachRules.Why(trigger, state, _plan)} {_cues.TextFor(trigger, state.Options.Seed, state.Turn)}");
            if (trigger == CueTrigger.NoOpenQuestion)
            {
                state.MissedMoments.Add($"turn {state.Turn}: no open question yet, so the customer's story stayed hidden");
            }
            else if (trigger == CueTrigger.NoNextStep)
            {
                state.MissedMoments.Add($"turn {state.Turn}: one turn left and no next step agreed");
            }
        }
    }

    private void BeginOutage(string? script)
    {
        SceneRules.StartOutage(State);
        CustomerSays(new TurnDecision(Behaviour.None, Reaction.OutageNoticed), script, null);
    }

    private void BeginGoalSwap(string newGoal, string? line)
    {
        SceneRules.SwapGoal(State, newGoal);
        CustomerSays(new TurnDecision(Behaviour.None, Reaction.GoalSwap), line, newGoal);
    }

    private Utterance Coach(string text)
    {
        var utterance = new Utterance(Speaker.Coach, text);
        State.Transcript.Add(utterance);
        return utterance;
    }

    private string? LastCustomerLine()
    {
        for (var i = State.Transcript.Count - 1; i >= 0; i--)
        {
            if (State.Transcript[i] is { Speaker: Speaker.Customer, Seen.Length: > 0 } line)
            {
                return line.Seen;
            }
        }

        return null;
    }

    private void EnsureLive()
    {
        EnsureNotOver();
        if (Outcome == SessionOutcome.Paused)
        {
            throw new InvalidOperationException("The session is paused: resume it first.");
        }
    }

    private void EnsureNotOver()
    {
        if (IsOver)
        {
            throw new InvalidOperationException($"The session is over ({Describe(Outcome)}).");
        }
    }

    private static string Describe(SessionOutcome outcome) => outcome.ToString().ToLowerInvariant();
}
