using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using RolePlay.Core.Storage;
using RolePlay.Slack.Installs;

namespace RolePlay.Bot.Tests.Channels;

/// <summary>Slack installs through Core's platform-neutral install port, on a real SQLite file.</summary>
public sealed class StoredSlackInstallsTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Installed = new(2026, 11, 2, 9, 30, 0, TimeSpan.Zero);
    private SqliteServices _storage = null!;

    private IChannelInstallStore Store => _storage.Services.GetRequiredService<IChannelInstallStore>();

    private SlackTokenProtector Protector => _storage.Services.GetRequiredService<SlackTokenProtector>();

    private StoredSlackInstalls Installs => new(Store, Protector);

    public async Task InitializeAsync() => _storage = await SqliteServices.StartAsync("installs", services =>
    {
        services.AddDataProtection();
        services.AddSingleton<SlackTokenProtector>();
    });

    public async Task DisposeAsync() => await _storage.DisposeAsync();

    [Fact]
    public async Task An_install_round_trips_with_its_token_never_stored_in_clear()
    {
        var install = new SlackInstallation("E0ORG", null, "E0ORG", "U0BOT", "xoxb-1-secret", Installed, IsEnterpriseInstall: true);

        await Installs.SaveAsync(install, CancellationToken.None);

        Assert.Equal(install, await Installs.FindAsync("E0ORG", CancellationToken.None));
        var stored = await Store.GetAsync(new TenantScope("slack", "E0ORG"), CancellationToken.None);
        Assert.DoesNotContain("xoxb-1-secret", stored!.Payload, StringComparison.Ordinal);
        Assert.True(await Installs.RemoveAsync("E0ORG", CancellationToken.None));
        Assert.Null(await Installs.FindAsync("E0ORG", CancellationToken.None));
        Assert.False(await Installs.RemoveAsync("E0ORG", CancellationToken.None));
    }

    [Fact]
    public async Task An_install_stored_before_the_port_was_neutral_still_loads()
    {
        // The row the previous Core SlackInstall record wrote: same table, partition and row, its own field names.
        var legacy = $$"""
            {"teamId":"T0123","enterpriseId":null,"botUserId":"U0BOT","encryptedBotToken":"{{Protector.Protect("xoxb-old")}}",
             "scopes":"","installedUtc":"2026-11-02T09:30:00+00:00","isEnterpriseInstall":false}
            """;
        await Store.SaveAsync(new ChannelInstall(new TenantScope("slack", "T0123"), legacy), CancellationToken.None);

        Assert.Equal(new SlackInstallation("T0123", "T0123", null, "U0BOT", "xoxb-old", Installed),
            await Installs.FindAsync("T0123", CancellationToken.None));
    }

    [Fact]
    public async Task Each_platform_keeps_its_own_install_for_the_same_tenant_id()
    {
        await Installs.SaveAsync(new SlackInstallation("T1", "T1", null, "U0BOT", "xoxb-t1", Installed), CancellationToken.None);
        await Store.SaveAsync(new ChannelInstall(new TenantScope("teams", "T1"), "{\"other\":true}"), CancellationToken.None);

        Assert.Equal("xoxb-t1", (await Installs.FindAsync("T1", CancellationToken.None))!.BotToken);
        Assert.Equal("{\"other\":true}", (await Store.GetAsync(new TenantScope("teams", "T1"), CancellationToken.None))!.Payload);
    }
}
