using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RolePlay.Core.Storage;
using RolePlay.Storage.Clips;

namespace RolePlay.Storage.Tests;

/// <summary>Where clips' audio goes follows the storage provider, and a setting that cannot work stops the start naming it.</summary>
public sealed class ClipConfigurationTests
{
    [Fact]
    public void Sqlite_keeps_clips_as_files_and_azure_tables_as_blobs_of_the_same_account()
    {
        using var files = Build(new() { ["Storage:Clips:Path"] = "somewhere/clips" });
        Assert.IsType<FileClipContent>(files.GetRequiredService<IClipContent>());

        var azure = new StorageOptions { Provider = StorageProvider.AzureTables, AzureTables = { Endpoint = "https://acct.table.core.windows.net/" } };
        Assert.Equal(new Uri("https://acct.blob.core.windows.net/"), ClipContentFactory.BlobEndpointOf(azure));
        using var blobs = Build(new() { ["Storage:Provider"] = "AzureTables", ["Storage:AzureTables:Endpoint"] = "https://acct.table.core.windows.net/" });
        blobs.GetRequiredService<IStartupValidator>().Validate();
        var content = Assert.IsType<BlobClipContent>(blobs.GetRequiredService<IClipContent>());
        Assert.Equal("Azure Blob Storage (acct/roleplay-clips)", content.Name);
    }

    [Theory]
    [InlineData("Storage:Clips:Container", "Not_A_Container", "Storage:Clips:Container 'Not_A_Container'")]
    [InlineData("Storage:AzureTables:Endpoint", "https://tables.contoso.example/", "Storage:Clips:BlobEndpoint must be")]
    [InlineData("Storage:Clips:BlobEndpoint", "http://acct.blob.core.windows.net/", "Storage:Clips:BlobEndpoint must be")]
    public void Clip_settings_that_cannot_work_stop_the_start_with_their_name(string key, string value, string expected)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "AzureTables",
            ["Storage:AzureTables:Endpoint"] = "https://acct.table.core.windows.net/",
            [key] = value,
        };
        using var services = Build(settings);
        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_clips_folder_is_refused_with_sqlite()
    {
        using var services = Build(new() { ["Storage:Clips:Path"] = " " });
        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains("Storage:Clips:Path", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddRolePlayStorage(configuration).BuildServiceProvider();
    }
}
