using RolePlay.Core.Storage;

namespace RolePlay.Core.Insights;

/// <summary>One thing that happened in practice, as it changes a week's insights. The same change is applied to the
/// person's row and to their team's row of that week, in one atomic write.</summary>
public abstract record InsightChange
{
    public abstract WeekInsights ApplyTo(WeekInsights week);

    /// <summary>A session was scored: one session, each criterion's score, the phrases that earned points (a "cost:"
    /// phrase cost points and is not a phrase that landed), and how often each behaviour was shown.</summary>
    public sealed record SessionScored(IReadOnlyList<StoredRubricScore> Scores, IReadOnlyDictionary<string, int> Behaviours)
        : InsightChange
    {
        public override WeekInsights ApplyTo(WeekInsights week)
        {
            var skills = new Dictionary<string, SkillTally>(week.Skills);
            var phrases = new Dictionary<string, IReadOnlyList<string>>(week.Phrases);
            foreach (var score in Scores)
            {
                skills[score.Criterion] = skills.GetValueOrDefault(score.Criterion, new SkillTally(0, 0)).Add(score.Score);
                var landed = score.Evidence.Where(e => !e.StartsWith(StoredRubricScore.CostPrefix, StringComparison.Ordinal)).ToArray();
                if (landed.Length > 0)
                {
                    var kept = phrases.GetValueOrDefault(score.Criterion, []);
                    phrases[score.Criterion] = landed.Concat(kept).Distinct().Take(WeekInsights.PhrasesPerSkill).ToArray();
                }
            }

            var behaviours = new Dictionary<string, int>(week.Behaviours);
            foreach (var (name, count) in Behaviours)
            {
                behaviours[name] = behaviours.GetValueOrDefault(name) + count;
            }

            return week with { Sessions = week.Sessions + 1, Skills = skills, Behaviours = behaviours, Phrases = phrases };
        }
    }

    public sealed record CommitmentMade : InsightChange
    {
        public override WeekInsights ApplyTo(WeekInsights week) => week with { CommitmentsMade = week.CommitmentsMade + 1 };
    }

    public sealed record CheckedIn(bool Kept) : InsightChange
    {
        public override WeekInsights ApplyTo(WeekInsights week) =>
            week with { CheckIns = week.CheckIns + 1, CommitmentsKept = week.CommitmentsKept + (Kept ? 1 : 0) };
    }

    /// <summary>A recognition or empathy win received (<paramref name="Delta"/> 1) or taken back (-1); never below 0.</summary>
    public sealed record Recognised(RecognitionKind Kind, int Delta) : InsightChange
    {
        public override WeekInsights ApplyTo(WeekInsights week) => Kind == RecognitionKind.Recognition
            ? week with { Recognitions = Math.Max(0, week.Recognitions + Delta) }
            : week with { EmpathyWins = Math.Max(0, week.EmpathyWins + Delta) };
    }
}
