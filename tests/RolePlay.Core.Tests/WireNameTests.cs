using RolePlay.Core.Content;

namespace RolePlay.Core.Tests;

public class WireNameTests
{
    [Theory]
    [InlineData(SuccessCriterion.ValidatedFeelings, "validated_feelings")]
    [InlineData(SuccessCriterion.BoundaryWithoutBlame, "boundary_without_blame")]
    [InlineData(ConstraintKind.PolicyFixed, "policy_fixed")]
    [InlineData(NetworkQuality.Patchy, "patchy")]
    public void Enums_have_snake_case_wire_names(object value, string expected)
    {
        var name = value switch
        {
            SuccessCriterion s => WireName.Of(s),
            ConstraintKind k => WireName.Of(k),
            NetworkQuality n => WireName.Of(n),
            _ => throw new ArgumentException("unexpected enum", nameof(value)),
        };
        Assert.Equal(expected, name);
    }

    [Fact]
    public void Every_reaction_round_trips()
    {
        foreach (var reaction in Enum.GetValues<Reaction>())
        {
            Assert.True(WireName.TryParse<Reaction>(WireName.Of(reaction), out var parsed));
            Assert.Equal(reaction, parsed);
        }
    }

    [Fact]
    public void Pascal_case_and_unknown_names_are_refused()
    {
        Assert.False(WireName.TryParse<Reaction>("FeelingNamed", out _));
        Assert.False(WireName.TryParse<Reaction>("feeling-named", out _));
        Assert.False(WireName.TryParse<Reaction>(null, out _));
    }

    [Fact]
    public void All_lists_names_in_declaration_order()
    {
        Assert.Equal(["validated_feelings", "agreed_next_step", "boundary_without_blame"], WireName.All<SuccessCriterion>());
    }

    [Fact]
    public void Values_outside_the_enum_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WireName.Of((SuccessCriterion)42));
    }
}
