using System.Text.Json;
using RolePlay.Core.Chat;
using RolePlay.Core.Practice;
using static RolePlay.Core.Tests.Practice.TestContent;

namespace RolePlay.Core.Tests.Practice;

public class ResumeAndDeterminismTests
{
    private static readonly string[] Script =
        [Say.Nothing, Say.OpenQuestion, Say.Empathy, Say.Nothing, Say.FlightQuestion, Say.SummaryAndConfirm, Say.NextStep];

    [Fact]
    public void The_state_round_trips_through_json()
    {
        var session = Play(Start("policy", seed: 7), [Say.EmpathyAndQuestion, Say.Nothing, Say.Blame]);
        session.Facilitate(new StartOutage("the CRM is down"));

        var json = JsonSerializer.Serialize(session.State);
        var back = JsonSerializer.Deserialize<SessionState>(json)!;

        Assert.Equal(json, JsonSerializer.Serialize(back));
        // Stored sessions stay readable and survive reordering of the engine's own enums.
        Assert.Contains("\"Outcome\":\"InProgress\"", json);
        Assert.Contains("\"Intensity\":\"Medium\"", json);
        Assert.Equal(session.State.Transcript, back.Transcript);
        Assert.Equal(session.State.Turns.Select(t => t with { Credits = null }), back.Turns.Select(t => t with { Credits = null }));
        Assert.Equal(session.State.Turns.SelectMany(t => t.CreditList), back.Turns.SelectMany(t => t.CreditList));
        Assert.NotEmpty(back.Turns.SelectMany(t => t.CreditList));
        Assert.Equal(session.State.Options, back.Options);
        Assert.Equal(session.State.Mood, back.Mood);
        Assert.True(back.OutageActive);
        Assert.True(back.UsedLines.SetEquals(session.State.UsedLines));
    }

    [Theory]
    [InlineData("long", "poor")]
    [InlineData("outage", null)]
    [InlineData("swap", "patchy")]
    public void Saving_to_json_and_restoring_before_every_turn_gives_the_same_future(string scenarioId, string? personaId)
    {
        var engine = Engine();
        var options = new SessionOptions(scenarioId, personaId, Seed: 42, Intensity: Intensity.High);
        var uninterrupted = engine.Start(options);
        var stored = JsonSerializer.Serialize(engine.Start(options).State);

        for (var i = 0; i < Script.Length && !uninterrupted.IsOver; i++)
        {
            var expected = uninterrupted.Respond(Script[i]);
            // A fresh engine, as a new process would have.
            var resumed = Engine().Restore(JsonSerializer.Deserialize<SessionState>(stored)!);
            var actual = resumed.Respond(Script[i]);
            Assert.Equal(expected.Replies, actual.Replies);
            Assert.Equal(expected.Mood, actual.Mood);
            if (i == 2)
            {
                Assert.Equal(uninterrupted.Facilitate(new InjectCue("cue-free")), resumed.Facilitate(new InjectCue("cue-free")));
            }

            stored = JsonSerializer.Serialize(resumed.State);
        }

        Assert.Equal(JsonSerializer.Serialize(uninterrupted.State), stored);
        Assert.Equal(
            JsonSerializer.Serialize(uninterrupted.Report()),
            JsonSerializer.Serialize(Engine().Restore(JsonSerializer.Deserialize<SessionState>(stored)!).Report()));
    }

    [Fact]
    public void A_paused_session_restores_paused_and_resumes()
    {
        var session = Play(Start("basic"), [Say.Empathy]);
        session.Pause();

        var restored = Engine().Restore(JsonSerializer.Deserialize<SessionState>(JsonSerializer.Serialize(session.State))!);

        Assert.Equal(SessionOutcome.Paused, restored.Outcome);
        restored.Resume();
        restored.Respond(Say.NextStep);
        Assert.Equal(2, restored.State.Turn);
    }

    [Fact]
    public void The_same_seed_gives_the_same_session()
    {
        var first = Play(Start("long", seed: 5, personaId: "poor"), Script);
        var second = Play(Start("long", seed: 5, personaId: "poor"), Script);

        Assert.Equal(first.Transcript, second.Transcript);
    }

    [Fact]
    public void Different_seeds_give_different_lines()
    {
        var transcripts = Enumerable.Range(0, 4)
            .Select(seed => string.Join("\n", Play(Start("long", seed: seed), Script).Transcript.Select(u => u.Text)))
            .ToList();

        Assert.Equal(transcripts.Count, transcripts.Distinct().Count());
    }

    [Fact]
    public void Stable_random_is_a_pinned_pure_function_of_its_inputs()
    {
        Assert.Equal(StableRandom.Hash(1, 2, RandomPurpose.Line, 3), StableRandom.Hash(1, 2, RandomPurpose.Line, 3));
        Assert.NotEqual(StableRandom.Hash(1, 2, RandomPurpose.Line), StableRandom.Hash(2, 2, RandomPurpose.Line));
        Assert.NotEqual(StableRandom.Hash(1, 2, RandomPurpose.Line), StableRandom.Hash(1, 3, RandomPurpose.Line));
        Assert.NotEqual(StableRandom.Hash(1, 2, RandomPurpose.Line), StableRandom.Hash(1, 2, RandomPurpose.Burst));
        // Pinned (computed independently from the FNV-1a spec): a change would silently alter every stored session's future.
        Assert.Equal(17747640086723887164UL, StableRandom.Hash(0, 0, RandomPurpose.Line));
    }
}
