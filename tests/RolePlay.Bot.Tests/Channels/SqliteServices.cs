using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RolePlay.Core.Storage;
using RolePlay.Storage;

namespace RolePlay.Bot.Tests.Channels;

/// <summary>The bot's storage on a real SQLite file in a temp folder of its own, beside whatever a test registers.</summary>
internal sealed class SqliteServices : IAsyncDisposable
{
    private readonly string _dir;

    private SqliteServices(string dir, ServiceProvider services)
    {
        _dir = dir;
        Services = services;
    }

    public ServiceProvider Services { get; }

    public static async Task<SqliteServices> StartAsync(string name, Action<IServiceCollection>? register = null)
    {
        var dir = Directory.CreateTempSubdirectory($"roleplay-{name}-").FullName;
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Sqlite:Path"] = Path.Combine(dir, "roleplay.db") })
            .Build();
        var collection = new ServiceCollection().AddLogging().AddRolePlayStorage(configuration);
        register?.Invoke(collection);
        var services = collection.BuildServiceProvider();
        await services.GetRequiredService<IStorageInitializer>().InitializeAsync(CancellationToken.None);
        return new SqliteServices(dir, services);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }
}
