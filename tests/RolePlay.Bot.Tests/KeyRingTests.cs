using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using RolePlay.Bot.Hosting;
using RolePlay.Testing;

namespace RolePlay.Bot.Tests;

/// <summary>What one instance protects (a sign-in cookie, an encrypted Slack token), another opens: two replicas sharing
/// the key ring in a blob, and one instance after a restart with keys in its folder.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class KeyRingTests(AzuriteFixture shared) : IDisposable
{
    private const string Purpose = "RolePlay.Tests.KeyRing";
    private readonly string _dir = Directory.CreateTempSubdirectory("roleplay-keys-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [SkippableFact]
    public async Task Two_replicas_sharing_the_blob_open_each_others_protected_data()
    {
        Skip.If(shared.SkipReason is not null, shared.SkipReason);
        await using var azurite = await AzuriteProcess.StartAsync(TimeSpan.FromSeconds(30), service: AzuriteService.Blob);
        string[] settings = [$"--DataProtection:BlobConnectionString={azurite.ConnectionString}"];
        await using var first = Host("first", settings);
        await using var second = Host("second", settings);

        var sealedByFirst = Protector(first).Protect("xoxb-the-workspace-token");
        var sealedBySecond = Protector(second).Protect("a sign-in ticket");

        Assert.Equal("xoxb-the-workspace-token", Protector(second).Unprotect(sealedByFirst));
        Assert.Equal("a sign-in ticket", Protector(first).Unprotect(sealedBySecond));
        Assert.Empty(Directory.EnumerateFiles(_dir, "key-*.xml", SearchOption.AllDirectories)); // nothing on local disk
    }

    [Fact]
    public async Task Without_a_blob_the_keys_outlive_a_restart_whatever_channels_are_on()
    {
        var keys = Path.Combine(_dir, "keys");
        string protectedValue;
        await using (var before = Host("before", $"--DataProtection:KeysPath={keys}"))
        {
            protectedValue = Protector(before).Protect("a studio identity");
        }

        await using var after = Host("after", $"--DataProtection:KeysPath={keys}");

        Assert.Equal("a studio identity", Protector(after).Unprotect(protectedValue));
        Assert.NotEmpty(Directory.EnumerateFiles(keys, "key-*.xml"));
    }

    /// <summary>The real host in local mode (no channel configured), not started: only its services are needed.</summary>
    private WebApplication Host(string name, params string[] settings) =>
        BotHost.Build(["--urls", "http://127.0.0.1:0", $"--Storage:Sqlite:Path={Path.Combine(_dir, name + ".db")}", .. settings], []);

    private static IDataProtector Protector(WebApplication host) =>
        host.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose);
}
