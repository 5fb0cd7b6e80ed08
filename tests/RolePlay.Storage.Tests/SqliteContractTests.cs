using RolePlay.Core.Storage;
using RolePlay.Storage.Rows;
using RolePlay.Storage.Sqlite;

namespace RolePlay.Storage.Tests;

/// <summary>The contract on SQLite, each test on its own temp file.</summary>
public sealed class SqliteContractTests : StorageContract
{
    private readonly string _dir = Directory.CreateTempSubdirectory("roleplay-sqlite-").FullName;
    private SqliteRowStore? _store;

    protected override string? SkipReason => null;

    protected override long RoundTrips => _store?.RoundTrips ?? 0;

    private string DbPath => Path.Combine(_dir, "data", "roleplay.db");

    public override Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
        return Task.CompletedTask;
    }

    private protected override IRowStore CreateRowStore() => _store = new SqliteRowStore(DbPath, TimeSpan.FromSeconds(5));

    private protected override IClipContent CreateClipContent() => ClipContentFactory.Create(new StorageOptions { Clips = { Path = Path.Combine(_dir, "data", "clips") } });

    private protected override IRowStore CreateSecondRowStore() => new SqliteRowStore(DbPath, TimeSpan.FromSeconds(5));
}
