using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Time.Testing;
using RolePlay.Core.Storage;
using RolePlay.Studio.Http;

namespace RolePlay.Bot.Tests.Studio;

/// <summary>A team invite names its tenant and team, read back from the link or the bare code, and nothing else: not
/// after its 14 days, not altered, not another key ring's.</summary>
public sealed class TeamInvitesTests
{
    private static readonly TenantScope Local = new("studio", "local");

    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly EphemeralDataProtectionProvider _keys = new();

    [Fact]
    public void An_invite_reads_back_from_its_link_or_its_code_until_it_expires()
    {
        var invites = new TeamInvites(_keys, _clock);
        var code = invites.Issue(Local, "team-night");

        Assert.Equal((Local, "team-night"), invites.Read(code));
        Assert.Equal((Local, "team-night"), invites.Read($"  http://127.0.0.1:3978/?invite={Uri.EscapeDataString(code)}#team \n"));

        _clock.Advance(TeamInvites.Lifetime - TimeSpan.FromMinutes(1));
        Assert.NotNull(invites.Read(code));
        _clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Null(invites.Read(code));
    }

    [Fact]
    public void An_altered_invite_or_another_key_rings_is_refused()
    {
        var invites = new TeamInvites(_keys, _clock);
        var code = invites.Issue(Local, "team-night");
        var altered = code[..^3] + (code[^3] == 'A' ? 'B' : 'A') + code[^2..];

        Assert.Null(invites.Read(altered));
        Assert.Null(invites.Read("not an invite"));
        Assert.Null(invites.Read(""));
        Assert.Null(new TeamInvites(new EphemeralDataProtectionProvider(), _clock).Read(code));
    }
}
