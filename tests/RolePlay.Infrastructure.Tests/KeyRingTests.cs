using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RolePlay.Bot.Hosting;

namespace RolePlay.Infrastructure.Tests;

/// <summary><c>DataProtection:BlobUri</c> is read when the host is built, not validated: proved here by what it does.
/// With the Bicep's URI the keys live in the one blob every replica shares, in the container the storage module
/// creates and the identity may write to.</summary>
[Collection(DeploymentCollection.Name)]
public sealed class KeyRingTests(DeploymentFixture deployments)
{
    [Theory]
    [MemberData(nameof(DeploymentFixture.ParamFiles), MemberType = typeof(DeploymentFixture))]
    public void The_Bicep_key_ring_uri_makes_every_replica_share_one_blob(string paramFile)
    {
        var uri = ArmExpression.Representative(deployments[paramFile].App[AppSettings.KeyRingBlob].Value!);

        var repository = KeyRepository(new() { [AppSettings.Key(AppSettings.KeyRingBlob)] = uri });

        Assert.NotNull(repository);
        Assert.IsNotType<FileSystemXmlRepository>(repository);
        // Without it the keys stay in a folder of the replica's own.
        var folder = Directory.CreateTempSubdirectory("roleplay-keys-").FullName;
        try
        {
            Assert.IsType<FileSystemXmlRepository>(KeyRepository(new() { [AppSettings.Key(AppSettings.Env(KeyRing.Section, "KeysPath"))] = folder }));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(DeploymentFixture.ParamFiles), MemberType = typeof(DeploymentFixture))]
    public void The_key_ring_blob_is_in_the_container_the_storage_module_creates(string paramFile)
    {
        var deployment = deployments[paramFile];
        var uri = new Uri(ArmExpression.Representative(deployment.App[AppSettings.KeyRingBlob].Value!));
        var account = (string)deployment.Single("Microsoft.Storage/storageAccounts")["name"]!;

        Assert.Equal($"/{KeyRing.Container}/{KeyRing.BlobName}", uri.AbsolutePath);
        Assert.StartsWith($"https://{account}.blob.", uri.ToString(), StringComparison.Ordinal);
        Assert.Contains(deployment.OfType("Microsoft.Storage/storageAccounts/blobServices/containers"),
            c => (string?)c["name"] == $"{account}/default/{KeyRing.Container}");
    }

    [Theory]
    [MemberData(nameof(DeploymentFixture.ParamFiles), MemberType = typeof(DeploymentFixture))]
    public void The_Bicep_key_uri_seals_the_ring_with_the_vaults_key_ring_key(string paramFile)
    {
        var deployment = deployments[paramFile];
        var uri = new Uri(ArmExpression.Representative(deployment.App[AppSettings.KeyRingVaultKey].Value!));
        var vault = (string)deployment.Single("Microsoft.KeyVault/vaults")["name"]!;
        var key = Assert.Single(deployment.OfType("Microsoft.KeyVault/vaults/keys"));

        var services = new ServiceCollection();
        KeyRing.Add(services, new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [AppSettings.Key(AppSettings.KeyRingVaultKey)] = uri.ToString() }).Build());
        using var provider = services.BuildServiceProvider();

        Assert.IsType<KeyVaultXmlEncryptor>(provider.GetRequiredService<IOptions<KeyManagementOptions>>().Value.XmlEncryptor);
        Assert.Equal(uri, provider.GetRequiredService<KeyVaultKeyWrap>().KeyUri);
        Assert.StartsWith($"https://{vault}", uri.ToString(), StringComparison.Ordinal);
        Assert.Equal($"{vault}/{uri.Segments[^1]}", (string?)key["name"]);
        Assert.Equal(["wrapKey", "unwrapKey"], key["properties"]!["keyOps"]!.AsArray().Select(o => (string?)o));
    }

    /// <summary>The repository the app's key ring registers.</summary>
    private static IXmlRepository? KeyRepository(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        KeyRing.Add(services, new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<KeyManagementOptions>>().Value.XmlRepository;
    }
}
