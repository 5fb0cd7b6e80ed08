using RolePlay.Core.Detection;
using RolePlay.Core.Detection.Learned;

namespace RolePlay.Core.Tests.Detection;

/// <summary>A summary restates what the customer said: read against the conversation, a marker over nothing or over
/// facts the customer never gave is not one, for the rules and for the shipped detector alike.</summary>
public sealed class SummaryGroundingTests
{
    private static readonly DetectionContext Parcel = new(
        ["My parcel was meant to arrive on Tuesday and it still isn't here", "It's my son's birthday present and the party is Saturday"], []);

    public static TheoryData<string> Detectors => new() { "rules", "learned" };

    private static IBehaviourDetector Detector(string name) => name == "rules" ? new RuleBasedDetector() : LearnedDetector.Shipped;

    [Theory]
    [MemberData(nameof(Detectors))]
    public void A_restatement_of_the_customers_facts_is_a_summary(string detector) =>
        Assert.True(Detector(detector).Detect("So the parcel was due on Tuesday, it still hasn't arrived, and the party is on Saturday.", Parcel).HasFlag(Behaviour.Summary));

    [Theory]
    [MemberData(nameof(Detectors))]
    public void A_marker_over_nothing_is_not_a_summary(string detector)
    {
        Assert.False(Detector(detector).Detect("So to summarise, bananas.").HasFlag(Behaviour.Summary));
        Assert.False(Detector(detector).Detect("So to recap, you're having a problem with our service.", Parcel).HasFlag(Behaviour.Summary));
    }

    [Theory]
    [MemberData(nameof(Detectors))]
    public void A_restatement_of_facts_the_customer_never_gave_is_not_a_summary(string detector) =>
        Assert.False(Detector(detector).Detect("So you cancelled your broadband contract last month and were charged an exit fee of forty pounds.", Parcel).HasFlag(Behaviour.Summary));

    [Theory]
    [MemberData(nameof(Detectors))]
    public void Evidence_for_a_grounded_summary_quotes_the_restating_sentence(string detector)
    {
        var text = "Thanks for waiting. So the parcel was due on Tuesday and the party is on Saturday.";
        var summary = Assert.Single(Detector(detector).Explain(text, Parcel), e => e.Behaviour == Behaviour.Summary);
        Assert.Equal("So the parcel was due on Tuesday and the party is on Saturday.", summary.Phrase);
    }
}
