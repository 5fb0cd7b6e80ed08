namespace RolePlay.Channels.Tests;

public sealed class RecentMapTests
{
    [Fact]
    public void It_never_holds_more_than_its_capacity_and_keeps_the_newest_entry()
    {
        var map = new RecentMap<string, int>(3);
        map.Set("a", 1);
        map.Set("a", 2); // an update is not a new entry
        map.Set("b", 1);
        map.Set("c", 1);
        Assert.Equal(3, map.Count);
        Assert.True(map.TryGetValue("a", out var a) && a == 2);

        map.Set("d", 1);

        Assert.Equal(1, map.Count);
        Assert.True(map.TryGetValue("d", out _));
        Assert.False(map.TryGetValue("a", out _));
    }

    [Fact]
    public void Many_writers_with_ever_new_keys_stay_within_capacity()
    {
        var map = new RecentMap<int, int>(1_000);

        Parallel.For(0, 200_000, i => map.Set(i, i));

        Assert.InRange(map.Count, 1, 1_000 + Environment.ProcessorCount);
    }
}
