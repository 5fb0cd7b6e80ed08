using RolePlay.Core.Content;
using RolePlay.Core.Detection;

namespace RolePlay.Core.Practice;

/// <summary>Scores the four criteria 0–4. Every point cites the agent's exact phrase that earned it (from
/// <see cref="IBehaviourDetector.Explain"/>), and every deduction quotes the phrase that cost it, prefixed "cost:".</summary>
internal sealed class RubricScorer
{
    public const int MaxScore = 4;

    private static readonly Behaviour[] Listening =
        [Behaviour.Empathy, Behaviour.OpenQuestion, Behaviour.Summary, Behaviour.Confirmation];

    private readonly IReadOnlyList<TurnLog> _turns;
    private readonly IBehaviourDetector _detector;
    private readonly Dictionary<int, IReadOnlyList<BehaviourEvidence>> _explained = [];

    public RubricScorer(IReadOnlyList<TurnLog> turns, IBehaviourDetector detector)
    {
        _turns = turns;
        _detector = detector;
    }

    public IReadOnlyList<RubricScore> Score(ServiceValues values) =>
    [
        ActiveListening(),
        AlignmentWithValues(values),
        ClarityOfSummary(),
        CollaborativeProblemShaping(),
    ];

    /// <summary>The exact phrase of a turn that showed a behaviour (the whole message if the detector cannot say).</summary>
    public string Phrase(TurnLog turn, Behaviour behaviour)
    {
        if (!_explained.TryGetValue(turn.Turn, out var evidence))
        {
            evidence = _detector.Explain(turn.AgentText);
            _explained[turn.Turn] = evidence;
        }

        foreach (var item in evidence)
        {
            if ((item.Behaviour & behaviour) != 0)
            {
                return item.Phrase;
            }
        }

        return turn.AgentText;
    }

    private RubricScore ActiveListening()
    {
        var evidence = new List<string>();
        var score = 0;
        foreach (var behaviour in Listening)
        {
            var turn = FirstLanded(behaviour);
            if (turn is not null)
            {
                score++;
                evidence.Add(Cite(turn, behaviour));
            }
        }

        score -= Costs(Behaviour.Dismissive, evidence);
        return new(RubricCriterion.ActiveListening, Clamp(score), evidence);
    }

    private RubricScore AlignmentWithValues(ServiceValues values)
    {
        var evidence = new List<string>();
        var met = 0;
        foreach (var value in values.Values)
        {
            var shown = ShownValue(value);
            if (shown is not null)
            {
                met++;
                evidence.Add($"{value.Name}: {shown}");
            }
        }

        var score = (int)Math.Round(MaxScore * (double)met / values.Values.Count, MidpointRounding.AwayFromZero);
        score -= Costs(ReactionPolicy.Harmful, evidence);
        return new(RubricCriterion.AlignmentWithValues, Clamp(score), evidence);
    }

    private RubricScore ClarityOfSummary()
    {
        var evidence = new List<string>();
        var summary = FirstLanded(Behaviour.Summary);
        if (summary is null)
        {
            return new(RubricCriterion.ClarityOfSummary, 0, evidence);
        }

        var score = 2;
        evidence.Add(Cite(summary, Behaviour.Summary));
        var confirmation = FirstLanded(Behaviour.Confirmation);
        if (confirmation is not null)
        {
            score++;
            evidence.Add(Cite(confirmation, Behaviour.Confirmation));
        }
        else if (summary.Reaction == Reaction.SummaryConfirmed)
        {
            score++;
            evidence.Add($"turn {summary.Turn}: the customer confirmed the summary: \"{summary.CustomerReply}\"");
        }

        // Summarising before solving is what makes the next step the right one.
        var nextStep = FirstLanded(Behaviour.NextStep);
        if (nextStep is null || summary.Turn <= nextStep.Turn)
        {
            score++;
        }
        else
        {
            evidence.Add($"cost: turn {nextStep.Turn}: \"{Phrase(nextStep, Behaviour.NextStep)}\" came before any summary");
        }

        return new(RubricCriterion.ClarityOfSummary, Clamp(score), evidence);
    }

    private RubricScore CollaborativeProblemShaping()
    {
        var evidence = new List<string>();
        var score = 0;
        var collaboration = FirstLanded(Behaviour.Collaboration);
        if (collaboration is not null)
        {
            score += 2;
            evidence.Add(Cite(collaboration, Behaviour.Collaboration));
        }

        var nextStep = FirstLanded(Behaviour.NextStep);
        if (nextStep is not null)
        {
            score++;
            evidence.Add(Cite(nextStep, Behaviour.NextStep));
        }

        var shaped = FirstWith(Reaction.OpensUp, Behaviour.OpenQuestion) ?? FirstWith(Reaction.BoundaryAccepted, Behaviour.Boundary);
        if (shaped is not null)
        {
            score++;
            evidence.Add(shaped);
        }

        score -= Costs(Behaviour.Blame, evidence);
        return new(RubricCriterion.CollaborativeProblemShaping, Clamp(score), evidence);
    }

    private string? ShownValue(ServiceValue value)
    {
        foreach (var turn in _turns)
        {
            if ((turn.Labels & ReactionPolicy.Harmful) != 0)
            {
                continue;
            }

            var shown = turn.Landed & value.EmbodiedBy;
            if (shown != Behaviour.None)
            {
                return Cite(turn, shown);
            }

            foreach (var phrase in value.PhraseList)
            {
                if (TextMatch.ContainsWord(turn.AgentText, phrase))
                {
                    return $"turn {turn.Turn}: \"{turn.AgentText}\"";
                }
            }
        }

        return null;
    }

    private string? FirstWith(Reaction reaction, Behaviour behaviour)
    {
        foreach (var turn in _turns)
        {
            if (turn.Reaction == reaction && (turn.Landed & behaviour) != 0)
            {
                return Cite(turn, behaviour);
            }
        }

        return null;
    }

    private TurnLog? FirstLanded(Behaviour behaviour)
    {
        foreach (var turn in _turns)
        {
            if ((turn.Landed & behaviour) != 0)
            {
                return turn;
            }
        }

        return null;
    }

    /// <summary>One point off per turn showing a harmful behaviour, each quoted.</summary>
    private int Costs(Behaviour harmful, List<string> evidence)
    {
        var cost = 0;
        foreach (var turn in _turns)
        {
            var shown = turn.Labels & harmful;
            if (shown != Behaviour.None)
            {
                cost++;
                evidence.Add($"cost: {Cite(turn, shown)}");
            }
        }

        return cost;
    }

    private string Cite(TurnLog turn, Behaviour behaviours)
    {
        var first = FirstFlag(behaviours);
        return $"turn {turn.Turn}: \"{Phrase(turn, first)}\" ({BehaviourNames.ToName(first)})";
    }

    private static Behaviour FirstFlag(Behaviour set)
    {
        foreach (var single in BehaviourNames.All)
        {
            if ((set & single) != 0)
            {
                return single;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(set), set, "No behaviour to cite.");
    }

    private static int Clamp(int score) => Math.Clamp(score, 0, MaxScore);
}
