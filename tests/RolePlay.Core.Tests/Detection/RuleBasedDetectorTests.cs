using RolePlay.Core.Detection;

namespace RolePlay.Core.Tests.Detection;

/// <summary>Tricky cases per behaviour: the distinctions the rubric depends on (yes/no vs open question, vague vs
/// concrete commitment, policy with an alternative vs policy as a shield, sarcasm vs empathy) and messy chat text.</summary>
public sealed class RuleBasedDetectorTests
{
    private readonly RuleBasedDetector _detector = new();

    private void AssertShows(string text, Behaviour expected) =>
        Assert.True((_detector.Detect(text) & expected) == expected,
            $"expected {string.Join(",", BehaviourNames.ToNames(expected))} in \"{text}\", got {string.Join(",", BehaviourNames.ToNames(_detector.Detect(text)))}");

    private void AssertLacks(string text, Behaviour unexpected) =>
        Assert.True((_detector.Detect(text) & unexpected) == Behaviour.None,
            $"did not expect {string.Join(",", BehaviourNames.ToNames(unexpected))} in \"{text}\", got {string.Join(",", BehaviourNames.ToNames(_detector.Detect(text)))}");

    [Theory]
    [InlineData("I can see why you're upset, that's a lot to deal with.")]
    [InlineData("im realy sorry, that sounds so frustating")] // typos and missing apostrophes
    [InlineData("I apologise for all the hassle this has caused.")] // British spelling
    [InlineData("I apologize for the confusion, I understand how stressful that is.")] // American spelling
    [InlineData("ugh that's awful 😞")]
    [InlineData("I'd be fuming too if that happened to me.")]
    public void Empathy_is_seen_through_messy_spelling(string text) => AssertShows(text, Behaviour.Empathy);

    [Theory]
    [InlineData("Sorry you feel that way.")]
    [InlineData("I'm sorry if you think we let you down.")]
    [InlineData("I understand. Anything else?")]
    public void Sarcastic_or_formulaic_sympathy_is_dismissive_not_empathy(string text)
    {
        AssertShows(text, Behaviour.Dismissive);
        AssertLacks(text, Behaviour.Empathy);
    }

    [Theory]
    [InlineData("I understand.")]
    [InlineData("Sorry for the wait.")]
    [InlineData("I don't understand why you're so upset.")] // negated
    public void Bare_or_negated_acknowledgements_are_not_empathy(string text) => AssertLacks(text, Behaviour.Empathy);

    [Theory]
    [InlineData("What happened when you tried to log in?")]
    [InlineData("how did the problem start")] // no question mark
    [InlineData("Could you walk me through what you did?")]
    [InlineData("So, before I suggest anything, why do you think it stopped?")]
    [InlineData("Tell me a bit more about the noise.")]
    public void Open_questions_invite_explanation(string text) => AssertShows(text, Behaviour.OpenQuestion);

    [Theory]
    [InlineData("Did you restart the router?")]
    [InlineData("Is the light green?")]
    [InlineData("What's your order number?")]
    [InlineData("What is the email on the account?")]
    [InlineData("How many items were missing?")]
    [InlineData("How are you today?")]
    [InlineData("What a nightmare.")]
    [InlineData("What I'm hearing is the refund never arrived.")]
    public void Yes_no_fact_and_exclamation_questions_are_not_open(string text) => AssertLacks(text, Behaviour.OpenQuestion);

    [Theory]
    [InlineData("So to recap, the parcel came without the charger.")]
    [InlineData("If I understand correctly, you were charged twice.")]
    [InlineData("so what your saying is the engineer never turned up")]
    [InlineData("Just to make sure I've got this right: you moved in March and the bills still go to the old address.")]
    public void Summaries_restate_the_situation(string text) => AssertShows(text, Behaviour.Summary);

    [Theory]
    [InlineData("Does that sound right?")]
    [InlineData("Have I got that right?")]
    [InlineData("Can you confirm the last four digits are 1234?")]
    [InlineData("So the box was empty, right?")]
    public void Confirmations_check_understanding(string text) => AssertShows(text, Behaviour.Confirmation);

    [Theory]
    [InlineData("Please confirm your full name.")]
    [InlineData("Did it work?")]
    [InlineData("Stay calm, ok?")]
    public void Data_requests_and_troubleshooting_are_not_confirmations(string text) => AssertLacks(text, Behaviour.Confirmation);

    [Theory]
    [InlineData("I'll call you back tomorrow at 10am.")]
    [InlineData("ill email u the label in 15 mins")]
    [InlineData("I've booked an engineer for Thursday morning.")]
    [InlineData("My colleague in billing will contact you by Friday.")]
    [InlineData("I'm refunding it now, you'll see it within 5 working days.")]
    public void Next_steps_name_an_owner_and_a_time(string text) => AssertShows(text, Behaviour.NextStep);

    [Theory]
    [InlineData("We'll look into it.")]
    [InlineData("Someone will get back to you.")]
    [InlineData("I'll see what I can do.")]
    [InlineData("I won't be able to send it today.")] // negated commitment
    [InlineData("I'm checking your account now.")] // a holding line, not a commitment
    public void Vague_or_negated_promises_are_not_next_steps(string text) => AssertLacks(text, Behaviour.NextStep);

    [Theory]
    [InlineData("Unfortunately the policy is no refunds after 30 days, but what I can do is offer store credit.")]
    [InlineData("I'm not able to change the address once it has shipped, but I can ask the courier to hold it.")]
    [InlineData("We can only offer an exchange on sale items.")]
    public void Limits_with_an_alternative_are_boundaries_not_blame(string text)
    {
        AssertShows(text, Behaviour.Boundary);
        AssertLacks(text, Behaviour.Blame);
    }

    [Theory]
    [InlineData("The policy says no refunds, so there's nothing I can do.")]
    [InlineData("Policy is policy, I don't make the rules.")]
    public void Policy_used_as_a_shield_is_blame_not_boundary(string text)
    {
        AssertShows(text, Behaviour.Blame);
        AssertLacks(text, Behaviour.Boundary);
    }

    [Theory]
    [InlineData("What would work best for you?")]
    [InlineData("Would you prefer a refund or a replacement?")]
    [InlineData("Let's figure this out together.")]
    [InlineData("It's your call, whichever suits you.")]
    public void Collaboration_invites_the_customer_to_choose(string text) => AssertShows(text, Behaviour.Collaboration);

    [Theory]
    [InlineData("Do you want the refund to the original card?")]
    [InlineData("Is it the blue one or the black one?")]
    [InlineData("Can you tell me what happened?")]
    public void Detail_questions_are_not_collaboration(string text) => AssertLacks(text, Behaviour.Collaboration);

    [Theory]
    [InlineData("You should have read the terms.")]
    [InlineData("you should of checked the size chart")]
    [InlineData("The warehouse team messed up your order.")]
    [InlineData("That's the courier's fault, not ours.")]
    [InlineData("Not my department, call billing.")]
    public void Blame_puts_fault_on_someone_else(string text) => AssertShows(text, Behaviour.Blame);

    [Theory]
    [InlineData("I messed up, I'm sorry.")]
    [InlineData("We made a mistake with your bill.")]
    [InlineData("You shouldn't have had to wait this long.")]
    public void Owning_a_mistake_is_not_blame(string text) => AssertLacks(text, Behaviour.Blame);

    [Theory]
    [InlineData("Calm down.")]
    [InlineData("It's just a parcel, it'll turn up.")]
    [InlineData("As I already said, the system doesn't allow it.")]
    [InlineData("you're overreacting")]
    [InlineData("Fine. Whatever.")]
    public void Dismissive_minimises_or_shuts_down(string text) => AssertShows(text, Behaviour.Dismissive);

    [Theory]
    [InlineData("Happy to go with whatever suits you best.")]
    [InlineData("Is there anything else I can help with?")]
    public void Polite_closings_and_offers_are_not_dismissive(string text) => AssertLacks(text, Behaviour.Dismissive);

    [Theory]
    [InlineData("ok")]
    [InlineData("one sec")]
    [InlineData("Let me check that for you.")]
    [InlineData("thx 👍")]
    public void Fillers_show_nothing(string text) => Assert.Equal(Behaviour.None, _detector.Detect(text));

    [Fact]
    public void A_message_can_show_several_behaviours_each_with_its_own_sentence()
    {
        const string text = "I'm so sorry, that sounds stressful. So the fridge arrived broken, is that right? I'll book a replacement for Friday and text you the slot today.";

        var evidence = _detector.Explain(text);

        Assert.Equal(
            [Behaviour.Empathy, Behaviour.Summary, Behaviour.Confirmation, Behaviour.NextStep],
            evidence.Select(e => e.Behaviour));
        Assert.Equal("I'm so sorry, that sounds stressful.", evidence[0].Phrase);
        Assert.Equal("So the fridge arrived broken, is that right?", evidence[1].Phrase);
        Assert.Equal("I'll book a replacement for Friday and text you the slot today.", evidence[3].Phrase);
    }

    [Fact]
    public void A_rush_after_a_bare_acknowledgement_quotes_both_sentences()
    {
        var evidence = Assert.Single(_detector.Explain("I understand. Anything else?"));
        Assert.Equal(new BehaviourEvidence(Behaviour.Dismissive, "I understand. Anything else?"), evidence);
    }
}
