namespace RolePlay.Core.Chat;

/// <summary>What a channel offers beyond a personal chat, declared by its adapter, so the bot offers only what works
/// there. <see cref="HasTeamChannels"/>: the channel has team channels (Teams, Slack) where standups, shared practices
/// and peer feedback happen; the studio has none and sets its team up on its own pages.</summary>
public sealed record ChannelTraits(Platform Platform, bool HasTeamChannels);

/// <summary>The traits every channel adapter registered; a platform that registered none is taken as a chat platform
/// with team channels (the terminal and tests).</summary>
public sealed class ChannelTraitsCatalog(IEnumerable<ChannelTraits> traits)
{
    private readonly Dictionary<Platform, ChannelTraits> _traits = traits.ToDictionary(t => t.Platform);

    public ChannelTraits Of(Platform platform) => _traits.GetValueOrDefault(platform) ?? new ChannelTraits(platform, HasTeamChannels: true);
}
