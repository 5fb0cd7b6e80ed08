using Azure.Core;
using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace RolePlay.Bot.Hosting;

/// <summary>Where Data Protection keeps its keys (sign-in cookies, OAuth state, encrypted Slack tokens, the studio's
/// identity): one blob every replica shares (<c>DataProtection:BlobUri</c>, reached with the managed identity, or
/// <c>DataProtection:BlobConnectionString</c>), else a folder (<c>DataProtection:KeysPath</c>, <c>data/keys</c>).
/// Always persisted, whatever channels are on: with keys held only in memory, every restart signed everyone out. With
/// <c>DataProtection:KeyVaultKeyUri</c> each key is sealed with that Key Vault key at rest (<see cref="KeyVaultXmlEncryptor"/>).</summary>
public static class KeyRing
{
    public const string Section = "DataProtection";

    /// <summary>The container and blob used with a connection string.</summary>
    public const string Container = "roleplay-keys";

    public const string BlobName = "keys.xml";

    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var keys = services.AddDataProtection().SetApplicationName("RolePlay");
        var settings = configuration.GetSection(Section);
        var blob = settings["BlobUri"] is { Length: > 0 } uri
            ? new BlobClient(BlobUri(uri), new DefaultAzureCredential())
            : settings["BlobConnectionString"] is { Length: > 0 } connection
                ? new BlobClient(connection, Container, BlobName)
                : null;
        if (settings["KeyVaultKeyUri"] is { Length: > 0 } keyUri)
        {
            ProtectWithKeyVault(services, KeyUri(keyUri));
        }

        if (blob is null)
        {
            keys.PersistKeysToFileSystem(new DirectoryInfo(settings["KeysPath"] ?? "data/keys"));
            return;
        }

        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(new ConfigureOptions<KeyManagementOptions>(
            options => options.XmlRepository = new BlobKeyRing(blob)));
    }

    /// <summary>Each new key of the ring is sealed with the vault's key before it is stored; keys stored before stay
    /// readable (Data Protection reads each element with the decryptor it names).</summary>
    private static void ProtectWithKeyVault(IServiceCollection services, Uri keyUri)
    {
        services.AddHttpClient(KeyVaultKeyWrap.HttpClientName);
        services.TryAddSingleton<TokenCredential>(_ => new DefaultAzureCredential());
        services.AddSingleton(sp => new KeyVaultKeyWrap(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(KeyVaultKeyWrap.HttpClientName), sp.GetRequiredService<TokenCredential>(), keyUri));
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(
            options => options.XmlEncryptor = new KeyVaultXmlEncryptor(sp.GetRequiredService<KeyVaultKeyWrap>())));
    }

    /// <summary>A Key Vault key's https URL without a version (plain http only on this machine, for tests), refused with
    /// the setting's name.</summary>
    private static Uri KeyUri(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
            && uri.AbsolutePath.Trim('/').Split('/') is ["keys", { Length: > 0 }]
            ? uri
            : throw new OptionsValidationException(Section, typeof(Uri),
                [$"{Section}:KeyVaultKeyUri must be the https URL of a Key Vault key without a version, e.g. https://vault.vault.azure.net/keys/roleplay-keyring, got '{value}'."]);

    /// <summary>A blob's https URL (plain http only on this machine, for the emulator), refused with the setting's name.</summary>
    private static Uri BlobUri(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
            && uri.AbsolutePath.Trim('/').Contains('/', StringComparison.Ordinal)
            ? uri
            : throw new OptionsValidationException(Section, typeof(Uri),
                [$"{Section}:BlobUri must be the https URL of a blob, e.g. https://account.blob.core.windows.net/{Container}/{BlobName}, got '{value}'."]);
}
