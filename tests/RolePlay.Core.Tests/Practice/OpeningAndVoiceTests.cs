using RolePlay.Core.Content;
using RolePlay.Core.Practice;
using static RolePlay.Core.Tests.Practice.TestContent;

namespace RolePlay.Core.Tests.Practice;

public class OpeningAndVoiceTests
{
    [Fact]
    public void The_opening_gives_purpose_safety_intensity_warm_up_brief_and_then_the_customer()
    {
        var session = Start("time", intensity: Intensity.High);
        var opening = session.Opening;
        var coach = opening.Where(u => u.Speaker == Speaker.Coach).Select(u => u.Text).ToList();

        Assert.Equal(5, opening.Count);
        Assert.Contains("Title of time", coach[0]);
        Assert.Contains("3 turns", coach[0]);
        Assert.Contains("pause or stop at any time", coach[1]);
        Assert.Contains("nothing is scored", coach[1]);
        Assert.Contains("Intensity: high", coach[1]);
        Assert.Contains("different intensity", coach[1]);
        Assert.StartsWith("Warm-up (optional): WARMUP-", coach[2]);
        Assert.Contains("BRIEF-time", coach[3]);
        Assert.Contains("validated feelings, agreed next step", coach[3]);
        Assert.Contains("TWO MINUTES LEFT", coach[3]);
        Assert.Equal(Speaker.Customer, opening[^1].Speaker);
        Assert.True(IsFrom(opening[^1].Text, "maria", Reaction.Opening));
        Assert.Equal(opening, session.Transcript);
    }

    [Fact]
    public void The_warm_up_is_optional_and_picked_by_seed()
    {
        var without = Start("basic", warmUp: false);
        var warmUps = Enumerable.Range(0, 12).Select(seed => Start("basic", seed: seed).Opening[2].Text).ToList();

        Assert.DoesNotContain(without.Opening, u => u.Text.StartsWith("Warm-up", StringComparison.Ordinal));
        Assert.Equal(4, without.Opening.Count);
        Assert.True(warmUps.Distinct().Count() > 1, "different seeds should reach different warm-ups");
        Assert.Equal(Start("basic", seed: 3).Opening[2], Start("basic", seed: 3).Opening[2]);
    }

    [Fact]
    public void A_patchy_connection_sends_a_line_as_bursts_at_sentence_boundaries()
    {
        var session = Start("patchy-basic");
        var customer = session.Opening.Where(u => u.Speaker == Speaker.Customer).Select(u => u.Text).ToList();

        Assert.Equal(2, customer.Count);
        Assert.Matches(@"^\[patchy:Opening:\d+\] My hotel booking for Friday is at risk\.$", customer[0]);
        Assert.Matches(@"^Line \d+, I'm so worried\.$", customer[1]);
    }

    [Fact]
    public void A_poor_connection_sometimes_cuts_the_last_burst_off()
    {
        var lasts = Enumerable.Range(0, 16)
            .Select(seed => Start("poor-basic", seed: seed).Opening[^1].Text)
            .ToList();

        Assert.Contains(lasts, last => last.EndsWith(", I'm so...", StringComparison.Ordinal));
        Assert.Contains(lasts, last => last.EndsWith(", I'm so worried.", StringComparison.Ordinal));
    }

    [Fact]
    public void A_good_connection_sends_one_message()
    {
        var session = Start("basic");

        Assert.Single(session.Opening, u => u.Speaker == Speaker.Customer);
    }

    [Theory]
    [InlineData("One. Two! Three? Four", new[] { "One.", "Two!", "Three?", "Four" })]
    [InlineData("Wait... what?! No", new[] { "Wait...", "what?!", "No" })]
    [InlineData("3.5 euros is fine", new[] { "3.5 euros is fine" })]
    [InlineData("  ", new[] { "  " })]
    public void Sentences_split_only_where_a_sentence_ends(string text, string[] expected) =>
        Assert.Equal(expected, RuleBasedPersonaVoice.SplitSentences(text));

    [Fact]
    public void The_voice_falls_back_to_neutral_lines_when_a_bank_is_spent_and_never_repeats()
    {
        var persona = Persona() with
        {
            Lines = new LineBanks(new Dictionary<Reaction, IReadOnlyList<string>> { [Reaction.Unheard] = ["Only line."] }),
        };
        var voice = new RuleBasedPersonaVoice();
        var used = new HashSet<string>();

        var said = Enumerable.Range(1, 5)
            .Select(turn => voice.Speak(new VoiceRequest(persona, Reaction.Unheard, new Mood(5, 5), 0, turn, used)).Single())
            .ToList();

        Assert.Equal("Only line.", said[0]);
        Assert.Equal(said.Count, said.Distinct().Count());
        Assert.True(used.SetEquals(said));
    }

    [Fact]
    public void The_voice_speaks_a_script_and_appends_a_revealed_fact()
    {
        var persona = Persona();
        var fact = persona.Facts[0];
        var voice = new RuleBasedPersonaVoice();

        var scripted = voice.Speak(new VoiceRequest(persona, Reaction.GoalSwap, new Mood(5, 5), 0, 1, new HashSet<string>(), Script: "New plan."));
        var withFact = voice.Speak(new VoiceRequest(persona, Reaction.OpensUp, new Mood(5, 5), 0, 1, new HashSet<string>(), fact)).Single();

        Assert.Equal(["New plan."], scripted);
        Assert.True(IsFrom(withFact, "maria", Reaction.OpensUp));
        // The customer tells the fact in their own words; the trainer's note is never spoken.
        Assert.EndsWith(" " + fact.Says[0], withFact);
        Assert.DoesNotContain(fact.Text, withFact);
    }

    [Theory]
    [InlineData(Reaction.SummaryConfirmed, "Oh good.")]
    [InlineData(Reaction.Dismissed, "Sorry, but...")]
    [InlineData(Reaction.OpensUp, null)]
    [InlineData(Reaction.AsksJargon, null)]
    public void A_lead_follows_how_the_turn_landed_whatever_the_mood(Reaction reaction, string? lead)
    {
        var persona = Persona() with
        {
            Leads = new MoodLeads(Tense: ["Sorry, but..."], Easing: ["Oh good."]),
            Lines = new LineBanks(new Dictionary<Reaction, IReadOnlyList<string>> { [reaction] = ["The line."] }),
        };
        var voice = new RuleBasedPersonaVoice();

        var said = Enumerable.Range(0, 30)
            .SelectMany(seed => new[] { new Mood(9, 1), new Mood(1, 9) }.Select(mood =>
                voice.Speak(new VoiceRequest(persona, reaction, mood, seed, 1, new HashSet<string>())).Single()))
            .ToList();

        Assert.All(said, line => Assert.True(line == "The line." || line == $"{lead} The line.", line));
        Assert.Equal(lead is not null, said.Contains($"{lead} The line."));
    }

    [Fact]
    public void A_lead_is_said_at_most_once_in_a_session()
    {
        var persona = Persona() with
        {
            Leads = new MoodLeads(Tense: ["listen."], Easing: ["Oh good."]),
            Lines = new LineBanks(new Dictionary<Reaction, IReadOnlyList<string>>
            {
                [Reaction.Unheard] = Enumerable.Range(1, 30).Select(i => $"Line {i}.").ToList(),
            }),
        };
        var voice = new RuleBasedPersonaVoice();
        var used = new HashSet<string>();

        var said = Enumerable.Range(1, 30)
            .Select(turn => voice.Speak(new VoiceRequest(persona, Reaction.Unheard, new Mood(8, 2), 4, turn, used)).Single())
            .ToList();

        Assert.Single(said, line => line.StartsWith("listen. ", StringComparison.Ordinal));
    }
}
