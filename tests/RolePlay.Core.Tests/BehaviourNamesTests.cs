using RolePlay.Core.Detection;

namespace RolePlay.Core.Tests;

public class BehaviourNamesTests
{
    [Fact]
    public void Every_behaviour_round_trips_through_its_wire_name()
    {
        Assert.Equal(9, BehaviourNames.All.Count);
        foreach (var behaviour in BehaviourNames.All)
        {
            Assert.True(BehaviourNames.TryParse(BehaviourNames.ToName(behaviour), out var parsed));
            Assert.Equal(behaviour, parsed);
        }
    }

    [Fact]
    public void A_set_lists_its_names_in_canonical_order()
    {
        var names = BehaviourNames.ToNames(Behaviour.Dismissive | Behaviour.Empathy | Behaviour.OpenQuestion);
        Assert.Equal(["empathy", "open_question", "dismissive"], names);
    }

    [Fact]
    public void Unknown_names_do_not_parse()
    {
        Assert.False(BehaviourNames.TryParse("Empathy", out _));
        Assert.False(BehaviourNames.TryParse("", out _));
    }
}
