using System.Text;
using RolePlay.Core.Content;
using RolePlay.Core.Detection;
using RolePlay.Core.Practice;
using Xunit.Abstractions;

namespace RolePlay.Core.Tests.Practice.Ladder;

/// <summary>The ladder: on every shipped scenario, agents of falling skill must land in falling places. The scripts
/// were written by someone who never read the engine; the engine was never tuned on their transcripts' scores
/// beyond what this test asserts.</summary>
public sealed class LadderTests(ITestOutputHelper output)
{
    private static readonly Lazy<IReadOnlyList<LadderRun.Played>> Runs = new(() => LadderRun.All().ToList());

    [Fact]
    public void A_criterion_quotes_each_phrase_once_and_never_a_message_beside_a_sentence_of_it()
    {
        foreach (var run in Runs.Value)
        {
            foreach (var score in run.Report.Rubric)
            {
                foreach (var quote in score.Evidence)
                {
                    Assert.DoesNotContain(score.Evidence, other => !ReferenceEquals(other, quote) && other.Turn == quote.Turn &&
                        other.Cost == quote.Cost && other.Phrase.Contains(quote.Phrase, StringComparison.Ordinal));
                }
            }
        }
    }

    [Fact]
    public void Agents_rank_by_skill_on_every_shipped_scenario()
    {
        var runs = Runs.Value;
        output.WriteLine(Table(runs));
        var byKind = runs.GroupBy(r => r.Kind).ToDictionary(g => g.Key, g => g.ToList());
        double Mean(string kind) => byKind[kind].Average(r => r.RubricTotal);
        double Resolved(string kind) => byKind[kind].Count(r => r.Report.Outcome == SessionOutcome.Resolved) / (double)byKind[kind].Count;

        var skilled = byKind[LadderRun.Skilled];
        var skilledWins = skilled.Count(r => r.AllSuccessMet && r.Report.Outcome == SessionOutcome.Resolved);
        Assert.True(skilledWins >= 0.8 * skilled.Count, $"skilled met every criterion and resolved on {skilledWins} of {skilled.Count}");

        Assert.True(Mean(LadderRun.Warm) < Mean(LadderRun.Skilled), $"warm {Mean(LadderRun.Warm):0.0} vs skilled {Mean(LadderRun.Skilled):0.0}");
        Assert.True(Resolved(LadderRun.Warm) <= Resolved(LadderRun.Skilled));
        foreach (var weak in new[] { LadderRun.Mediocre, LadderRun.StockEmpathy, LadderRun.Hoarder, LadderRun.Gibberish, LadderRun.Cold })
        {
            // Clearly below: a rubric at least 2.5 points lower and at most half the warm agent's resolved scenes.
            Assert.True(Mean(weak) <= Mean(LadderRun.Warm) - 2.5, $"{weak} {Mean(weak):0.0} is not clearly below warm {Mean(LadderRun.Warm):0.0}");
            Assert.True(Resolved(weak) <= Resolved(LadderRun.Warm) / 2, $"{weak} resolved {Resolved(weak):P0} against warm {Resolved(LadderRun.Warm):P0}");
            Assert.True(Resolved(weak) < Resolved(LadderRun.Warm), $"{weak} resolved {Resolved(weak):P0}, warm {Resolved(LadderRun.Warm):P0}");
        }

        Assert.All(byKind[LadderRun.Hoarder], r => Assert.NotEqual(SessionOutcome.Resolved, r.Report.Outcome));
        Assert.All(byKind[LadderRun.Gibberish], r => Assert.True(r.Report.FinalMood.Trust <= r.StartMood.Trust,
            $"{r.ScenarioId}: gibberish raised trust {r.StartMood.Trust} → {r.Report.FinalMood.Trust}"));
        Assert.All(byKind[LadderRun.StockEmpathy], r => Assert.True(r.Report.FinalMood.Frustration >= r.StartMood.Frustration - 1,
            $"{r.ScenarioId}: stock empathy calmed the customer {r.StartMood.Frustration} → {r.Report.FinalMood.Frustration}"));
    }

    [Fact]
    public void Every_transcript_is_coherent()
    {
        foreach (var run in Runs.Value)
        {
            var where = $"{run.ScenarioId}/{run.Kind}";
            var state = run.Session.State;
            var persona = LadderRun.Catalog.Personas[state.PersonaId];
            var customer = state.Transcript.Where(u => u.Speaker == Speaker.Customer).Select(u => u.Text).ToList();

            // Whole replies, not the short bursts a bad connection splits them into.
            var replies = state.Turns.Select(t => t.CustomerReply).ToList();
            Assert.True(replies.Count == replies.Distinct(StringComparer.Ordinal).Count(), $"{where}: a reply repeated\n{run.Transcript}");
            foreach (var fact in persona.Facts)
            {
                Assert.DoesNotContain(customer, line => line.Contains(fact.Text, StringComparison.Ordinal));
            }

            var firstLimit = state.Turns.FirstOrDefault(t => t.Reaction is Reaction.BoundaryPushback or Reaction.BoundaryAccepted
                || (t.Labels & Behaviour.Boundary) != 0)?.Turn ?? int.MaxValue;
            Assert.All(state.Turns.Where(t => t.Reaction == Reaction.ExceptionPush),
                t => Assert.True(t.Turn > firstLimit, $"{where}: exception push at turn {t.Turn} before any refusal\n{run.Transcript}"));

            var calm = run.Report.FinalMood.Frustration <= SceneRules.ResolvedMaxFrustration;
            if (run.Report.Outcome == SessionOutcome.Resolved)
            {
                Assert.True(run.AllSuccessMet && calm, $"{where}: resolved without every criterion met and a calm customer");
            }
            else if (run.Report.Outcome == SessionOutcome.Unresolved)
            {
                Assert.False(run.AllSuccessMet && calm, $"{where}: unresolved with every criterion met at frustration {run.Report.FinalMood.Frustration}");
            }
        }
    }

    [Fact]
    public void Nudges_never_ask_for_what_the_agent_just_did()
    {
        foreach (var run in Runs.Value)
        {
            var transcript = run.Session.Transcript;
            var agentTurn = 0;
            for (var i = 0; i < transcript.Count; i++)
            {
                if (transcript[i].Speaker == Speaker.Agent)
                {
                    agentTurn++;
                    continue;
                }

                if (transcript[i].Speaker != Speaker.Coach || agentTurn == 0 || !transcript[i].Text.StartsWith("Missed moment", StringComparison.Ordinal))
                {
                    continue;
                }

                var turn = run.Session.State.Turns[agentTurn - 1];
                var where = $"{run.ScenarioId}/{run.Kind} turn {turn.Turn}: \"{transcript[i].Text}\" right after \"{turn.AgentText}\"";
                Assert.False(transcript[i].Text.Contains("nobody has named it", StringComparison.Ordinal) && (turn.Landed & Behaviour.Empathy) != 0, where);
                Assert.False(transcript[i].Text.Contains("no open question", StringComparison.Ordinal) && (turn.Landed & Behaviour.OpenQuestion) != 0, where);
                Assert.False(transcript[i].Text.Contains("no next step", StringComparison.Ordinal) && (turn.Landed & Behaviour.NextStep) != 0, where);
            }
        }
    }

    [Fact]
    public void The_hoarder_is_nudged_for_not_listening()
    {
        Assert.All(Runs.Value.Where(r => r.Kind == LadderRun.Hoarder), run => Assert.Contains(run.Session.Transcript,
            u => u.Speaker == Speaker.Coach && u.Text.Contains("did not answer", StringComparison.Ordinal)));
    }

    private static string Table(IReadOnlyList<LadderRun.Played> runs)
    {
        var text = new StringBuilder();
        text.AppendLine("kind               rubric/16  resolved  all-success  mean frustration→  mean trust→");
        foreach (var kind in LadderRun.Kinds)
        {
            var ofKind = runs.Where(r => r.Kind == kind).ToList();
            text.AppendLine($"{kind,-18} {ofKind.Average(r => r.RubricTotal),6:0.0}    {ofKind.Count(r => r.Report.Outcome == SessionOutcome.Resolved),2}/{ofKind.Count}     {ofKind.Count(r => r.AllSuccessMet),2}/{ofKind.Count}        {ofKind.Average(r => r.StartMood.Frustration):0.0}→{ofKind.Average(r => r.Report.FinalMood.Frustration):0.0}          {ofKind.Average(r => r.StartMood.Trust):0.0}→{ofKind.Average(r => r.Report.FinalMood.Trust):0.0}");
        }

        return text.ToString();
    }
}
