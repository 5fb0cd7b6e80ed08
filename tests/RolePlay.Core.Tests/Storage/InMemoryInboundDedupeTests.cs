using RolePlay.Core.Storage;

namespace RolePlay.Core.Tests.Storage;

public class InMemoryInboundDedupeTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(10);
    private static readonly TenantScope Contoso = new("teams", "contoso");
    private static readonly TenantScope Fabrikam = new("teams", "fabrikam");

    [Fact]
    public async Task An_event_is_claimed_once_per_window_per_tenant()
    {
        var dedupe = new InMemoryInboundDedupe();
        var evt = InboundEventKey.For(Contoso, "conv|1");

        Assert.True(await dedupe.TryClaimAsync(evt, Now, Window, default));
        Assert.False(await dedupe.TryClaimAsync(evt, Now.AddMinutes(9), Window, default));
        Assert.True(await dedupe.TryClaimAsync(InboundEventKey.For(Fabrikam, "conv|1"), Now, Window, default));
        Assert.True(await dedupe.TryClaimAsync(evt, Now.AddMinutes(11), Window, default));
    }

    [Fact]
    public async Task A_released_claim_lets_the_platforms_retry_through()
    {
        var dedupe = new InMemoryInboundDedupe();
        var evt = InboundEventKey.For(Contoso, "Ev1");

        Assert.True(await dedupe.TryClaimAsync(evt, Now, Window, default));
        await dedupe.ReleaseAsync(evt, default);
        Assert.True(await dedupe.TryClaimAsync(evt, Now, Window, default));
    }

    [Fact]
    public async Task Purge_removes_only_expired_claims_of_one_tenant()
    {
        var dedupe = new InMemoryInboundDedupe();
        await dedupe.TryClaimAsync(InboundEventKey.For(Contoso, "old"), Now, Window, default);
        await dedupe.TryClaimAsync(InboundEventKey.For(Contoso, "new"), Now.AddMinutes(8), Window, default);
        await dedupe.TryClaimAsync(InboundEventKey.For(Fabrikam, "old"), Now, Window, default);

        Assert.Equal(1, await dedupe.PurgeExpiredAsync(Contoso, Now.AddMinutes(12), default));
        Assert.False(await dedupe.TryClaimAsync(InboundEventKey.For(Contoso, "new"), Now.AddMinutes(12), Window, default));
    }

    [Fact]
    public void Event_keys_are_short_and_safe_whatever_the_channel_sends()
    {
        var odd = InboundEventKey.For(Contoso, "19:abc@thread.tacv2;messageid=1|" + new string('x', 5000) + "\u0001");
        Assert.Equal(32, odd.EventId.Length);
        Assert.Matches("^[0-9A-F]+$", odd.EventId);
        Assert.NotEqual(odd, InboundEventKey.For(Contoso, "19:abc@thread.tacv2;messageid=2"));
    }
}
