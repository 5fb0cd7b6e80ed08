using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using RolePlay.Channels;
using RolePlay.Channels.Http;
using RolePlay.Channels.Inbound;
using RolePlay.Core.Clips;
using RolePlay.Core.Storage;
using RolePlay.Slack.Api;
using RolePlay.Slack.Files;
using RolePlay.Slack.Inbound;
using RolePlay.Slack.Installs;
using RolePlay.Slack.SocketMode;

namespace RolePlay.Slack;

public static class SlackServiceCollectionExtensions
{
    /// <summary>Registers the Slack channel from the <c>Slack</c> configuration section (validated at start-up). Seams the
    /// host may replace before calling: <see cref="ISlackInstallStore"/>, <see cref="IInboundDedupe"/>, <see cref="IInbox"/>,
    /// <see cref="IUnreachableRecipients"/>, <see cref="IMessageAuthorStore"/>; it must register an <c>IConversationRouter</c>.</summary>
    public static IServiceCollection AddSlack(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SlackOptions>().Bind(configuration.GetSection(SlackOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SlackOptions>, SlackOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(SlackInbound.DefaultReactions);
        services.AddDataProtection();
        services.AddLogging();

        services.TryAddSingleton<SlackTokenProtector>();
        services.TryAddSingleton<ISlackInstallStore, InMemorySlackInstallStore>();
        services.TryAddSingleton<IInboundDedupe, InMemoryInboundDedupe>();
        services.TryAddSingleton<IInbox, InMemoryInbox>();
        services.TryAddSingleton<IMessageAuthorStore, InMemoryMessageAuthorStore>();
        services.TryAddSingleton<InMemoryUnreachableRecipients>();
        services.TryAddSingleton<IUnreachableRecipients>(sp => sp.GetRequiredService<InMemoryUnreachableRecipients>());

        services.AddSingleton<SlackPacer>();
        services.AddHttpClient<SlackApiClient>((sp, client) =>
                client.BaseAddress = sp.GetRequiredService<IOptions<SlackOptions>>().Value.ApiBaseUrl)
            .AddChannelResilience(sp => sp.GetRequiredService<IOptions<SlackOptions>>().Value.Retry,
                pacing: sp => new PacedAttempts<SlackPace>(sp.GetRequiredService<SlackPacer>().WaitTurnAsync));
        services.AddSingleton(sp => new SlackSignatureVerifier(
            sp.GetRequiredService<IOptions<SlackOptions>>().Value.SigningSecret ?? "", sp.GetRequiredService<TimeProvider>()));

        services.AddSingleton<SlackWorkQueue>();
        // Registered before the work processor, so it stops after it: the lanes' last replies are still sent.
        services.TryAddSingleton<ConversationOutbox>();
        services.AddHostedService(sp => sp.GetRequiredService<ConversationOutbox>());
        services.AddHostedService<SlackWorkProcessor>();
        services.AddSingleton<SlackRelayedAuthors>();
        services.AddSingleton<SlackResponder>();
        services.AddSingleton<SlackWorkspaceGuard>();
        services.AddHostedService(sp => sp.GetRequiredService<SlackWorkspaceGuard>());
        services.TryAddSingleton<DedupeStep>();
        services.AddSingleton<SlackDispatcher>();
        services.AddSingleton<SlackEventInbox>();
        services.AddHostedService<SlackInboxResumer>();
        services.AddSingleton<SlackInbound>();
        // A shared file is fetched outside the Web API's pipeline: the token goes to the file host only, no redirect is followed.
        services.AddHttpClient(SlackFileFetcher.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IClipFileFetcher, SlackFileFetcher>());
        services.AddHttpClient(SlackSocketModeClient.HttpClientName, (sp, client) =>
            client.BaseAddress = sp.GetRequiredService<IOptions<SlackOptions>>().Value.ApiBaseUrl);
        services.AddHostedService<SlackSocketModeClient>();
        return services;
    }
}
