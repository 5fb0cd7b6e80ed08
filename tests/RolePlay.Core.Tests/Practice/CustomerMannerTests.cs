using System.Text.Json;
using System.Text.Json.Nodes;
using RolePlay.Core.Content;
using RolePlay.Core.Detection.Learned;
using RolePlay.Core.Practice;
using RolePlay.Core.Scene;
using RolePlay.Core.Tests.Practice.Ladder;

namespace RolePlay.Core.Tests.Practice;

/// <summary>How the customer writes a reply (terse, raised, quiet, warm) follows the persona and their mood, is fixed by
/// the seed, is kept with the session, and changes nothing the engine decides.</summary>
public class CustomerMannerTests
{
    private const string Kwame = "market-day-card-reader"; // terse when upset, starts at frustration 8
    private const string Wei = "refund-outside-policy"; // loud
    private const string Dorothy = "new-phone-setup"; // quiet

    private static readonly Manner[] Styled = [Manner.Terse, Manner.Raised, Manner.Quiet, Manner.Warm];

    private static PracticeSession Play(string scenarioId, string kind, int seed, PracticeEngine? engine = null)
    {
        var session = (engine ?? LadderRun.Engine).Start(new SessionOptions(scenarioId, Seed: seed));
        foreach (var message in LadderRun.Scripts[scenarioId][kind].TakeWhile(_ => !session.IsOver))
        {
            session.Respond(message);
        }

        return session;
    }

    private static List<Utterance> CustomerLines(PracticeSession session) =>
        session.Transcript.Where(u => u.Speaker == Speaker.Customer).ToList();

    /// <summary>A line's words without case or punctuation: what styling may never change.</summary>
    private static string WordsOf(string text) =>
        string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string(w.Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant()).Where(w => w.Length > 0));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void A_tense_customer_who_is_blamed_answers_terse_and_lowercase_every_word_kept(int seed)
    {
        var session = LadderRun.Engine.Start(new SessionOptions(Kwame, Seed: seed));

        var reply = session.Respond(LadderRun.Scripts[Kwame][LadderRun.Cold][0]).Replies.Where(u => u.Speaker == Speaker.Customer).ToList();

        Assert.All(reply, line =>
        {
            Assert.Equal(Manner.Terse, line.Manner);
            Assert.DoesNotContain(line.Seen.Split(' ').Where(w => !w.Any(char.IsDigit)), w => w.Any(char.IsUpper));
            Assert.DoesNotContain(',', line.Seen);
            Assert.DoesNotContain('!', line.Seen);
            Assert.False(line.Seen.EndsWith('.') && !line.Seen.EndsWith("...", StringComparison.Ordinal), line.Seen);
            Assert.Equal(WordsOf(line.Text), WordsOf(line.Seen));
        });
        Assert.Contains(reply, line => line.Seen != line.Text);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void A_loud_customer_near_escalation_raises_their_voice(int seed)
    {
        var session = Play(Wei, LadderRun.Cold, seed);

        var escalation = CustomerLines(session).Last();
        Assert.Equal(SessionOutcome.Escalated, session.Outcome);
        Assert.Equal(Manner.Raised, escalation.Manner);
        Assert.True(escalation.Seen.EndsWith("!!", StringComparison.Ordinal) || escalation.Seen.EndsWith("??", StringComparison.Ordinal), escalation.Seen);
        Assert.Contains(escalation.Seen.Split(' '), w => w.Count(char.IsLetter) >= 2 && w.Where(char.IsLetter).All(char.IsUpper)
            && !escalation.Text.Contains(w, StringComparison.Ordinal));
        Assert.Equal(WordsOf(escalation.Text), WordsOf(escalation.Seen));
    }

    [Fact]
    public void A_quiet_customer_who_is_hurt_trails_off_and_is_shown_typing_for_longer_before_it()
    {
        var session = LadderRun.Engine.Start(new SessionOptions(Dorothy, Seed: 4, Intensity: Intensity.High));
        var persona = LadderRun.Catalog.Personas[LadderRun.Catalog.Scenarios[Dorothy].PersonaId];

        var turn = session.Respond(LadderRun.Scripts[Dorothy][LadderRun.Cold][0]);

        var reply = turn.Replies.First(u => u.Speaker == Speaker.Customer);
        Assert.Equal(Manner.Quiet, reply.Manner);
        Assert.StartsWith("...", reply.Seen, StringComparison.Ordinal);
        Assert.DoesNotContain('!', reply.Seen);
        var shown = Replies.From(turn.Replies, persona).OfType<Core.Chat.TextOut>().First(t => t.Customer is not null);
        Assert.Equal(reply.Seen, shown.Customer!.Words);
        Assert.Equal(persona.Name, shown.Customer.Name);
        Assert.Equal(TypingPause.Before(reply.Seen, persona.Artifacts.Network, hesitates: true), shown.Customer.Pause);
        Assert.True(shown.Customer.Pause >= TypingPause.Hesitation + TypingPause.Before(reply.Seen, persona.Artifacts.Network, hesitates: false));
    }

    [Fact]
    public void The_customer_types_at_the_pace_of_their_network_and_a_long_line_never_holds_the_practice_up()
    {
        const string Short = "ok";
        var paragraph = new string('x', 2000);

        Assert.True(TypingPause.Before(Short, NetworkQuality.Poor, false) > TypingPause.Before(Short, NetworkQuality.Good, false));
        Assert.True(TypingPause.Before(paragraph, NetworkQuality.Good, false) > TypingPause.Before(Short, NetworkQuality.Good, false));
        Assert.Equal(TypingPause.Before(paragraph, NetworkQuality.Good, false), TypingPause.Before(paragraph + paragraph, NetworkQuality.Poor, false));
        Assert.True(TypingPause.Before(paragraph, NetworkQuality.Good, false) <= TimeSpan.FromSeconds(2));
        // Bursts on a patchy connection land close together, however long they are.
        Assert.Equal(TypingPause.Before(Short, NetworkQuality.Patchy, false), TypingPause.Before(paragraph, NetworkQuality.Patchy, false));
        Assert.True(TypingPause.Before(Short, NetworkQuality.Patchy, false) < TypingPause.Before(Short, NetworkQuality.Good, false));
    }

    [Fact]
    public void Relief_shows_in_the_personas_own_words_first_once_before_the_end_and_never_beside_their_own_thanks()
    {
        var warm = new List<(Persona Persona, Utterance Line)>();
        foreach (var scenario in LadderRun.Scripts.Keys)
        {
            var persona = LadderRun.Catalog.Personas[LadderRun.Catalog.Scenarios[scenario].PersonaId];
            for (var seed = 1; seed <= 3; seed++)
            {
                var session = Play(scenario, LadderRun.Skilled, seed);
                var replies = CustomerReplies.From(session.Transcript, 0).ToList();
                Assert.True(replies.Count(r => r.Manner == Manner.Warm && session.Transcript[r.First].Reaction != Reaction.Resolved) <= 1);
                warm.AddRange(replies.Where(r => r.Manner == Manner.Warm).Select(r => (persona, session.Transcript[r.First])));
            }
        }

        Assert.NotEmpty(warm);
        Assert.All(warm, w =>
        {
            var relief = Assert.Single(w.Persona.Manner.Relief, r => w.Line.Seen.StartsWith(r + " ", StringComparison.Ordinal));
            Assert.Equal($"{relief} {w.Line.Text}", w.Line.Seen);
            Assert.DoesNotMatch(@"(?i)\bthank", w.Line.Text);
        });
    }

    [Fact]
    public void A_skilled_agent_hears_a_mostly_plain_customer_and_a_cold_one_an_upset_one()
    {
        int Share(string kind, Func<Manner?, bool> counted)
        {
            var lines = LadderRun.Scripts.Keys.SelectMany(s => CustomerLines(Play(s, kind, seed: 5))).ToList();
            return 100 * lines.Count(u => counted(u.Manner)) / lines.Count;
        }

        Assert.InRange(Share(LadderRun.Skilled, m => m is Manner.Terse or Manner.Raised or Manner.Quiet), 0, 5);
        Assert.InRange(Share(LadderRun.Skilled, m => m == Manner.Warm), 1, 15);
        Assert.InRange(Share(LadderRun.Cold, m => m is Manner.Terse or Manner.Raised or Manner.Quiet), 25, 75);
    }

    [Fact]
    public void The_same_seed_writes_every_reply_the_same_way_and_other_seeds_may_not()
    {
        string Manners(int seed) => string.Join("|", LadderRun.Scripts.Keys.Order(StringComparer.Ordinal)
            .SelectMany(s => CustomerLines(Play(s, LadderRun.Mediocre, seed))).Select(u => $"{u.Manner}:{u.Seen}"));

        Assert.Equal(Manners(9), Manners(9));
        Assert.Contains(Enumerable.Range(10, 5), seed => Manners(seed) != Manners(9));
    }

    /// <summary>What the engine decided, without how the lines were shown (their manner and styled words, and the
    /// debrief's quotes of them).</summary>
    private static string EngineView(SessionState state)
    {
        var json = JsonSerializer.SerializeToNode(state)!.AsObject();
        foreach (var line in json["Transcript"]!.AsArray())
        {
            line!.AsObject().Remove("Manner");
            line.AsObject().Remove("Styled");
        }

        foreach (var turn in json["Turns"]!.AsArray())
        {
            turn!.AsObject().Remove("CustomerReply");
        }

        json["MissedMoments"] = state.MissedMoments.Count;
        return json.ToJsonString();
    }

    [Fact]
    public void How_the_customer_writes_changes_nothing_the_engine_decides()
    {
        // The same personas writing their upset the other way and showing no relief: every manner changes.
        var swapped = LadderRun.Catalog with
        {
            Personas = LadderRun.Catalog.Personas.ToDictionary(p => p.Key, p => p.Value with
            {
                Manner = new PersonaManner(p.Value.Manner.Upset == Upset.Quiet ? Upset.Loud : Upset.Quiet, []),
            }),
        };
        var other = new PracticeEngine(swapped, LearnedDetector.Shipped, new RuleBasedPersonaVoice());
        var differed = 0;
        foreach (var scenario in LadderRun.Scripts.Keys)
        {
            foreach (var kind in new[] { LadderRun.Skilled, LadderRun.Mediocre, LadderRun.Cold })
            {
                var shipped = Play(scenario, kind, seed: 3);
                var plain = Play(scenario, kind, seed: 3, other);

                Assert.Equal(EngineView(shipped.State), EngineView(plain.State));
                Assert.Equal(JsonSerializer.Serialize(shipped.Report().Rubric.Select(r => (r.Criterion, r.Score, r.Evidence.Count))),
                    JsonSerializer.Serialize(plain.Report().Rubric.Select(r => (r.Criterion, r.Score, r.Evidence.Count))));
                Assert.Equal(shipped.Report().Success, plain.Report().Success);
                differed += CustomerLines(shipped).Zip(CustomerLines(plain)).Count(p => p.First.Seen != p.Second.Seen);
            }
        }

        Assert.True(differed > 10, $"only {differed} lines were written differently");
    }

    [Fact]
    public void The_manner_is_stored_with_the_session_and_a_session_stored_before_it_still_loads_and_plays_on()
    {
        var script = LadderRun.Scripts[Kwame][LadderRun.Cold];
        var session = LadderRun.Engine.Start(new SessionOptions(Kwame, Seed: 2));
        session.Respond(script[0]);

        var json = JsonSerializer.Serialize(session.State);
        Assert.Contains("\"Manner\":\"Terse\"", json, StringComparison.Ordinal);
        var back = JsonSerializer.Deserialize<SessionState>(json)!;
        Assert.Equal(session.State.Transcript, back.Transcript);
        Assert.Equal(json, JsonSerializer.Serialize(back));

        // A session stored before manners existed: its lines have neither field.
        var old = JsonNode.Parse(json)!.AsObject();
        foreach (var line in old["Transcript"]!.AsArray())
        {
            line!.AsObject().Remove("Manner");
            line.AsObject().Remove("Styled");
        }

        var restored = LadderRun.Engine.Restore(JsonSerializer.Deserialize<SessionState>(old.ToJsonString())!);
        Assert.All(restored.Transcript, u => Assert.Equal(u.Text, u.Seen));
        var expected = session.Respond(script[1]);
        var actual = restored.Respond(script[1]);
        Assert.Equal(expected.Replies.Select(u => (u.Text, u.Manner, u.Seen)), actual.Replies.Select(u => (u.Text, u.Manner, u.Seen)));
        Assert.Equal(expected.Mood, actual.Mood);
    }

    [Fact]
    public void A_model_voices_words_are_written_in_the_replys_manner()
    {
        var session = LadderRun.Engine.Start(new SessionOptions(Wei, Seed: 1));
        var script = LadderRun.Scripts[Wei][LadderRun.Cold];
        var first = 0;
        foreach (var message in script.TakeWhile(_ => !session.IsOver))
        {
            first = session.Transcript.Count + 1;
            session.Respond(message);
        }

        var reply = session.Transcript[first];
        Assert.Equal(Manner.Raised, reply.Manner);

        session.ShowWorded(first, ["Get me someone more senior than you."]);

        var shown = session.Transcript[first].Seen;
        Assert.EndsWith("!!", shown, StringComparison.Ordinal);
        Assert.Contains(shown.Split(' '), w => w.Length >= 2 && w.Where(char.IsLetter).All(char.IsUpper));
        Assert.Equal(WordsOf("Get me someone more senior than you."), WordsOf(shown));
        Assert.Equal(reply.Text, session.Transcript[first].Text);
    }

    [Fact]
    public void The_coach_quotes_the_customer_in_the_words_the_agent_read_not_the_engines_draft()
    {
        var session = LadderRun.Engine.Start(new SessionOptions(Wei, Seed: 1, Intensity: Intensity.Low));
        const string message = "Let me look into your account now.";
        var first = session.Transcript.Count + 1;
        session.Respond(message);
        session.ShowWorded(first, ["I renewed by accident and I have not used it once."]);
        var read = session.Transcript[first].Seen;
        Assert.NotEqual(session.Transcript[first].Text, read);

        // The same message again answers nothing the customer said: the coach names the missed moment.
        var coach = session.Respond(message).Replies.Where(u => u.Speaker == Speaker.Coach).Select(u => u.Text).ToList();

        var missed = Assert.Single(coach, t => t.StartsWith("Missed moment:", StringComparison.Ordinal));
        Assert.Contains($"\"{read}\"", missed, StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_heard_in_an_earlier_session_counts_as_heard_however_it_was_written()
    {
        var persona = LadderRun.Catalog.Personas["kwame"];
        var bank = persona.Lines.For(Reaction.Unheard);
        var voice = new RuleBasedPersonaVoice();
        VoiceRequest Request(IReadOnlyList<string>? prior) =>
            new(persona, Reaction.Unheard, new Mood(8, 2), Seed: 1, Turn: 1, new HashSet<string>()) { PriorLines = prior };

        // Every line but one was heard, each shown in a manner, after a lead, or with words of relief first.
        var said = string.Join(" ", voice.Speak(Request(null)));
        var left = bank.First(line => !said.EndsWith(line, StringComparison.Ordinal));
        var heard = bank.Where(line => line != left).Select((line, i) => (i % 3) switch
        {
            0 => line.ToLowerInvariant().TrimEnd('.'),
            1 => "Look. " + line.ToUpperInvariant() + "!!",
            _ => "..." + line,
        }).ToList();

        Assert.EndsWith(left, string.Join(" ", voice.Speak(Request(heard))), StringComparison.Ordinal);
    }
}
