using RolePlay.Core.Storage;
using RolePlay.Storage.Repositories;
using RolePlay.Storage.Rows;
using static RolePlay.Storage.Tests.TestData;

namespace RolePlay.Storage.Tests;

/// <summary>A team's choice of voice, and its model-voice tokens per day, counted safely when hosts add at once.</summary>
public abstract partial class StorageContract
{
    private protected VoiceUsageStore VoiceUsage => new(Rows);

    [SkippableFact]
    public async Task Tokens_added_at_once_by_several_hosts_all_count_and_the_managers_are_marked_told_once()
    {
        SkipIfUnavailable();
        var tenant = Tenant("voice-" + Guid.NewGuid().ToString("N"));
        var day = new DateOnly(2026, 11, 25);
        Assert.Null(await VoiceUsage.GetAsync(tenant, "support", day, Ct));

        await Task.WhenAll(Enumerable.Range(1, 6).Select(i => VoiceUsage.AddAsync(tenant, "support", day, 100 * i, Ct)));
        var marks = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => VoiceUsage.MarkToldAsync(tenant, "support", day, Ct)));

        var usage = await VoiceUsage.GetAsync(tenant, "support", day, Ct);
        Assert.Equal(2100, usage!.Tokens);
        Assert.True(usage.ManagersTold);
        Assert.Single(marks, told => told);
        // Another day, another team, another tenant: each counts from nothing.
        Assert.Null(await VoiceUsage.GetAsync(tenant, "support", day.AddDays(1), Ct));
        Assert.Null(await VoiceUsage.GetAsync(tenant, "sales", day, Ct));
        Assert.Null(await VoiceUsage.GetAsync(Tenant("voice-" + Guid.NewGuid().ToString("N")), "support", day, Ct));
        // Usage rows are not teams.
        Assert.Empty(await Teams.ListAsync(tenant, Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => VoiceUsage.AddAsync(tenant, "support", day, -1, Ct));
    }

    [SkippableFact]
    public async Task A_teams_voice_is_kept_and_a_team_stored_before_it_existed_reads_as_the_rule_voice()
    {
        SkipIfUnavailable();
        var tenant = Tenant("voice-" + Guid.NewGuid().ToString("N"));
        var team = await Teams.SaveAsync(NewTeam(tenant) with { Voice = VoiceKind.Model, VoiceEndpoint = "ours" }, Ct);

        var read = await Teams.GetAsync(tenant, team.TeamId, Ct);
        Assert.Equal((VoiceKind.Model, "ours"), (read!.Voice, read.VoiceEndpoint));

        var older = StorageJson.Read<TeamRecord>("""
            {"tenant":{"platform":"teams","tenantId":"t"},"teamId":"x","name":"x","standupChannelId":null,"standupTime":null,
             "timeZone":"Etc/UTC","serviceValues":[],"empathyWinEmoji":"heart","recognitionEmoji":"like"}
            """);
        Assert.Equal(VoiceKind.Rule, older.Voice);
        Assert.Null(older.VoiceEndpoint);
    }
}
