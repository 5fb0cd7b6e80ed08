using RolePlay.Core.Content;
using RolePlay.Core.Content.Loading;
using RolePlay.Core.Detection;
using RolePlay.Core.Practice;
using RolePlay.Core.Text;

namespace RolePlay.Core.Tests.Practice;

/// <summary>The agent's paraverbal picture in the debrief, from fixed timestamps and the words: observations with the
/// figures in them, and nothing read into how anyone felt.</summary>
public sealed class ParaverbalPictureTests
{
    private static readonly ContentCatalog Catalog = ContentLoader.LoadShipped().EnsureValid();
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Jake (hurried, takes in 30 words) in a seeded scene, the opening sent at <see cref="T0"/>.</summary>
    private static PracticeSession Jake()
    {
        var session = new PracticeEngine(Catalog, new RuleBasedDetector(), new RuleBasedPersonaVoice())
            .Start(new SessionOptions("late-delivery-birthday", Seed: 7));
        session.Stamp(0, null, T0);
        return session;
    }

    /// <summary>The agent's message sent <paramref name="after"/> the previous line, answered a second later.</summary>
    private static void Say(PracticeSession session, string text, TimeSpan after)
    {
        var from = session.Transcript.Count;
        var sent = session.Transcript.Max(u => u.At!.Value) + after;
        session.Respond(text);
        session.Stamp(from, sent, sent.AddSeconds(1));
    }

    private static int CustomerWordsBefore(PracticeSession session, int agentTurn)
    {
        var agents = session.Transcript.Select((u, i) => (u, i)).Where(x => x.u.Speaker == Speaker.Agent).Select(x => x.i).ToList();
        var at = agents[agentTurn - 1];
        var start = agentTurn == 1 ? 0 : agents[agentTurn - 2] + 1;
        return Words.Count(string.Join(" ", session.Transcript.Skip(start).Take(at - start)
            .Where(u => u.Speaker == Speaker.Customer && u.Seen.Length > 0).Select(u => u.Seen)));
    }

    private static IReadOnlyList<string> Picture(PracticeSession session) => ParaverbalPicture.Of(session.State, Catalog.Personas["jake"]);

    [Fact]
    public void Each_turn_says_how_long_the_answer_took_against_what_it_answered()
    {
        const string first = "I'm so sorry, that sounds really stressful. What happened?";
        const string second = "So the headset is stuck in Dallas and the birthday is tomorrow, is that right?";
        var session = Jake();
        Say(session, first, TimeSpan.FromSeconds(6));
        Say(session, second, TimeSpan.FromMinutes(3));

        var picture = Picture(session);

        Assert.Equal($"turn 1: you answered Jake's {CustomerWordsBefore(session, 1)}-word worry in 6 seconds with {Words.Count(first)} words.", picture[0]);
        Assert.StartsWith($"turn 2: you answered Jake's {CustomerWordsBefore(session, 2)}-", picture[1], StringComparison.Ordinal);
        Assert.Contains($" in 3 minutes with {Words.Count(second)} words", picture[1], StringComparison.Ordinal);
        Assert.Equal(ParaverbalPicture.Limits, picture[^1]);
    }

    [Fact]
    public void A_quick_answer_is_one_second_not_one_seconds()
    {
        var session = Jake();
        Say(session, "I'm so sorry, that sounds really stressful. What happened?", TimeSpan.FromSeconds(1.2));

        Assert.Contains("worry in 1 second with", Picture(session)[0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_silence_after_a_worry_a_wall_of_text_stacked_questions_and_exclamations_are_each_named()
    {
        var session = Jake();
        var wall = string.Join(' ', Enumerable.Repeat("I completely understand how frustrating this must be for you", 4)) + ". What happened? When? Which store?!!";

        Say(session, wall, TimeSpan.FromSeconds(50)); // Jake is in a hurry: 45 s is already a long wait to him

        var line = Picture(session)[0];
        Assert.Contains("worry in 50 seconds with 45 words: a long silence after Jake voiced a worry; more than the 30 words Jake takes in comfortably; " +
                        "3 questions in one message; 2 exclamation marks.", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Formal_words_to_a_customer_who_writes_casually_are_named_with_the_words()
    {
        var session = Jake();
        Say(session, "Kindly note that we apologise for the delay. 🙂", TimeSpan.FromSeconds(20));

        var picture = Picture(session);

        Assert.EndsWith("an emoji.", picture[0], StringComparison.Ordinal);
        Assert.Contains("Jake wrote casually; your words were formal (\"Kindly\"), which can read as distance.", picture);
    }

    [Fact]
    public void Time_away_on_pause_is_not_counted_as_the_agents_silence()
    {
        var session = Jake();
        var paused = session.Transcript.Count;
        session.Pause();
        session.Stamp(paused, null, T0.AddSeconds(10));
        var resumed = session.Transcript.Count;
        session.Resume();
        session.Stamp(resumed, null, T0.AddMinutes(30));

        Say(session, "Sorry about that. What happened with the parcel?", TimeSpan.FromSeconds(8));

        Assert.Contains("worry in 8 seconds with 8 words.", Picture(session)[0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_session_with_no_timestamps_has_no_picture_and_the_debrief_carries_it_when_it_has()
    {
        var unstamped = new PracticeEngine(Catalog, new RuleBasedDetector(), new RuleBasedPersonaVoice())
            .Start(new SessionOptions("late-delivery-birthday", Seed: 7));
        unstamped.Respond("I'm so sorry, that sounds really stressful. What happened?");
        unstamped.End();
        Assert.Empty(unstamped.Report().Debrief.Writing);

        var stamped = Jake();
        Say(stamped, "I'm so sorry, that sounds really stressful. What happened?", TimeSpan.FromSeconds(6));
        var ended = stamped.Transcript.Count;
        stamped.End();
        stamped.Stamp(ended, null, T0.AddMinutes(1));
        var debrief = stamped.Report().Debrief;
        Assert.Equal(Picture(stamped), debrief.Writing);
        Assert.Contains(debrief.Layers(), layer => layer.Title == "What happened" && layer.Lines.Contains(ParaverbalPicture.Limits));
    }
}
