using System.Text;
using RolePlay.Core.Detection;

namespace RolePlay.Core.Tests.Detection;

public sealed class DetectorRobustnessTests
{
    private readonly RuleBasedDetector _detector = new();

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\r\n")]
    [InlineData("...?!;")]
    [InlineData("\u200B\u200B")]
    public void Blank_or_punctuation_only_input_shows_nothing(string text)
    {
        Assert.Equal(Behaviour.None, _detector.Detect(text));
        Assert.Empty(_detector.Explain(text));
    }

    [Fact]
    public void Null_input_shows_nothing()
    {
        Assert.Equal(Behaviour.None, _detector.Detect(null!));
        Assert.Empty(_detector.Explain(null!));
    }

    [Fact]
    public void A_megabyte_of_text_is_not_a_chat_turn_and_shows_nothing()
    {
        var huge = new StringBuilder().Insert(0, "I'm so sorry, that sounds awful. ", 32_000).ToString();
        Assert.True(huge.Length > 1_000_000);

        Assert.Equal(Behaviour.None, _detector.Detect(huge));
        Assert.Empty(_detector.Explain(huge));
    }

    [Fact]
    public void A_long_message_at_the_limit_is_still_read()
    {
        var filler = new string('x', RuleBasedDetector.MaxMessageLength - 100);
        var text = filler + " I'm so sorry, that sounds awful.";
        Assert.True(text.Length <= RuleBasedDetector.MaxMessageLength);

        Assert.Equal(Behaviour.Empathy, _detector.Detect(text));
    }

    [Fact]
    public void A_long_unpunctuated_run_of_words_is_read_to_the_end_without_inventing_behaviours()
    {
        // One 40,000-character "sentence" made of the words the rules look for, but no sentence any rule accepts.
        // Its speed (no backtracking blow-up) is measured in LongMessageBenchmarks, not timed here.
        var words = string.Concat(Enumerable.Repeat("you should i will so the what how sorry not ", 1000))[..RuleBasedDetector.MaxMessageLength];

        Assert.Equal(Behaviour.None, _detector.Detect(words));
        Assert.Equal(Behaviour.Empathy, _detector.Detect(words[..^40] + ". I'm so sorry, that's awful"));
    }

    [Theory]
    [InlineData("I\u2019m so sorry, that\u2019s awful")] // curly apostrophes
    [InlineData("I'M SO SORRY, THAT'S AWFUL")]
    [InlineData("i'm so sorry\u0000\u0007 that's awful")] // control characters
    [InlineData("😡😡😡 i'm so sorry that's awful 🙏🏽")]
    [InlineData("I'm so sorry\u0301, that's awful\uD800")] // combining mark, lone surrogate
    public void Odd_unicode_and_control_characters_do_not_hide_or_break_anything(string text) =>
        Assert.Equal(Behaviour.Empathy, _detector.Detect(text));

    [Fact]
    public void Evidence_is_quoted_exactly_from_the_input()
    {
        const string text = "  Oh no!!  That’s really frustrating 😞\nWhat happened next?  ";
        var evidence = _detector.Explain(text);

        Assert.Equal([Behaviour.Empathy, Behaviour.OpenQuestion], evidence.Select(e => e.Behaviour));
        Assert.All(evidence, e => Assert.Contains(e.Phrase, text, StringComparison.Ordinal));
        Assert.Equal("What happened next?", evidence[1].Phrase);
    }

    [Fact]
    public void One_instance_is_safe_to_share_across_threads()
    {
        var messages = LabelledSets.Shipped.Select(m => m.Text).ToArray();
        var expected = messages.Select(m => _detector.Detect(m)).ToArray();

        Parallel.For(0, 8, _ =>
        {
            for (var i = 0; i < messages.Length; i++)
            {
                Assert.Equal(expected[i], _detector.Detect(messages[i]));
            }
        });
    }
}
