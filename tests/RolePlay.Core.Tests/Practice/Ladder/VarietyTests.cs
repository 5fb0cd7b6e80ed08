using RolePlay.Core.Practice;
using Xunit.Abstractions;

namespace RolePlay.Core.Tests.Practice.Ladder;

/// <summary>Meeting a persona again is not a rerun: ten sessions of one learner with one persona, each told what
/// the learner heard before (as the router does from stored sessions), hold mostly new lines.</summary>
public sealed class VarietyTests(ITestOutputHelper output)
{
    private const int Sessions = 10;

    /// <summary>Three times the 20 distinct lines in 10 sessions that a reviewer counted on the first engine.</summary>
    private const int MinDistinct = 60;

    /// <summary>Three times the share of distinct lines the reviewer counted (20 of 70), for scenes that end sooner.</summary>
    private const double MinDistinctShare = 3 * 20 / 70.0;

    [Fact]
    public void Ten_sessions_with_one_persona_hold_sixty_distinct_customer_lines_or_three_times_the_old_share()
    {
        foreach (var scenario in LadderRun.Scripts.Keys.Order(StringComparer.Ordinal))
        {
            var heard = new List<string>();
            var distinct = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < Sessions; i++)
            {
                var kind = LadderRun.Kinds[i % LadderRun.Kinds.Length];
                var session = LadderRun.Engine.Start(new SessionOptions(scenario, Seed: 100 + i, PriorLines: [.. heard]));
                foreach (var message in LadderRun.Scripts[scenario][kind])
                {
                    if (session.IsOver)
                    {
                        break;
                    }

                    session.Respond(message);
                }

                // The scene's scripted event line is the scenario's, said once a scene by design, not the persona's voice.
                var scripted = LadderRun.Catalog.Scenarios[scenario].Event?.Line;
                var said = session.Transcript.Where(u => u.Speaker == Speaker.Customer && u.Text != scripted).Select(u => u.Text).ToList();
                heard.AddRange(said);
                distinct.UnionWith(said);
            }

            output.WriteLine($"{scenario}: {distinct.Count} distinct of {heard.Count} customer lines in {Sessions} sessions");
            Assert.True(distinct.Count >= MinDistinct || (double)distinct.Count / heard.Count >= MinDistinctShare,
                $"{scenario}: only {distinct.Count} distinct of {heard.Count} customer lines in {Sessions} sessions");
        }
    }
}
