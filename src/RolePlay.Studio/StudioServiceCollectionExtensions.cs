using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RolePlay.Core;
using RolePlay.Core.Chat;
using RolePlay.Core.Facilitation;
using RolePlay.Core.Routines;
using RolePlay.Studio.Http;
using RolePlay.Studio.Transcripts;

namespace RolePlay.Studio;

public static class StudioServiceCollectionExtensions
{
    /// <summary>Registers the studio channel, its proactive sender (platform "studio"), a new team's reactions, its traits (no team channels) and
    /// Data Protection for its cookie. The host registers the <c>IConversationRouter</c>, Core's <c>LiveFacilitation</c> and the stores.</summary>
    public static IServiceCollection AddStudio(this IServiceCollection services, Action<StudioOptions> configure)
    {
        services.Configure(configure);
        services.AddDataProtection();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(StudioDelivery.DefaultReactions);
        services.AddSingleton(StudioDelivery.Traits);
        services.TryAddSingleton<StudioTranscripts>();
        services.TryAddSingleton<StudioDelivery>();
        services.TryAddSingleton<StudioIdentity>();
        services.TryAddSingleton<StudioAssets>();
        services.TryAddSingleton<LivePractices>();
        services.TryAddSingleton<TeamInvites>();
        services.TryAddSingleton<StudioChannel>();
        services.TryAddSingleton<StudioSetupEndpoints.SetupServices>();
        return services.AddStudioDelivery(StudioDelivery.Platform);
    }

    /// <summary>Proactive messages to people of <paramref name="platform"/> go to their studio page: the studio's own,
    /// and a platform whose bot this deployment does not run (its people only sign in to the web).</summary>
    public static IServiceCollection AddStudioDelivery(this IServiceCollection services, Platform platform) =>
        services.AddSingleton<IProactiveSender>(sp => new StudioProactiveSender(sp.GetRequiredService<StudioDelivery>(), platform));
}
