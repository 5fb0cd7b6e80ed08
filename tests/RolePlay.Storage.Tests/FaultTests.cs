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

    [Fact]
    public async Task A_shared_memory_file_that_cannot_be_written_is_refused_at_start()
    {
        var path = Path.Combine(_dir, "shm.db");
        var store = new SqliteRowStore(path, TimeSpan.FromSeconds(1));
        await new StorageInitializer(store).InitializeAsync(Ct);
        await new PeopleStore(store).SaveAsync(NewPerson(Person("before")), Ct);
        SqliteConnection.ClearAllPools(); // the last connection closes: SQLite checkpoints and removes -wal and -shm
        Directory.CreateDirectory(path + "-shm"); // what this process cannot open for writing, even as root

        var error = await Assert.ThrowsAsync<StorageUnavailableException>(() => new StorageInitializer(new SqliteRowStore(path, TimeSpan.FromSeconds(1))).InitializeAsync(Ct));

        Assert.Contains("cannot be written", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_database_file_is_refused_at_start_instead_of_starting_a_new_database()
    {
        var path = Path.Combine(_dir, "truncated.db");
        await File.WriteAllBytesAsync(path, []);

        var error = await Assert.ThrowsAsync<StorageUnavailableException>(() => new StorageInitializer(new SqliteRowStore(path, TimeSpan.FromSeconds(1))).InitializeAsync(Ct));

        Assert.Contains("is empty (0 bytes)", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, new FileInfo(path).Length); // nothing written over it
    }

    [Fact]
    public async Task A_sound_write_ahead_log_is_read_and_a_damaged_one_is_refused_at_start()
    {
        // A database whose last writes are still only in its WAL: copied while a connection holds it open.
        var live = Path.Combine(_dir, "live.db");
        var store = new SqliteRowStore(live, TimeSpan.FromSeconds(1));
        await new StorageInitializer(store).InitializeAsync(Ct);
        // SQLite folds the WAL into the database when its last connection closes, which the store's pool does at any
        // moment (another test's ClearAllPools): this one keeps the WAL as it is until the copies are made. A
        // connection takes its part in the WAL on its first read, not when it opens.
        await using var holder = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={live};Pooling=False");
        await holder.OpenAsync(Ct);
        await using (var read = holder.CreateCommand())
        {
            read.CommandText = "SELECT count(*) FROM sqlite_master";
            await read.ExecuteScalarAsync(Ct);
        }

        await new PeopleStore(store).SaveAsync(NewPerson(Person("only-in-the-wal")), Ct);
        var sound = Path.Combine(_dir, "sound.db");
        var damaged = Path.Combine(_dir, "damaged.db");
        foreach (var copy in new[] { sound, damaged })
        {
            File.Copy(live, copy);
            File.Copy(live + "-wal", copy + "-wal");
        }

        Assert.True(new FileInfo(sound + "-wal").Length > 32, "the copy must hold WAL frames for this test to mean anything");
        var bytes = await File.ReadAllBytesAsync(damaged + "-wal");
        bytes[17] ^= 0xFF; // a salt byte: the header's checksum no longer matches
        await File.WriteAllBytesAsync(damaged + "-wal", bytes);

        var reopened = new SqliteRowStore(sound, TimeSpan.FromSeconds(1));
        await new StorageInitializer(reopened).InitializeAsync(Ct);
        Assert.NotNull(await new PeopleStore(reopened).GetAsync(Person("only-in-the-wal"), Ct));
        var error = await Assert.ThrowsAsync<StorageUnavailableException>(() => new StorageInitializer(new SqliteRowStore(damaged, TimeSpan.FromSeconds(1))).InitializeAsync(Ct));
        Assert.Contains("write-ahead log", error.Message, StringComparison.Ordinal);
        Assert.Contains("move the -wal file aside", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_damaged_page_is_found_at_start_and_named_with_what_to_do()
    {
        var path = Path.Combine(_dir, "corrupt.db");
        var store = new SqliteRowStore(path, TimeSpan.FromSeconds(1));
        await new StorageInitializer(store).InitializeAsync(Ct);
        var people = new PeopleStore(store);
        for (var i = 0; i < 200; i++)
        {
            await people.SaveAsync(NewPerson(Person($"agent-{i}")), Ct);
        }

        SqliteConnection.ClearAllPools(); // the last connection checkpoints the WAL into the file
        var bytes = await File.ReadAllBytesAsync(path);
        Assert.False(File.Exists(path + "-wal") && new FileInfo(path + "-wal").Length > 0);
        const int pageSize = 4096;
        Assert.True(bytes.Length >= pageSize * 4);
        Array.Fill(bytes, (byte)0xA5, pageSize * 2, pageSize); // page 3, a b-tree page, overwritten
        await File.WriteAllBytesAsync(path, bytes);

        var error = await Assert.ThrowsAsync<StorageUnavailableException>(() => new StorageInitializer(new SqliteRowStore(path, TimeSpan.FromSeconds(1))).InitializeAsync(Ct));

        Assert.Contains("is damaged", error.Message, StringComparison.Ordinal);
        Assert.Contains(".recover", error.Message, StringComparison.Ordinal);
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
