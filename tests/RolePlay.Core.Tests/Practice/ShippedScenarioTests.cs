using RolePlay.Core.Content;
using RolePlay.Core.Content.Loading;
using RolePlay.Core.Detection;
using RolePlay.Core.Detection.Learned;
using RolePlay.Core.Practice;

namespace RolePlay.Core.Tests.Practice;

/// <summary>Every shipped scenario, played with the shipped detector and voice by a warm agent with a generic script
/// (it knows nothing of the scenario, so it need not resolve it: the ladder's scenario-aware agent must) and by a
/// cold, blaming one: the two must end in clearly different places.</summary>
public class ShippedScenarioTests
{
    private static readonly ContentCatalog Catalog = ContentLoader.LoadShipped().EnsureValid();
    private static readonly PracticeEngine Engine = new(Catalog, LearnedDetector.Shipped, new RuleBasedPersonaVoice());

    /// <summary>A skilled agent: names the feeling, asks, summarises and checks, holds the limit kindly with an
    /// alternative, offers a choice, and commits to who and when — acknowledging an outage if one starts.</summary>
    private static readonly string[] WarmAgent =
    [
        "I'm so sorry, that sounds really stressful, and I can hear how worried you are. What's been happening so far?",
        "So just to check I've got it right: this still isn't sorted and you need it fixed quickly — is that right? I can't change the policy itself, but what I can do is look at every other option with you.",
        "Here's what I'll do: I'll sort this myself right now and call you back by 3pm today to confirm it's done. Would a call or a text suit you better?",
        "I can see our system has just gone down, I'm sorry, that's awful timing. I'll ring you back by 4pm today as soon as it's back up, and I'll text you my direct number now.",
        "Thank you for bearing with me. I'll stay on this until it's fixed and email you a written confirmation by 5pm today.",
        "You've been really patient. I'll personally check it tomorrow morning at 9 and message you the result.",
        "I really appreciate you explaining all this. I'll call you at 10am tomorrow to make sure everything is working.",
        "Is there anything else that's worrying you? I'll note it on your account now so nobody asks you again.",
    ];

    /// <summary>An agent having a bad day: blames, minimises and rushes.</summary>
    private static readonly string[] ColdAgent =
    [
        "You should have read the terms before you signed up.",
        "Calm down, it's only a small problem, it's not a big deal.",
        "That's not my department, the billing team messed it up, not me.",
        "It's policy, there's nothing I can do, you'll just have to wait.",
        "Look, I don't have time for this, you should have called earlier.",
        "Whatever, it's your fault for not checking, try again later.",
        "Not my problem. The warehouse lot always mess this up.",
        "I already told you, it's just how it is.",
    ];

    public static TheoryData<string> ScenarioIds => new(Catalog.Scenarios.Keys.Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(ScenarioIds))]
    public void A_warm_agent_and_a_cold_agent_end_in_clearly_different_places(string scenarioId)
    {
        var warm = Play(scenarioId, WarmAgent);
        var cold = Play(scenarioId, ColdAgent);

        // The warm script knows nothing of the scenario: in a three-turn scene whose customer changes what they
        // want, it talks past the change and earns little (the scenario-aware agent of the ladder must do well).
        // It still never does the harm the cold one does.
        Assert.Contains(cold.Outcome, new[] { SessionOutcome.Escalated, SessionOutcome.Unresolved });
        Assert.True(warm.FinalMood.Frustration + 2 <= cold.FinalMood.Frustration,
            $"frustration warm {warm.FinalMood.Frustration} vs cold {cold.FinalMood.Frustration}");
        Assert.True(warm.FinalMood.Trust >= cold.FinalMood.Trust + 2,
            $"trust warm {warm.FinalMood.Trust} vs cold {cold.FinalMood.Trust}");
        Assert.All(cold.Success.Values, r => Assert.False(r.Met));
        Assert.True(RubricTotal(warm) >= RubricTotal(cold), $"rubric warm {RubricTotal(warm)} vs cold {RubricTotal(cold)}");
        Assert.DoesNotContain(warm.Rubric.SelectMany(r => r.Evidence), e => e.Cost && e.Label is Behaviour.Blame or Behaviour.Dismissive);
        Assert.Contains(cold.Rubric.SelectMany(r => r.Evidence), e => e.Cost);
    }

    [Theory]
    [MemberData(nameof(ScenarioIds))]
    public void Every_shipped_scenario_plays_to_an_end_without_repeating_a_line(string scenarioId)
    {
        foreach (var intensity in Enum.GetValues<Intensity>())
        {
            var session = Engine.Start(new SessionOptions(scenarioId, Seed: 11, Intensity: intensity));
            foreach (var message in WarmAgent.Zip(ColdAgent).SelectMany(p => new[] { p.First, p.Second }))
            {
                if (session.IsOver)
                {
                    break;
                }

                session.Respond(message);
            }

            if (!session.IsOver)
            {
                session.End();
            }

            // Whole replies, not the short bursts a patchy connection splits them into ("ok." may well come twice).
            var replies = session.State.Turns.Select(t => t.CustomerReply).ToList();
            Assert.Equal(replies.Count, replies.Distinct(StringComparer.Ordinal).Count());
            Assert.True(session.Report().Scored);
        }
    }

    private static PracticeReport Play(string scenarioId, IEnumerable<string> agent)
    {
        var session = Engine.Start(new SessionOptions(scenarioId, Seed: 7));
        foreach (var message in agent)
        {
            if (session.IsOver)
            {
                break;
            }

            session.Respond(message);
        }

        if (!session.IsOver)
        {
            session.End();
        }

        return session.Report();
    }

    private static int RubricTotal(PracticeReport report) => report.Rubric.Sum(r => r.Score);
}
