namespace RolePlay.Core.Chat;

/// <summary>What a channel offers beyond a personal chat, declared by its adapter, so the bot offers only what works
/// there. <see cref="HasTeamChannels"/>: the channel has team channels (Teams, Slack) where standups, shared practices
/// and peer feedback happen; the studio has none and sets its team up on its own pages. <see cref="IsPage"/>: the
/// channel is a page the person opens (the studio), so a daily practice waits there rather than arriving as a message,
/// and settings live on its forms.</summary>
public sealed record ChannelTraits(Platform Platform, bool HasTeamChannels, bool IsPage = false);

/// <summary>The traits every channel adapter registered; a platform that registered none is taken as a chat platform
/// with team channels (the terminal and tests).</summary>
public sealed class ChannelTraitsCatalog(IEnumerable<ChannelTraits> traits)
{
    private readonly Dictionary<Platform, ChannelTraits> _traits = traits.ToDictionary(t => t.Platform);

    public ChannelTraits Of(Platform platform) => _traits.GetValueOrDefault(platform) ?? new ChannelTraits(platform, HasTeamChannels: true);
}
