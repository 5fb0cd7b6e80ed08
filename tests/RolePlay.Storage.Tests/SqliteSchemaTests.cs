using Microsoft.Data.Sqlite;
using RolePlay.Storage.Repositories;
using RolePlay.Storage.Rows;
using RolePlay.Storage.Sqlite;
using static RolePlay.Storage.Tests.TestData;

namespace RolePlay.Storage.Tests;

public sealed class SqliteSchemaTests : IDisposable
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly string _dir = Directory.CreateTempSubdirectory("roleplay-schema-").FullName;

    private string DbPath => Path.Combine(_dir, "nested", "roleplay.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Start_up_creates_the_file_in_wal_mode_at_the_latest_schema_and_is_repeatable()
    {
        var store = new SqliteRowStore(DbPath, TimeSpan.FromSeconds(1));
        await new StorageInitializer(store).InitializeAsync(Ct);
        await new PeopleStore(store).SaveAsync(NewPerson(Person("ana")), Ct);
        await new StorageInitializer(new SqliteRowStore(DbPath, TimeSpan.FromSeconds(1))).InitializeAsync(Ct);

        Assert.Equal((long)SqliteMigrations.All.Count, Pragma("user_version"));
        Assert.Equal("wal", Pragma("journal_mode"));
        Assert.NotNull(await new PeopleStore(store).GetAsync(Person("ana"), Ct));
    }

    [Fact]
    public async Task A_database_from_a_newer_build_is_refused_clearly()
    {
        var store = new SqliteRowStore(DbPath, TimeSpan.FromSeconds(1));
        await new StorageInitializer(store).InitializeAsync(Ct);
        Execute($"PRAGMA user_version = {SqliteMigrations.All.Count + 1};");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => new StorageInitializer(store).InitializeAsync(Ct));
        Assert.Contains("newer than this build", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_table_the_repositories_use_is_created_by_the_initializer()
    {
        var store = new SqliteRowStore(DbPath, TimeSpan.FromSeconds(1));
        await store.InitializeAsync(Tables.All, Ct);
        Assert.Equal(Tables.All.Count, Tables.All.Distinct().Count());
        Assert.All(Tables.All, t => Assert.Matches("^[A-Za-z][A-Za-z0-9]{2,22}$", t));
    }

    private object? Pragma(string name)
    {
        using var connection = new SqliteConnection($"Data Source={DbPath};Pooling=False");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"PRAGMA {name};";
        return cmd.ExecuteScalar();
    }

    private void Execute(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={DbPath};Pooling=False");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
