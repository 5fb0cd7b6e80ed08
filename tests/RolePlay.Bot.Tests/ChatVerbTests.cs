using System.Text.Json;

namespace RolePlay.Bot.Tests;

/// <summary>The <c>chat --json</c> contract, through the real executable with piped input.</summary>
public class ChatVerbTests
{
    private const string Warm = """
        I'm so sorry, that sounds really stressful, and I can hear how worried you are. What's been happening so far?
        So just to check I've got it right: this still isn't sorted and you need it fixed quickly — is that right?
        Here's what I'll do: I'll sort this myself right now and call you back by 3pm today to confirm it's done. Would a call or a text suit you better?
        Thank you for bearing with me. I'll stay on this until it's fixed and email you a written confirmation by 5pm today.
        """;

    private const string Cold = """
        You should have read the terms before you signed up.
        Calm down, it's only a small problem, it's not a big deal.
        That's not my department, the billing team messed it up, not me.
        It's policy, there's nothing I can do, you'll just have to wait.
        """;

    [Fact]
    public async Task Json_mode_prints_only_the_contract_document()
    {
        var result = await BotProcess.RunAsync(Warm, "chat", "--scenario", "late-delivery-birthday", "--seed", "3", "--intensity", "low", "--json");

        Assert.Equal(0, result.ExitCode);
        var root = JsonDocument.Parse(result.StdOut).RootElement;
        Assert.Equal("late-delivery-birthday", root.GetProperty("scenario").GetString());
        Assert.Equal("jake", root.GetProperty("persona").GetString());
        Assert.Equal(3, root.GetProperty("seed").GetInt32());
        Assert.Equal("low", root.GetProperty("intensity").GetString());
        Assert.Contains(root.GetProperty("outcome").GetString(), new[] { "resolved", "unresolved", "escalated", "paused", "stopped" });

        var transcript = root.GetProperty("transcript").EnumerateArray().ToList();
        Assert.All(transcript, t => Assert.Contains(t.GetProperty("role").GetString(), new[] { "customer", "agent", "coach" }));
        var agentLines = transcript.Where(t => t.GetProperty("role").GetString() == "agent").ToList();
        Assert.Contains("empathy", agentLines[0].GetProperty("labels").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal("customer", transcript.First(t => t.GetProperty("role").GetString() != "coach").GetProperty("role").GetString());

        var state = root.GetProperty("personaState");
        Assert.InRange(state.GetProperty("frustration").GetInt32(), 0, 10);
        Assert.InRange(state.GetProperty("trust").GetInt32(), 0, 10);
        Assert.Equal(JsonValueKind.True, root.GetProperty("success").GetProperty("validated_feelings").ValueKind);
        var rubric = root.GetProperty("rubric").EnumerateArray().ToList();
        Assert.Equal(["active_listening", "alignment_with_values", "clarity_of_summary", "collaborative_problem_shaping"],
            rubric.Select(r => r.GetProperty("criterion").GetString()));
        Assert.All(rubric, r => Assert.InRange(r.GetProperty("score").GetInt32(), 0, 4));
        Assert.False(string.IsNullOrEmpty(root.GetProperty("commitmentPrompt").GetString()));

        // Evidence stays the agent's exact phrases; each citation names the turn and label it came from.
        foreach (var score in rubric)
        {
            var evidence = score.GetProperty("evidence").EnumerateArray().Select(e => e.GetString()!).ToList();
            var citations = score.GetProperty("citations").EnumerateArray().ToList();
            Assert.Equal(evidence, citations.Select(c => c.GetProperty("phrase").GetString()));
            foreach (var citation in citations)
            {
                var turn = citation.GetProperty("turn").GetInt32();
                Assert.Contains(citation.GetProperty("phrase").GetString()!, agentLines[turn - 1].GetProperty("text").GetString()!, StringComparison.Ordinal);
                Assert.Contains(citation.GetProperty("effect").GetString(), new[] { "earned", "cost" });
                var label = citation.GetProperty("label");
                Assert.True(label.ValueKind == JsonValueKind.Null || agentLines[turn - 1].GetProperty("labels").EnumerateArray().Any(l => l.GetString() == label.GetString()),
                    $"turn {turn} cites {label} not among its labels");
            }

            Assert.False(string.IsNullOrEmpty(score.GetProperty("criterionName").GetString()));
            Assert.True(score.GetProperty("nextLevel").ValueKind is JsonValueKind.String or JsonValueKind.Null);
        }

        Assert.Contains(rubric, r => r.GetProperty("citations").GetArrayLength() > 0);
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_conversation_and_warm_beats_cold()
    {
        var warm1 = await BotProcess.RunAsync(Warm, "chat", "--scenario", "refund-outside-policy", "--seed", "42", "--json");
        var warm2 = await BotProcess.RunAsync(Warm, "chat", "--scenario", "refund-outside-policy", "--seed", "42", "--json");
        var cold = await BotProcess.RunAsync(Cold, "chat", "--scenario", "refund-outside-policy", "--seed", "42", "--json");

        Assert.Equal(warm1.StdOut, warm2.StdOut);
        var w = JsonDocument.Parse(warm1.StdOut).RootElement.GetProperty("personaState");
        var c = JsonDocument.Parse(cold.StdOut).RootElement.GetProperty("personaState");
        Assert.True(w.GetProperty("trust").GetInt32() > c.GetProperty("trust").GetInt32());
        Assert.True(w.GetProperty("frustration").GetInt32() < c.GetProperty("frustration").GetInt32());
    }

    [Theory]
    [InlineData("/stop", "stopped")]
    [InlineData("/pause", "paused")]
    public async Task Pause_and_stop_record_no_score(string command, string outcome)
    {
        var input = "I'm so sorry to hear that. What happened?\n" + command + "\n";
        var result = await BotProcess.RunAsync(input, "chat", "--scenario", "new-phone-setup", "--seed", "1", "--json");

        var root = JsonDocument.Parse(result.StdOut).RootElement;
        Assert.Equal(outcome, root.GetProperty("outcome").GetString());
        Assert.Empty(root.GetProperty("rubric").EnumerateArray());
        Assert.Empty(root.GetProperty("success").EnumerateObject());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("commitmentPrompt").ValueKind);
    }

    [Fact]
    public async Task Pausing_a_paused_practice_is_answered_and_the_scene_carries_on_after_resume()
    {
        var input = "I'm so sorry to hear that. What happened?\n/pause\n/pause\n/resume\nSo the phone won't restore your contacts, is that right?\n/end\n";
        var result = await BotProcess.RunAsync(input, "chat", "--scenario", "new-phone-setup", "--seed", "1", "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("This practice is already paused. Type /resume to carry on, or /stop to stop.", result.StdErr, StringComparison.Ordinal);
        var root = JsonDocument.Parse(result.StdOut).RootElement;
        Assert.Equal(2, root.GetProperty("transcript").EnumerateArray().Count(t => t.GetProperty("role").GetString() == "agent"));
    }

    [Fact]
    public async Task Text_mode_shows_the_scene_then_the_debrief_in_layers()
    {
        var result = await BotProcess.RunAsync(Warm + "/end\n", "chat", "--scenario", "new-phone-setup", "--seed", "5");

        Assert.Equal(0, result.ExitCode);
        var feelings = result.StdOut.IndexOf("1. Feelings first", StringComparison.Ordinal);
        var observations = result.StdOut.IndexOf("2. What happened", StringComparison.Ordinal);
        var commitment = result.StdOut.IndexOf("3. One commitment", StringComparison.Ordinal);
        Assert.True(result.StdOut.IndexOf("customer › ", StringComparison.Ordinal) is >= 0 and var c && c < feelings);
        Assert.True(feelings < observations && observations < commitment, result.StdOut);
    }

    [Fact]
    public async Task A_line_over_the_limit_is_refused_with_its_length_and_not_played()
    {
        var tooLong = string.Concat(Enumerable.Repeat("I'm so sorry, that sounds really stressful. ", 60)); // 2,639 once trimmed
        var result = await BotProcess.RunAsync(tooLong + "\n" + Warm, "chat", "--scenario", "late-delivery-birthday", "--seed", "3", "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("That message is 2,639 characters; I read up to 2,000, so it didn't count.", result.StdErr, StringComparison.Ordinal);
        var agentLines = JsonDocument.Parse(result.StdOut).RootElement.GetProperty("transcript").EnumerateArray()
            .Where(t => t.GetProperty("role").GetString() == "agent").Select(t => t.GetProperty("text").GetString()).ToList();
        Assert.DoesNotContain(agentLines, l => l!.Length > 2000);
        Assert.StartsWith("I'm so sorry, that sounds really stressful, and I can hear", agentLines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_scenarios_are_refused_with_the_known_ids()
    {
        var result = await BotProcess.RunAsync("", "chat", "--scenario", "no-such-thing");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no-such-thing", result.StdErr);
        Assert.Contains("late-delivery-birthday", result.StdErr);
    }
}
