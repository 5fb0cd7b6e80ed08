using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using RolePlay.Channels;
using RolePlay.Channels.Http;
using RolePlay.Channels.Inbound;
using RolePlay.Core.Chat;
using RolePlay.Core.Clips;
using RolePlay.Core.Storage;
using RolePlay.Teams.Auth;
using RolePlay.Teams.Files;
using RolePlay.Teams.Inbound;
using RolePlay.Teams.Outbound;

namespace RolePlay.Teams;

public static class TeamsServiceCollectionExtensions
{
    /// <summary>Registers the Teams channel: options (section <c>Teams</c>, validated at start-up), token validation,
    /// the connector client with its rate limiter and token provider, the outbox replies leave through, and in-memory dedupe, message-author, reference and unreachable seams that a
    /// host may replace by registering its own first. The host must register an <c>IConversationRouter</c>.</summary>
    public static IServiceCollection AddTeams(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TeamsOptions>().Bind(configuration.GetSection(TeamsOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TeamsOptions>, TeamsOptionsValidator>());
        services.AddHttpClient();
        services.AddHttpClient(ConnectorClient.HttpClientName).AddChannelResilience(
            sp => sp.GetRequiredService<IOptions<TeamsOptions>>().Value.Retry,
            alsoTransient: ConnectorClient.IsTransientConflict,
            pacing: sp => new PacedAttempts<OutboundKey>(sp.GetRequiredService<ConnectorRateLimiter>().WaitTurnAsync));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(ActivityTranslator.DefaultReactions);
        services.TryAddSingleton<BotTokenValidator>();
        services.TryAddSingleton<IInboundDedupe, InMemoryInboundDedupe>();
        services.TryAddSingleton<DedupeStep>();
        services.TryAddSingleton<IMessageAuthorStore, InMemoryMessageAuthorStore>();
        services.TryAddSingleton<RelayedAuthors>();
        services.TryAddSingleton<InMemoryConversationReferences>();
        services.TryAddSingleton<IConversationReferenceSink>(sp => sp.GetRequiredService<InMemoryConversationReferences>());
        services.TryAddSingleton<IBotTokenProvider, ClientCredentialsTokenProvider>();
        services.TryAddSingleton<InMemoryUnreachableRecipients>();
        services.TryAddSingleton<IUnreachableRecipients>(sp => sp.GetRequiredService<InMemoryUnreachableRecipients>());
        services.TryAddSingleton<ConnectorRateLimiter>();
        services.TryAddSingleton<ConnectorClient>();
        services.TryAddSingleton<ConversationOutbox>();
        services.AddHostedService(sp => sp.GetRequiredService<ConversationOutbox>());
        services.TryAddSingleton<IInbox, InMemoryInbox>();
        services.TryAddSingleton<TeamsInbox>();
        services.AddHostedService<TeamsInboxResumer>();
        // A sent file is fetched without the connector's pipeline: no token, no retries, and no redirect followed.
        services.AddHttpClient(TeamsFileFetcher.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IClipFileFetcher, TeamsFileFetcher>());
        services.TryAddScoped<TeamsPipeline>();
        return services;
    }

    private sealed class TeamsOptionsValidator : IValidateOptions<TeamsOptions>
    {
        public ValidateOptionsResult Validate(string? name, TeamsOptions options) =>
            options.Validate() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }
}
