using System.Net.Sockets;
using System.Net;
using Microsoft.Data.Sqlite;
using RolePlay.Core.Storage;
using RolePlay.Storage.Repositories;
using RolePlay.Storage.Sqlite;
using RolePlay.Testing;
using static RolePlay.Storage.Tests.TestData;

namespace RolePlay.Storage.Tests;

/// <summary>An unreachable or locked store gives a typed, secret-free error and loses nothing acknowledged.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class FaultTests(AzuriteFixture azurite) : IDisposable
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly string _dir = Directory.CreateTempSubdirectory("roleplay-faults-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task A_locked_sqlite_database_is_retried_then_reported_and_keeps_acknowledged_writes()
    {
        var path = Path.Combine(_dir, "locked.db");
        var store = new SqliteRowStore(path, TimeSpan.FromMilliseconds(100), maxRetries: 2);
        await new StorageInitializer(store).InitializeAsync(Ct);
        var people = new PeopleStore(store);
        await people.SaveAsync(NewPerson(Person("kept")), Ct);

        await using (var blocker = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await blocker.OpenAsync();
            using var begin = blocker.CreateCommand();
            begin.CommandText = "BEGIN EXCLUSIVE;";
            await begin.ExecuteNonQueryAsync();

            var before = store.RoundTrips;
            var error = await Assert.ThrowsAsync<StorageUnavailableException>(() => people.SaveAsync(NewPerson(Person("lost")), Ct));
            Assert.Equal("SQLite (locked.db)", error.StoreName);
            Assert.Contains("locked", error.Message, StringComparison.Ordinal);
            Assert.Equal(before + 1, store.RoundTrips);
        }

        Assert.NotNull(await people.GetAsync(Person("kept"), Ct));
        Assert.Null(await people.GetAsync(Person("lost"), Ct));
        await people.SaveAsync(NewPerson(Person("after")), Ct);
    }

    [Fact]
    public async Task An_unusable_sqlite_path_names_the_store()
    {
        var blockerFile = Path.Combine(_dir, "not-a-folder");
        await File.WriteAllTextAsync(blockerFile, "x");
        var store = new SqliteRowStore(Path.Combine(blockerFile, "roleplay.db"), TimeSpan.FromMilliseconds(100));
        var error = await Assert.ThrowsAsync<StorageUnavailableException>(() => new StorageInitializer(store).InitializeAsync(Ct));
        Assert.StartsWith("Storage 'SQLite (roleplay.db)' is unavailable", error.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task An_unreachable_azure_store_is_reported_without_secrets_and_loses_nothing()
    {
        Skip.If(azurite.SkipReason is not null, azurite.SkipReason);
        var prefix = "F" + Guid.NewGuid().ToString("N")[..10];
        var live = RowStoreFactory.Create(new StorageOptions { Provider = StorageProvider.AzureTables, AzureTables = { ConnectionString = azurite.ConnectionString, TablePrefix = prefix } });
        await new StorageInitializer(live).InitializeAsync(Ct);
        await new PeopleStore(live).SaveAsync(NewPerson(Person("kept")), Ct);

        var deadConnection = azurite.ConnectionString!.Replace($":{new Uri(ExtractEndpoint(azurite.ConnectionString!)).Port}/", $":{ClosedPort()}/", StringComparison.Ordinal);
        var requests = new RequestCounter();
        var dead = RowStoreFactory.Create(new StorageOptions { Provider = StorageProvider.AzureTables, AzureTables = { ConnectionString = deadConnection, TablePrefix = prefix, MaxRetries = 2 } }, requests);
        var people = new PeopleStore(dead);

        var read = await Assert.ThrowsAsync<StorageUnavailableException>(() => people.GetAsync(Person("kept"), Ct));
        Assert.Equal(3, requests.Count); // the first try and the SDK's two retries
        var write = await Assert.ThrowsAsync<StorageUnavailableException>(() => new SessionStore(dead).SaveAsync(NewSession(Person("kept")), [], Ct));
        foreach (var error in new[] { read, write })
        {
            Assert.Equal("Azure Tables (devstoreaccount1)", error.StoreName);
            Assert.DoesNotContain("AccountKey", error.Message, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Eby8vdM02", error.Message, StringComparison.Ordinal);
        }

        Assert.NotNull(await new PeopleStore(live).GetAsync(Person("kept"), Ct));
    }

    private static string ExtractEndpoint(string connectionString) =>
        connectionString.Split(';').Single(p => p.StartsWith("TableEndpoint=", StringComparison.Ordinal))["TableEndpoint=".Length..];

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
