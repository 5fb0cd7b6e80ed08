using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RolePlay.Core.Storage;
using static RolePlay.Storage.Tests.TestData;

namespace RolePlay.Storage.Tests;

public sealed class ConfigurationTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("roleplay-config-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Default_configuration_is_an_embedded_sqlite_store_that_works_end_to_end()
    {
        var path = Path.Combine(_dir, "bot.db");
        using var services = Build(new() { ["Storage:Sqlite:Path"] = path });
        Assert.Equal(StorageProvider.Sqlite, services.GetRequiredService<IOptions<StorageOptions>>().Value.Provider);
        Assert.Equal("data/roleplay.db", new StorageOptions().Sqlite.Path);

        await services.GetRequiredService<IStorageInitializer>().InitializeAsync(CancellationToken.None);
        await services.GetRequiredService<IPeopleStore>().SaveAsync(NewPerson(Person("ana")), CancellationToken.None);
        Assert.NotNull(await services.GetRequiredService<IPeopleStore>().GetAsync(Person("ana"), CancellationToken.None));
        Assert.True(File.Exists(path));
    }

    [Theory]
    [InlineData(null, null, "set exactly one of Storage:AzureTables:ConnectionString or Storage:AzureTables:Endpoint")]
    [InlineData("UseDevelopmentStorage=true", "https://acct.table.core.windows.net", "set exactly one of")]
    [InlineData(null, "http://acct.table.core.windows.net", "must be an absolute https URL")]
    [InlineData("just-some-text", null, "does not look like a storage connection string")]
    public void Azure_settings_are_validated_at_start_up_with_a_clear_message(string? connectionString, string? endpoint, string expected)
    {
        using var services = Build(new()
        {
            ["Storage:Provider"] = "AzureTables",
            ["Storage:AzureTables:ConnectionString"] = connectionString,
            ["Storage:AzureTables:Endpoint"] = endpoint,
        });
        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validation_messages_never_echo_a_secret()
    {
        using var services = Build(new()
        {
            ["Storage:Provider"] = "AzureTables",
            ["Storage:AzureTables:ConnectionString"] = "DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=TOPSECRETKEY==",
            ["Storage:AzureTables:TablePrefix"] = "bad-prefix!",
        });
        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains("TablePrefix 'bad-prefix!'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("TOPSECRETKEY", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_valid_azure_configuration_passes_and_an_empty_sqlite_path_does_not()
    {
        using var azure = Build(new()
        {
            ["Storage:Provider"] = "AzureTables",
            ["Storage:AzureTables:Endpoint"] = "https://acct.table.core.windows.net",
            ["Storage:AzureTables:TablePrefix"] = "RolePlayProd",
        });
        azure.GetRequiredService<IStartupValidator>().Validate();

        using var sqlite = Build(new() { ["Storage:Sqlite:Path"] = " " });
        var error = Assert.Throws<OptionsValidationException>(() => sqlite.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains("Storage:Sqlite:Path", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddRolePlayStorage(configuration).BuildServiceProvider();
    }
}
