using RolePlay.Core.Chat;
using RolePlay.Core.Content;
using RolePlay.Core.Practice;
using RolePlay.Core.Practice.Reading;
using RolePlay.Core.Tests.Practice.Ladder;
using RolePlay.Core.Text;

namespace RolePlay.Core.Tests.Practice;

/// <summary>The customer answers what the agent actually said, in the shipped personas' own words, and their
/// needs (channels, length, jargon, pace) shape the answer.</summary>
public class CustomerAnswersTests
{
    private static PracticeSession Start(string scenarioId, int seed = 3) =>
        LadderRun.Engine.Start(new SessionOptions(scenarioId, Seed: seed));

    private static Persona PersonaOf(PracticeSession session) => LadderRun.Catalog.Personas[session.State.PersonaId];

    private static string Reply(TurnResult turn) =>
        string.Join(" ", turn.Replies.Where(u => u.Speaker == Speaker.Customer).Select(u => u.Text));

    [Fact]
    public void A_Deaf_customer_refuses_a_plan_that_needs_a_phone_call()
    {
        var session = Start("locked-out-deaf-customer");
        var limit = PersonaOf(session).Needs.Limit(Channel.PhoneCall);
        Assert.NotNull(limit);

        var turn = session.Respond("No problem, I'll call you in 10 minutes and unlock it over the phone.");

        Assert.Contains(limit.Says, line => Reply(turn).Contains(line, StringComparison.Ordinal));
        Assert.False(session.State.SuccessTurns.ContainsKey(SuccessCriterion.AgreedNextStep));
        Assert.Contains(session.State.MissedMoments, m => m.Contains("a phone call", StringComparison.Ordinal));
    }

    [Fact]
    public void A_poor_connection_never_cuts_off_what_the_customer_tells()
    {
        var told = 0;
        for (var seed = 0; seed < 12; seed++)
        {
            var session = Start("medical-supplies-delivery", seed);
            var persona = PersonaOf(session);
            Assert.Equal(NetworkQuality.Poor, persona.Artifacts.Network);
            foreach (var question in new[] { "Can you walk me through what happened with the delivery?", "What else is worrying you about the oxygen?" })
            {
                var before = session.State.RevealedFacts.ToHashSet();
                var reply = Reply(session.Respond(question));
                foreach (var fact in persona.Facts.Where(f => session.State.RevealedFacts.Contains(f.Id) && !before.Contains(f.Id)))
                {
                    told++;
                    Assert.Contains(fact.Says, line => reply.Contains(line, StringComparison.Ordinal));
                }
            }
        }

        Assert.True(told >= 12, $"only {told} facts were told");
    }

    [Fact]
    public void A_screen_reader_user_cannot_use_a_screenshot()
    {
        var session = Start("inaccessible-claim-form");
        var limit = PersonaOf(session).Needs.Limit(Channel.Image);
        Assert.NotNull(limit);

        var turn = session.Respond("I'll send you a screenshot by email today showing exactly where to click.");

        Assert.Contains(limit.Says, line => Reply(turn).Contains(line, StringComparison.Ordinal));
    }

    [Fact]
    public void A_wall_of_text_is_too_much_for_a_customer_with_ADHD()
    {
        var session = Start("late-delivery-birthday");
        var persona = PersonaOf(session);
        var words = string.Join(" ", Enumerable.Repeat("I completely understand and I'm sorry about the parcel for the birthday,", 12));
        Assert.True(words.Split(' ').Length > persona.Needs.MaxWords);

        session.Respond(words);

        Assert.Equal(Reaction.TooLong, session.State.Turns[^1].Reaction);
        Assert.Contains(persona.Lines.For(Reaction.TooLong), line => session.State.Turns[^1].CustomerReply.Contains(line, StringComparison.Ordinal));
    }

    [Fact]
    public void A_customer_who_struggles_with_jargon_asks_what_the_term_means()
    {
        var session = Start("contract-confusion");
        Assert.Equal(JargonTolerance.Struggles, PersonaOf(session).Needs.Jargon);

        var turn = session.Respond("Under the SLA your line rental is billed pro-rata from the activation date.");

        Assert.Equal(Reaction.AsksJargon, session.State.Turns[^1].Reaction);
        Assert.True(Reply(turn).Contains("pro-rata", StringComparison.OrdinalIgnoreCase) || Reply(turn).Contains("SLA", StringComparison.Ordinal), Reply(turn));
    }

    [Fact]
    public void An_unhurried_customer_is_helped_by_plain_calm_words_and_hurt_by_rushing()
    {
        var plain = Start("new-phone-setup");
        var rushed = Start("new-phone-setup");
        Assert.Equal(Pace.Unhurried, PersonaOf(plain).Needs.Pace);

        plain.Respond("Take all the time you need. We will do this together, one step at a time.");
        rushed.Respond("Quickly then, go to settings, tap it, done.");

        Assert.True(plain.State.Frustration < rushed.State.Frustration,
            $"plain {plain.State.Frustration} vs rushed {rushed.State.Frustration}");
        Assert.Equal(Reaction.NeedsTime, rushed.State.Turns[^1].Reaction);
    }

    [Fact]
    public void An_either_or_choice_is_answered_by_picking_an_option()
    {
        foreach (var scenario in LadderRun.Catalog.Scenarios.Keys)
        {
            var session = Start(scenario);
            var turn = session.Respond("Would you prefer an email or a text message with the details?");
            var reply = Reply(turn);
            Assert.True(reply.Contains("email", StringComparison.OrdinalIgnoreCase) || reply.Contains("text", StringComparison.OrdinalIgnoreCase)
                        || session.State.Turns[^1].Reaction is not (Reaction.AnswersChoice or Reaction.AsksAboutChoice),
                $"{scenario}: \"{reply}\"");
            Assert.Contains(session.State.Turns[^1].Reaction, new[] { Reaction.AnswersChoice, Reaction.AsksAboutChoice, Reaction.Tells });
        }
    }

    [Fact]
    public void A_limit_with_two_options_offered_gets_an_option_picked_not_a_question_about_what_is_on_offer()
    {
        foreach (var scenario in LadderRun.Catalog.Scenarios.Keys)
        {
            var session = Start(scenario);
            var reply = Reply(session.Respond("I'm not able to waive that, but I can offer a voucher or a callback from a manager today."));
            var reaction = session.State.Turns[^1].Reaction;
            Assert.True(reaction is Reaction.AnswersChoice or Reaction.AsksAboutChoice or Reaction.Tells or Reaction.Blamed or Reaction.Dismissed,
                $"{scenario}: {reaction} \"{reply}\"");
            if (reaction == Reaction.AnswersChoice)
            {
                Assert.True(reply.Contains("voucher", StringComparison.OrdinalIgnoreCase) || reply.Contains("callback", StringComparison.OrdinalIgnoreCase),
                    $"{scenario}: \"{reply}\"");
            }
        }
    }

    [Fact]
    public void The_option_picked_is_the_one_the_customer_wants_most_whatever_its_place()
    {
        var offer = new ChoiceOffer(["refund the shipping now", "reserve the headset at your local store for tomorrow"]);

        Assert.Equal("reserve the headset at your local store for tomorrow", offer.PickFor(new ChoicePreferences(["store", "refund"], [])));
        Assert.Equal("refund the shipping now", offer.PickFor(new ChoicePreferences(["refund", "store"], [])));
        Assert.Equal("reserve the headset at your local store for tomorrow", offer.PickFor(new ChoicePreferences([], ["refund"])));
    }

    [Theory]
    [InlineData("reserve it at your local store", "reserve it at my local store")]
    [InlineData("Your plan today", "My plan today")]
    [InlineData("the choice is yours", "the choice is mine")]
    [InlineData("email you the details", "email you the details")]
    public void The_customer_repeats_an_option_in_their_own_voice(string option, string said)
    {
        Assert.Equal(said, ChoiceOffer.InCustomersWords(option));
    }

    [Theory]
    [InlineData("Would you prefer a refund or a replacement?", "refund|replacement")]
    [InlineData("I can't refund a used ticket, but I can offer you a voucher or a free transfer to another date.", "voucher|free transfer to another date")]
    [InlineData("We can do Tuesday or Wednesday morning.", "Tuesday|Wednesday morning")]
    [InlineData("Would you rather I refund the shipping now, or reserve the same headset at your local store for tomorrow?", "refund the shipping now|reserve the same headset at your local store for tomorrow")]
    [InlineData("You can choose. I can change your plan today, or from your next bill. Which is better for you?", "your plan today|from your next bill")]
    [InlineData("Three options: 1) the A$239 as account credit, 2) switch you to monthly billing, 3) turn off auto-renew. Which works for you?", "A$239 as account credit|switch you to monthly billing|turn off auto-renew")]
    [InlineData("The refund or the replacement is up to you. Which one?", null)]
    [InlineData("I can see the order was sent on Monday or Tuesday.", null)]
    public void Options_are_read_from_an_either_or_question_or_a_stated_offer(string text, string? options)
    {
        Assert.Equal(options, ChoiceReader.Read(text) is { } offer ? string.Join('|', offer.Options) : null);
    }

    [Fact]
    public void A_summary_that_mentions_the_account_and_checks_is_not_taken_as_asking_for_the_account_number()
    {
        var session = Start("bereavement-closure");
        var detail = PersonaOf(session).Details.Single(d => d.Id == "account-number");

        var reply = Reply(session.Respond("So you'd like Margaret's account closed without going over it all again. Have I got that right?"));
        var asked = Reply(session.Respond("What's the account number, please?"));

        Assert.DoesNotContain(detail.Says, line => reply.Contains(line, StringComparison.Ordinal));
        Assert.Contains(detail.Says, line => asked.Contains(line, StringComparison.Ordinal));
    }

    [Fact]
    public void A_summary_with_a_wrong_detail_is_corrected_with_the_right_one()
    {
        var (session, token) = FirstOpeningWithADetail();
        var wrong = Mutate(token);
        var said = session.Transcript.First(u => u.Speaker == Speaker.Customer && u.Text.Contains(token.Written, StringComparison.Ordinal)).Text;
        var restated = said.Replace(token.Written, wrong, StringComparison.Ordinal).TrimEnd('.', '!', '?');

        var turn = session.Respond($"So just to recap: {restated}. Have I got that right?");

        Assert.Equal(Reaction.CorrectsSummary, session.State.Turns[^1].Reaction);
        Assert.Contains(token.Written, Reply(turn), StringComparison.OrdinalIgnoreCase);
        Assert.Contains(wrong, Reply(turn), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("So the parcel was due Thursday and it still hasn't come.", "the parcel was due Tuesday, it still hasn't come", "Tuesday")]
    [InlineData("So it's Thursday then?", "it was due on Tuesday", "Tuesday")]
    [InlineData("So they charged you €278 for the ticket.", "they charged me €287 for the ticket", "€287")]
    public void A_detail_given_for_the_same_thing_with_another_value_is_a_contradiction(string summary, string customer, string said)
    {
        Assert.Equal((said, DetailTokens.Of(summary)[0].Written), DetailTokens.Contradiction(summary, [customer]));
    }

    [Theory]
    [InlineData("So the €287 ticket was cancelled, and I can refund the €49 booking fee today.", "they charged me €287 for the ticket and then cancelled it")]
    [InlineData("So the parcel was due Tuesday; the engineer can come Friday.", "the parcel was due Tuesday")]
    [InlineData("So it's Thursday then?", "I ordered on Monday and it was due Tuesday")]
    [InlineData("So: your hours went from 40 to 28. You pay €49 a month. Now the letter says you must pay €287 to leave.", "It says I must pay €287 if I leave.")]
    [InlineData("Quick check: 2-day shipping, stuck 4 days, present needed tomorrow, right?", "paid for 2 day shipping, it's been 6 days. tracking hasn't moved since dallas.")]
    public void A_detail_about_something_else_is_not_a_contradiction(string summary, string customer)
    {
        Assert.Null(DetailTokens.Contradiction(summary, [customer]));
    }

    [Fact]
    public void An_open_question_is_answered_about_what_it_asks_not_what_the_message_mentioned_before_it()
    {
        var session = Start("double-charge-student", seed: 4);

        session.Respond("Seeing £64 go out twice when rent is coming up would make anyone panic. Can you tell me what you're seeing in your banking app?");

        Assert.Contains("both-pending", session.State.RevealedFacts);
        Assert.DoesNotContain("rent-friday", session.State.RevealedFacts);
    }

    [Theory]
    [InlineData("Can you tell me a bit more about what's happened?")]
    [InlineData("Tell me a little about what has happened so far.")]
    public void A_generic_invitation_to_tell_the_story_draws_out_a_fact(string invitation)
    {
        var session = Start("double-charge-student");

        session.Respond(invitation);

        Assert.NotEmpty(session.State.RevealedFacts);
    }

    [Fact]
    public void Questions_off_the_problem_release_no_facts()
    {
        var session = Start("medical-supplies-delivery");

        session.Respond("What's the weather like where you are?");

        Assert.Empty(session.State.RevealedFacts);
        Assert.Equal(Reaction.OffTopic, session.State.Turns[^1].Reaction);
    }

    [Fact]
    public void An_open_question_is_answered_with_a_fact_in_the_customers_own_words()
    {
        // A customer on a clear line: a poor signal cuts lines short by design.
        var session = Start("late-delivery-birthday");

        var turn = session.Respond("Oh no, I'm so sorry, that sounds really stressful. Can you tell me more about what's happened?");

        var fact = Assert.Single(PersonaOf(session).Facts, f => session.State.RevealedFacts.Contains(f.Id));
        Assert.Contains(fact.Says, line => Reply(turn).Contains(line, StringComparison.Ordinal));
        Assert.DoesNotContain(fact.Text, Reply(turn), StringComparison.Ordinal);
    }

    [Fact]
    public void A_vague_promise_gets_a_push_for_specifics()
    {
        var session = Start("double-charge-student");

        session.Respond("We'll look into it and get back to you.");

        Assert.Equal(Reaction.WantsSpecifics, session.State.Turns[^1].Reaction);
        Assert.False(session.State.SuccessTurns.ContainsKey(SuccessCriterion.AgreedNextStep));
    }

    [Fact]
    public void Saying_the_same_thing_again_irritates()
    {
        var session = Start("estimated-bill-shock");
        session.Respond("I understand how frustrating this must be.");
        var before = session.State.Frustration;

        session.Respond("I understand how frustrating this must be.");

        Assert.Equal(Reaction.Repeated, session.State.Turns[^1].Reaction);
        Assert.True(session.State.Frustration > before);
    }

    [Fact]
    public void An_accepted_plan_stays_accepted()
    {
        var session = Start("double-charge-student");
        session.Respond("I'm so sorry, being charged twice when money is tight is really stressful.");
        session.Respond("I've raised the refund for the duplicate charge just now, and I'll email you the confirmation by 5pm today.");
        Assert.True(session.State.PlanAgreed);
        if (session.IsOver)
        {
            return;
        }

        session.Respond("Thanks for bearing with me.");

        Assert.DoesNotContain(session.State.Turns.Skip(2), t => t.Reaction is Reaction.WantsSpecifics or Reaction.BoundaryPushback or Reaction.ExceptionPush);
        Assert.True(session.State.SuccessTurns.ContainsKey(SuccessCriterion.AgreedNextStep));
    }

    [Fact]
    public void The_coach_tells_the_agent_what_went_down_and_disclosing_it_helps()
    {
        var scenario = LadderRun.Catalog.Scenarios["broadband-home-worker"];
        var at = scenario.Constraints.Single(c => c.Kind == ConstraintKind.Outage).AtTurn!.Value;
        PracticeSession Reach()
        {
            var session = Start(scenario.Id);
            for (var turn = 1; turn <= at; turn++)
            {
                session.Respond(turn == 1 ? "I'm so sorry, losing your connection when you work from home is stressful." : $"Thanks, noted ({turn}).");
            }

            return session;
        }

        var honest = Reach();
        var silent = Reach();
        Assert.Contains(honest.Transcript, u => u.Speaker == Speaker.Coach && u.Text.StartsWith("Environment change:", StringComparison.Ordinal));

        honest.Respond("I have to be honest with you: our fault system is down right now, so I can't book the engineer this minute.");
        silent.Respond("Please bear with me a moment.");

        Assert.True(honest.State.OutageAcknowledged);
        Assert.True(honest.State.Frustration < silent.State.Frustration, $"honest {honest.State.Frustration} vs silent {silent.State.Frustration}");
    }

    [Fact]
    public void Meeting_a_persona_again_brings_a_different_opening()
    {
        var first = Start("late-delivery-birthday", seed: 5);
        var heard = first.Transcript.Where(u => u.Speaker == Speaker.Customer).Select(u => u.Text).ToList();

        var again = LadderRun.Engine.Start(new SessionOptions("late-delivery-birthday", Seed: 5, PriorLines: heard));

        var opening = again.Transcript.Where(u => u.Speaker == Speaker.Customer).Select(u => u.Text).ToList();
        Assert.Empty(opening.Intersect(heard));
    }

    private static (PracticeSession Session, DetailTokens.Token Token) FirstOpeningWithADetail()
    {
        foreach (var scenario in LadderRun.Catalog.Scenarios.Keys.Order(StringComparer.Ordinal))
        {
            for (var seed = 0; seed < 12; seed++)
            {
                var session = Start(scenario, seed);
                var opening = session.Transcript.Where(u => u.Speaker == Speaker.Customer).Select(u => u.Text);
                var token = opening.SelectMany(DetailTokens.Of).FirstOrDefault(t => t.Kind != "clock");
                if (token.Kind is not null)
                {
                    return (session, token);
                }
            }
        }

        throw new InvalidOperationException("No shipped opening names a day, an amount or a count.");
    }

    private static string Mutate(DetailTokens.Token token) => token.Kind switch
    {
        "day" => token.Value == "mon" ? "Tuesday" : "Monday",
        _ => System.Text.RegularExpressions.Regex.Replace(token.Written, @"\d+", m => (int.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture) + 3).ToString(System.Globalization.CultureInfo.InvariantCulture)),
    };
}
