using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RolePlay.Core.Clips;
using RolePlay.Core.Insights;
using RolePlay.Core.Routines;
using RolePlay.Core.Storage;
using RolePlay.Storage.AzureTables;
using RolePlay.Storage.Clips;
using RolePlay.Storage.Repositories;
using RolePlay.Storage.Rows;
using RolePlay.Storage.Sqlite;

namespace RolePlay.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers every storage port for the configured provider (section <c>Storage</c>), validated at start-up,
    /// plus <see cref="IStorageInitializer"/> which the host runs once before serving.
    /// </summary>
    public static IServiceCollection AddRolePlayStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        services.AddSingleton<IRowStore>(sp => RowStoreFactory.Create(sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        services.AddSingleton<IStorageInitializer, StorageInitializer>();
        services.AddSingleton<IStoreProbe, StoreProbe>();
        services.AddSingleton<IPeopleStore, PeopleStore>();
        services.AddSingleton<ISessionStore, SessionStore>();
        services.AddSingleton<ITeamStore, TeamStore>();
        services.AddSingleton<IVoiceUsageStore, VoiceUsageStore>();
        services.AddSingleton<ILearningStore, LearningStore>();
        services.AddSingleton<IPairingStore, PairingStore>();
        services.AddSingleton<ICaptainStore, CaptainStore>();
        services.AddSingleton<ICueOfTheWeekStore, CueOfTheWeekStore>();
        services.AddSingleton<IRecognitionStore, RecognitionStore>();
        services.AddSingleton<IPhraseStore, PhraseStore>();
        services.AddSingleton<IPeerReviewStore, PeerReviewStore>();
        services.AddSingleton<IDeliveryLedger, DeliveryLedger>();
        services.AddSingleton<IInboundDedupe, InboundDedupe>();
        services.AddSingleton<IInbox, InboxStore>();
        services.AddSingleton<IStatementOutbox, StatementOutboxStore>();
        services.AddSingleton<ILmsActorStore, LmsActorStore>();
        services.AddSingleton<IDeliveryAddressStore, DeliveryAddressStore>();
        services.AddSingleton<IPersonAliasStore, PersonAliasStore>();
        services.AddSingleton<IChannelInstallStore, ChannelInstallStore>();
        services.AddSingleton<IMessageAuthorStore, MessageAuthorStore>();
        services.AddSingleton<IPersonalDataStore, PersonalDataStore>();
        services.AddSingleton<RoutineStateStore>();
        services.AddSingleton<IRoutineCursorStore>(sp => sp.GetRequiredService<RoutineStateStore>());
        services.AddSingleton<IRoutineStatusStore>(sp => sp.GetRequiredService<RoutineStateStore>());
        services.AddSingleton<IInsightsStore, InsightsStore>();
        services.AddSingleton<ISignInSessionStore, SignInSessionStore>();
        services.AddSingleton<IClipStore, ClipStore>();
        services.AddSingleton<IClipOfferStore, ClipOfferStore>();
        services.AddSingleton<IClipContent>(sp => ClipContentFactory.Create(sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        return services;
    }
}

internal sealed class StorageInitializer(IRowStore rows) : IStorageInitializer
{
    public Task InitializeAsync(CancellationToken ct) => rows.InitializeAsync(Tables.All, ct);
}

internal sealed class StoreProbe(IRowStore rows) : IStoreProbe
{
    /// <summary>A People partition no person has: theirs always join tenant and user with the keys' separator.</summary>
    private const string Nothing = "~probe";

    public string StoreName => rows.Name;

    public Task ProbeAsync(CancellationToken ct) => rows.GetAsync(Tables.People, Nothing, Nothing, ct);
}

internal static class RowStoreFactory
{
    public static IRowStore Create(StorageOptions options, HttpPipelinePolicy? extraPolicy = null) => options.Provider switch
    {
        StorageProvider.Sqlite => new SqliteRowStore(options.Sqlite.Path, TimeSpan.FromMilliseconds(options.Sqlite.BusyTimeoutMilliseconds)),
        StorageProvider.AzureTables => new AzureTableRowStore(CreateService(options.AzureTables, extraPolicy), options.AzureTables.TablePrefix),
        _ => throw new InvalidOperationException($"Storage:Provider '{options.Provider}' is not supported."),
    };

    private static TableServiceClient CreateService(AzureTablesStorageOptions azure, HttpPipelinePolicy? extraPolicy)
    {
        var clientOptions = new TableClientOptions();

        // Transient faults (timeouts, 408/429/5xx, broken connections) are retried by the SDK itself.
        clientOptions.Retry.MaxRetries = azure.MaxRetries;
        clientOptions.Retry.Mode = RetryMode.Exponential;
        clientOptions.Retry.Delay = TimeSpan.FromMilliseconds(200);
        clientOptions.Retry.MaxDelay = TimeSpan.FromSeconds(5);
        clientOptions.Retry.NetworkTimeout = TimeSpan.FromSeconds(10);
        if (extraPolicy is not null)
        {
            clientOptions.AddPolicy(extraPolicy, HttpPipelinePosition.PerRetry);
        }

        return string.IsNullOrWhiteSpace(azure.ConnectionString)
            ? new TableServiceClient(new Uri(azure.Endpoint!), new DefaultAzureCredential(), clientOptions)
            : new TableServiceClient(azure.ConnectionString, clientOptions);
    }
}

/// <summary>Clips' audio goes where the storage provider points: files beside the SQLite file's data, blobs in the Azure
/// Tables account.</summary>
internal static class ClipContentFactory
{
    public static IClipContent Create(StorageOptions options) => options.Provider switch
    {
        StorageProvider.AzureTables => new BlobClipContent(CreateService(options).GetBlobContainerClient(options.Clips.Container)),
        _ => new FileClipContent(options.Clips.Path),
    };

    private static BlobServiceClient CreateService(StorageOptions options)
    {
        var clientOptions = new BlobClientOptions();
        clientOptions.Retry.MaxRetries = options.AzureTables.MaxRetries;
        clientOptions.Retry.Mode = RetryMode.Exponential;
        clientOptions.Retry.NetworkTimeout = TimeSpan.FromSeconds(30);
        var clips = options.Clips;
        if (!string.IsNullOrWhiteSpace(clips.ConnectionString))
        {
            return new BlobServiceClient(clips.ConnectionString, clientOptions);
        }

        if (string.IsNullOrWhiteSpace(clips.BlobEndpoint) && !string.IsNullOrWhiteSpace(options.AzureTables.ConnectionString))
        {
            return new BlobServiceClient(options.AzureTables.ConnectionString, clientOptions);
        }

        return new BlobServiceClient(BlobEndpointOf(options)!, new DefaultAzureCredential(), clientOptions);
    }

    /// <summary>The configured blob endpoint, else the table endpoint's account's; null when neither can be told.</summary>
    public static Uri? BlobEndpointOf(StorageOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.Clips.BlobEndpoint))
        {
            return Uri.TryCreate(options.Clips.BlobEndpoint, UriKind.Absolute, out var configured) ? configured : null;
        }

        return Uri.TryCreate(options.AzureTables.Endpoint, UriKind.Absolute, out var tables) && tables.Host.Contains(".table.", StringComparison.OrdinalIgnoreCase)
            ? new UriBuilder(tables) { Host = tables.Host.Replace(".table.", ".blob.", StringComparison.OrdinalIgnoreCase) }.Uri
            : null;
    }
}
