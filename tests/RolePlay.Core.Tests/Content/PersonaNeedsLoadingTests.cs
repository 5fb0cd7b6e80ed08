using RolePlay.Core.Content;
using static RolePlay.Core.Tests.Content.ContentSamples;

namespace RolePlay.Core.Tests.Content;

/// <summary>The second edition of the persona format: needs, worry, choices, details, leads, facts in the
/// customer's own words, and the banks that take a slot from the conversation.</summary>
public class PersonaNeedsLoadingTests
{
    private const string Needs = """
        needs:
          jargon: struggles
          max_words: 40
          pace: unhurried
          first_language: Polish
          cannot_use:
            - channel: phone_call
              says: ["I can't do calls."]
        worry:
          topics: [bill, rent]
          says: ["You missed the rent."]
        choices:
          prefers: [email]
          avoids: [call]
        details:
          - id: ref
            asked_by: [reference]
            says: ["It's AB-12."]
        leads:
          tense: ["Look."]
          easing: ["Okay."]
        """;

    private static string WithParts(string parts) => PersonaYaml.With("facts:", parts.TrimEnd() + "\nfacts:");

    [Fact]
    public void The_new_parts_load_into_the_persona()
    {
        var result = Load((PersonaPath, WithParts(Needs)));

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        var maria = result.Catalog!.Personas["maria"];
        Assert.Equal(new PersonaNeeds(JargonTolerance.Struggles, 40, Pace.Unhurried, "Polish", maria.Needs.CannotUse), maria.Needs);
        Assert.Equal(["I can't do calls."], maria.Needs.Limit(Channel.PhoneCall)!.Says);
        Assert.Equal(["bill", "rent"], maria.Worry!.Topics);
        Assert.Equal(["email"], maria.Choices.Prefers);
        Assert.Equal("ref", Assert.Single(maria.Details).Id);
        Assert.Equal(["Okay."], maria.Leads.Easing);
        Assert.Equal(["My bill is wrong."], maria.Facts[0].Says);
    }

    [Fact]
    public void Content_of_the_first_edition_still_loads_with_plain_needs()
    {
        var maria = Load((PersonaPath, PersonaYaml)).Catalog!.Personas["maria"];

        Assert.Same(PersonaNeeds.Default, maria.Needs);
        Assert.Null(maria.Worry);
        Assert.Empty(maria.Details);
    }

    [Fact]
    public void A_fact_without_the_customers_own_words_is_refused_saying_why()
    {
        var result = Load((PersonaPath, PersonaYaml.Without("    says: [\"My bill is wrong.\"]")));

        Assert.Equal(
            "personas/maria.yaml:18: facts[0].says — is required: the customer's own words for this fact (text is the trainer's note and is never spoken)",
            Assert.Single(result.Errors).ToString());
    }

    [Fact]
    public void Bad_needs_are_each_reported()
    {
        var result = Load((PersonaPath, WithParts(Needs
            .Replace("jargon: struggles", "jargon: sometimes", StringComparison.Ordinal)
            .Replace("max_words: 40", "max_words: 5", StringComparison.Ordinal)
            .Replace("channel: phone_call", "channel: pigeon", StringComparison.Ordinal))));

        var errors = result.Errors.Select(e => e.ToString()).ToList();
        Assert.Contains(errors, e => e.Contains("needs.jargon — unknown value 'sometimes'; allowed: copes, struggles", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("needs.max_words — must be between 15 and 250, got 5", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("needs.cannot_use[0].channel — unknown value 'pigeon'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("  answers_choice: [\"Fine, {choice}.\"]", null)]
    [InlineData("  answers_choice: [\"Fine, that one.\"]", "must contain {choice}")]
    [InlineData("  corrects_summary: [\"No, {said}.\"]", "must contain {wrong}")]
    [InlineData("  plan_echo: [\"{when} then, {name}.\"]", "'{name}' is not filled in here; this bank takes only {when}")]
    [InlineData("  too_long: [\"Too long, {term}.\"]", "placeholders such as {goal} are not filled in")]
    public void Only_the_banks_that_take_a_slot_may_hold_one(string bank, string? problem)
    {
        var result = Load((PersonaPath, PersonaYaml.With("lines:", "lines:\n" + bank)));

        if (problem is null)
        {
            Assert.True(result.IsValid, string.Join("\n", result.Errors));
        }
        else
        {
            Assert.Contains(problem, Assert.Single(result.Errors).ToString(), StringComparison.Ordinal);
        }
    }
}
