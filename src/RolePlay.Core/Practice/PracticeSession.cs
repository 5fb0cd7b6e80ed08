using RolePlay.Core.Content;
using RolePlay.Core.Detection;

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

    internal void Open(IReadOnlyList<WarmUp> warmUps) =>
        OpeningBuilder.Build(State, _plan, warmUps, (reaction, script) => CustomerSays(reaction, null, script, null));

    public TurnResult Respond(string agentText)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(agentText);
        EnsureLive();
        var state = State;
        var labels = _detector.Detect(agentText);
        state.Turn++;
        state.Transcript.Add(new Utterance(Speaker.Agent, agentText, labels));
        var firstReply = state.Transcript.Count;

        var decision = ReactionPolicy.Decide(state, _plan, labels, agentText);
        SceneRules.Advance(state, _plan, labels, decision);

        var spoken = decision.Reaction;
        if (state.Frustration >= MoodModel.Max)
        {
            spoken = Reaction.Escalates;
            state.Outcome = SessionOutcome.Escalated;
        }
        else if (SceneRules.GoalMet(state, _plan))
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

        var reply = CustomerSays(spoken, spoken == decision.Reaction ? decision.Fact : null, null, null);
        state.Turns.Add(new TurnLog(state.Turn, agentText, labels, decision.Landed, spoken, reply));
        RecordMissedMoments(state, agentText, labels, decision, reply);
        if (!IsOver)
        {
            RunScheduledEvents(state);
            ShowNudges(state, labels);
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

    public IReadOnlyList<Utterance> Pause()
    {
        EnsureLive();
        State.Outcome = SessionOutcome.Paused;
        return [Coach("Paused. Nothing is scored while you are away; resume whenever you are ready, or stop.")];
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
        return [Coach("Stopped. Nothing is scored. Thank you for practising; come back any time.")];
    }

    /// <summary>The learner ends the scene now: it is scored on the state so far.</summary>
    public IReadOnlyList<Utterance> End()
    {
        EnsureNotOver();
        State.GoalMet = SceneRules.GoalMet(State, _plan);
        State.Outcome = State.GoalMet ? SessionOutcome.Resolved : SessionOutcome.Unresolved;
        return [Coach($"You ended the scene ({Describe(State.Outcome)}). Here is your debrief.")];
    }

    public PracticeReport Report() => ReportBuilder.Build(State, _plan, _detector, _values);

    private string CustomerSays(Reaction reaction, HiddenFact? fact, string? script, string? goal)
    {
        var state = State;
        var bursts = _voice.Speak(new VoiceRequest(_plan.Persona, reaction, state.Mood, state.Options.Seed, state.Turn,
            state.UsedLines, fact, goal ?? state.Goal, script, Salt: state.Transcript.Count));
        foreach (var burst in bursts)
        {
            state.Transcript.Add(new Utterance(Speaker.Customer, burst));
        }

        return bursts.Count == 1 ? bursts[0] : string.Join(" ", bursts);
    }

    private void RecordMissedMoments(SessionState state, string agentText, Behaviour labels, TurnDecision decision, string reply)
    {
        var turn = state.Turn;
        if ((labels & ReactionPolicy.Harmful) != 0)
        {
            var what = (labels & Behaviour.Blame) != 0 ? "blame" : "dismissive";
            state.MissedMoments.Add($"turn {turn}: \"{agentText}\" came across as {what}; " +
                                    $"{_plan.Persona.Name} replied \"{reply}\"");
        }

        var blocked = labels & ~decision.Landed & ~ReactionPolicy.Harmful;
        if ((blocked & ReactionPolicy.Solutions) != 0 && _plan.Persona.NeedsFeelingNamedFirst)
        {
            state.MissedMoments.Add($"turn {turn}: a solution came before the feeling was named, so it did not land");
        }
        else if ((blocked & Behaviour.NextStep) != 0)
        {
            state.MissedMoments.Add($"turn {turn}: the outage was not acknowledged, so the next step did not land");
        }

        if (decision.Reaction == Reaction.BoundaryPushback)
        {
            state.MissedMoments.Add($"turn {turn}: the boundary came without empathy or an alternative; the customer pushed back");
        }

        if (!state.FeelingNamed && SceneRules.VoicesFeeling(decision.Reaction))
        {
            state.FeelingVoicedUnnamed++;
            if (state.FeelingVoicedUnnamed == CoachRules.FeelingVoicedLimit)
            {
                state.MissedMoments.Add($"turn {turn}: the customer said \"{reply}\"; the feeling was not named");
            }
        }
    }

    private void RunScheduledEvents(SessionState state)
    {
        if (_plan.OutageAtTurn == state.Turn && !state.OutageActive)
        {
            var script = _plan.Scenario.Event is { Kind: SceneEventKind.Outage } outage ? outage.Line : null;
            BeginOutage(script);
        }

        if (_plan.Scenario.Event is { Kind: SceneEventKind.GoalSwap } swap && swap.AtTurn == state.Turn)
        {
            BeginGoalSwap(swap.NewGoal ?? state.Goal, swap.Line);
        }

        if (_plan.HasTimePressure && state.Turn == _plan.TurnBudget - 1 && !state.TimePressureVoiced)
        {
            state.TimePressureVoiced = true;
            CustomerSays(Reaction.TimePressure, null, null, null);
        }
    }

    private void ShowNudges(SessionState state, Behaviour labels)
    {
        _due.Clear();
        CoachRules.Check(state, _plan, labels, _due);
        foreach (var trigger in _due)
        {
            Coach(_cues.TextFor(trigger, state.Options.Seed, state.Turn));
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
        CustomerSays(Reaction.OutageNoticed, null, script, null);
    }

    private void BeginGoalSwap(string newGoal, string? line)
    {
        SceneRules.SwapGoal(State, newGoal);
        CustomerSays(Reaction.GoalSwap, null, line, newGoal);
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
            if (State.Transcript[i].Speaker == Speaker.Customer)
            {
                return State.Transcript[i].Text;
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
