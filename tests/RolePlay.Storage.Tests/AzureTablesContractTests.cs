using RolePlay.Core.Storage;
using RolePlay.Storage.AzureTables;
using RolePlay.Storage.Rows;
using RolePlay.Testing;

namespace RolePlay.Storage.Tests;

/// <summary>The contract on Azure Table Storage (Azurite), each test with its own table prefix.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AzureTablesContractTests(AzuriteFixture azurite, AzuriteBlobFixture blobs) : StorageContract
{
    private readonly string _prefix = "T" + Guid.NewGuid().ToString("N")[..12];
    private readonly RequestCounter _requests = new();

    protected override string? SkipReason => azurite.SkipReason ?? blobs.SkipReason;

    protected override long RoundTrips => _requests.Count;

    private protected override IRowStore CreateRowStore() => Create(_requests);

    private protected override IClipContent CreateClipContent() => ClipContentFactory.Create(new StorageOptions
    {
        Provider = StorageProvider.AzureTables,
        AzureTables = { ConnectionString = azurite.ConnectionString },
        Clips = { ConnectionString = blobs.ConnectionString, Container = "clips-" + _prefix.ToLowerInvariant() },
    });

    private protected override IRowStore CreateSecondRowStore() => Create(new RequestCounter());

    private AzureTableRowStore Create(RequestCounter counter) =>
        (AzureTableRowStore)RowStoreFactory.Create(
            new StorageOptions
            {
                Provider = StorageProvider.AzureTables,
                AzureTables = { ConnectionString = azurite.ConnectionString, TablePrefix = _prefix },
            },
            counter);
}
