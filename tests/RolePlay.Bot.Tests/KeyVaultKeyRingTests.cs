using Azure.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RolePlay.Bot.Hosting;
using RolePlay.Testing.Azure;

namespace RolePlay.Bot.Tests;

/// <summary>The key ring sealed at rest with a Key Vault key (<c>DataProtection:KeyVaultKeyUri</c>), against a local
/// Key Vault: what is stored cannot be opened without the vault, a restarted host opens what it protected, keys made
/// before the vault was configured stay readable, and a vault that refuses says so, naming the setting.</summary>
public sealed class KeyVaultKeyRingTests : IAsyncLifetime
{
    private const string Purpose = "RolePlay.Tests.KeyVault";
    private readonly string _dir = Directory.CreateTempSubdirectory("roleplay-vault-keys-").FullName;
    private FakeKeyVault _vault = null!;
    private Uri _key = null!;

    private string Keys => Path.Combine(_dir, "keys");

    public async Task InitializeAsync()
    {
        _vault = await FakeKeyVault.StartAsync();
        _key = _vault.CreateKey("roleplay-keyring");
    }

    public async Task DisposeAsync()
    {
        await _vault.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task The_stored_keys_are_sealed_by_the_vault_and_a_restarted_host_opens_what_it_protected()
    {
        string sealedToken;
        await using (var before = Host("before", $"--DataProtection:KeyVaultKeyUri={_key}"))
        {
            sealedToken = Protector(before).Protect("xoxb-the-workspace-token");
        }

        var stored = await File.ReadAllTextAsync(Directory.EnumerateFiles(Keys, "key-*.xml").Single());
        Assert.Contains(KeyVaultXmlDecryptor.Root, stored, StringComparison.Ordinal);
        Assert.DoesNotContain("<masterKey", stored, StringComparison.Ordinal); // the key's secret is not on disk in clear
        Assert.Equal(1, _vault.Wraps);

        await using var after = Host("after", $"--DataProtection:KeyVaultKeyUri={_key}");
        Assert.Equal("xoxb-the-workspace-token", Protector(after).Unprotect(sealedToken));
        Assert.True(_vault.Unwraps >= 1, "the restarted host asked the vault to unwrap the key");
    }

    [Fact]
    public async Task Without_the_vault_a_sealed_key_ring_does_not_open()
    {
        string sealedToken;
        await using (var before = Host("before", $"--DataProtection:KeyVaultKeyUri={_key}"))
        {
            sealedToken = Protector(before).Protect("a sign-in ticket");
        }

        await using var without = Host("without");

        var refused = Assert.ThrowsAny<Exception>(() => Protector(without).Unprotect(sealedToken));
        Assert.Contains("DataProtection:KeyVaultKeyUri", Messages(refused), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keys_made_before_the_vault_was_configured_stay_readable_after_a_rotation_of_the_vaults_key()
    {
        string plainKeyToken;
        await using (var before = Host("before"))
        {
            plainKeyToken = Protector(before).Protect("made before the vault");
        }

        await using var sealing = Host("sealing", $"--DataProtection:KeyVaultKeyUri={_key}");
        Assert.Equal("made before the vault", Protector(sealing).Unprotect(plainKeyToken));
        // A key made now is sealed with the vault key's version of the day; rotated, that version still unwraps it.
        var keyRing = sealing.Services.GetRequiredService<Microsoft.AspNetCore.DataProtection.KeyManagement.IKeyManager>();
        keyRing.CreateNewKey(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(90));
        _vault.CreateKey("roleplay-keyring");

        await using var after = Host("after", $"--DataProtection:KeyVaultKeyUri={_key}");
        var keys = after.Services.GetRequiredService<Microsoft.AspNetCore.DataProtection.KeyManagement.IKeyManager>().GetAllKeys();
        Assert.Equal(2, keys.Count);
        Assert.All(keys, k => Assert.NotNull(k.Descriptor)); // each opened, the sealed one through the vault
    }

    [Fact]
    public async Task A_vault_that_refuses_says_so_naming_the_setting()
    {
        _vault.Forbid = true;
        await using var host = Host("refused", $"--DataProtection:KeyVaultKeyUri={_key}");

        var refused = Assert.ThrowsAny<Exception>(() => Protector(host).Protect("anything"));

        var messages = Messages(refused);
        Assert.Contains("DataProtection:KeyVaultKeyUri", messages, StringComparison.Ordinal);
        Assert.Contains("403 Forbidden", messages, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://vault.vault.azure.net/keys/roleplay-keyring/0123456789abcdef")] // a version: rotation would not reach it
    [InlineData("http://vault.vault.azure.net/keys/roleplay-keyring")]
    [InlineData("https://vault.vault.azure.net/secrets/roleplay-keyring")]
    public void A_key_uri_that_is_not_a_keys_unversioned_https_url_is_refused_at_start(string uri)
    {
        var refused = Assert.Throws<OptionsValidationException>(() => Host("bad", $"--DataProtection:KeyVaultKeyUri={uri}"));

        Assert.Contains("DataProtection:KeyVaultKeyUri must be", refused.Message, StringComparison.Ordinal);
    }

    /// <summary>The real host, not started, with its keys in one folder and a token for the vault (the managed identity's,
    /// in Azure).</summary>
    private WebApplication Host(string name, params string[] settings) =>
        BotHost.Build(["--urls", "http://127.0.0.1:0", $"--Storage:Sqlite:Path={Path.Combine(_dir, name + ".db")}", $"--DataProtection:KeysPath={Keys}", .. settings],
            [], services => services.AddSingleton<TokenCredential>(new VaultToken()));

    private static IDataProtector Protector(WebApplication host) =>
        host.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose);

    private static string Messages(Exception e) => e.InnerException is { } inner ? e.Message + " | " + Messages(inner) : e.Message;

    /// <summary>Entra ID cannot run here: a token of the shape it issues, for the vault's scope only.</summary>
    private sealed class VaultToken : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            requestContext.Scopes.SequenceEqual(["https://vault.azure.net/.default"])
                ? new AccessToken("vault-token", DateTimeOffset.UtcNow.AddHours(1))
                : throw new InvalidOperationException($"unexpected scopes {string.Join(" ", requestContext.Scopes)}");

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
