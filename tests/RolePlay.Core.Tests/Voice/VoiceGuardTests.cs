using RolePlay.Core.Content;
using RolePlay.Core.Content.Loading;
using RolePlay.Core.Detection;
using RolePlay.Core.Practice;
using RolePlay.Core.Voice;

namespace RolePlay.Core.Tests.Voice;

/// <summary>What may be sent of a model's wording: in character, the persona's length and connection, plain text, and
/// nothing the engine did not decide.</summary>
public sealed class VoiceGuardTests
{
    private static readonly ContentCatalog Catalog = ContentLoader.LoadShipped().EnsureValid();

    /// <summary>Jake (good network), after his opening: no fact told yet.</summary>
    private static WordingScene Jake() => Scene("late-delivery-birthday");

    private static WordingScene Scene(string scenarioId)
    {
        var session = new PracticeEngine(Catalog, new RuleBasedDetector(), new RuleBasedPersonaVoice()).Start(new SessionOptions(scenarioId, Seed: 7));
        var state = session.State;
        return new WordingScene(Catalog.Personas[state.PersonaId], Catalog.Scenarios[scenarioId], state, ["Priya"]);
    }

    private static GuardVerdict Check(WordingScene scene, string reply, string draft, Reaction reaction = Reaction.Unheard, int maxWords = 40) =>
        VoiceGuard.Check(reply, scene, new CustomerReply(scene.State.Transcript.Count, 1, reaction), draft, maxWords);

    [Fact]
    public void A_faithful_wording_passes_as_one_message_on_a_good_connection()
    {
        var verdict = Check(Jake(), "Jake: \"Look, it's been 6 days\nand nothing has moved.\"", "it's been 6 days and nothing has moved");

        Assert.Null(verdict.Failure);
        Assert.Equal(["Look, it's been 6 days and nothing has moved."], verdict.Bursts);
    }

    [Theory]
    [InlineData("Where is it? See https://tracking.example/123", GuardFailure.Markup)]
    [InlineData("Where is it? **Now**.", GuardFailure.Markup)]
    [InlineData("- where is it\n- why so slow", GuardFailure.Markup)]
    [InlineData("<b>Where</b> is it?", GuardFailure.Markup)]
    [InlineData("Where is it? 😡", GuardFailure.Markup)]
    [InlineData("I'm just a chatbot, but where is it?", GuardFailure.OutOfCharacter)]
    [InlineData("Tip: you should acknowledge my feelings first.", GuardFailure.OutOfCharacter)]
    [InlineData("This role-play is silly. Where is it?", GuardFailure.OutOfCharacter)]
    [InlineData("Call me on +1 (555) 014-2233, where is it?", GuardFailure.PersonalData)]
    [InlineData("Where is it? It's been ages.", GuardFailure.ChangedDetail)]
    [InlineData("It's been 6 days, 9 if you count the weekend.", GuardFailure.ChangedDetail)]
    [InlineData("It's been 6 days. Danny's party is Saturday, he turns 16.", GuardFailure.HiddenFact)]
    [InlineData("It's been 6 days. Fine, it's sorted then, bye.", GuardFailure.DecidesOutcome)]
    [InlineData("It's been 6 days. I'm going to complain to your supervisor.", GuardFailure.DecidesOutcome)]
    [InlineData(" \n ", GuardFailure.Empty)]
    public void Wording_that_breaks_a_rule_is_refused_with_the_rule_it_broke(string reply, GuardFailure failure)
    {
        var verdict = Check(Jake(), reply, "it's been 6 days, where is it");

        Assert.Equal(failure, verdict.Failure);
        Assert.Null(verdict.Bursts);
    }

    [Fact]
    public void Past_the_length_for_the_persona_it_is_too_long()
    {
        var reply = "It's been 6 days " + string.Join(' ', Enumerable.Repeat("honestly", 40));

        Assert.Equal(GuardFailure.TooLong, Check(Jake(), reply, "it's been 6 days", maxWords: 40).Failure);
    }

    [Fact]
    public void Settling_and_escalating_are_allowed_when_the_engine_decided_them()
    {
        Assert.Null(Check(Jake(), "Great, that's sorted then, thanks, bye.", "thanks, bye", Reaction.Resolved).Failure);
        Assert.Null(Check(Jake(), "That's it, get me your supervisor.", "I want a supervisor", Reaction.Escalates).Failure);
    }

    [Fact]
    public void A_fact_the_engine_released_may_be_told()
    {
        var scene = Jake();
        scene.State.RevealedFacts.Add("birthday-tomorrow");

        Assert.Null(Check(scene, "Danny's party is tomorrow, he turns 16.", "he turns 16 tomorrow", Reaction.Tells).Failure);
    }

    [Fact]
    public void On_a_poor_connection_the_wording_comes_in_short_bursts_or_not_at_all()
    {
        var aroha = Scene("medical-supplies-delivery");
        Assert.Equal(NetworkQuality.Poor, aroha.Persona.Artifacts.Network);

        var bursts = Check(aroha, "hello?\ncan you hear me\nwhere are my supplies", "where are my supplies");
        var sentences = Check(aroha, "Hello? Where are my supplies.", "where are my supplies");
        var paragraph = Check(aroha, "Hello, I have been trying to get through to somebody about my supplies for quite a long while now", "my supplies", maxWords: 60);

        Assert.Equal(["hello?", "can you hear me", "where are my supplies"], bursts.Bursts);
        Assert.Equal(["Hello?", "Where are my supplies."], sentences.Bursts);
        Assert.Equal(GuardFailure.BurstStyle, paragraph.Failure);
    }

    [Fact]
    public void The_agents_names_are_taken_out_of_what_is_sent_as_whole_words()
    {
        Assert.Equal("Hi, I'm [agent] ([agent]). Priyanka helps too.",
            VoicePrompt.Redact("Hi, I'm Priya Shah (priya). Priyanka helps too.", ["Priya Shah", "Priya", "Shah"]));
    }

    [Theory]
    [InlineData("Oh thank god, ok. I'll pick it up then.", null)]
    [InlineData("Phew. I'll pick it up then.", null)]
    [InlineData("Ok. I'll pick it up then.", GuardFailure.Manner)]
    public void A_relieved_reply_in_a_model_voice_must_say_its_relief(string reply, GuardFailure? failure)
    {
        var scene = Jake();
        var turn = new CustomerReply(scene.State.Transcript.Count, 1, Reaction.NextStepAccepted, Manner.Warm);

        Assert.Equal(failure, VoiceGuard.Check(reply, scene, turn, "ok, I'll pick it up then", 40).Failure);
    }

    [Fact]
    public void The_models_brief_names_the_manner_the_engine_chose()
    {
        var scene = Jake();
        var reply = new CustomerReply(scene.State.Transcript.Count, 1, Reaction.Unheard, Manner.Terse);

        var brief = VoicePrompt.For(scene, reply, "that's not what I asked", 5)[^1].Text;

        Assert.Contains("You are fed up: write it curt", brief, StringComparison.Ordinal);
        Assert.Contains("At most 5 words", brief, StringComparison.Ordinal);
    }
}
