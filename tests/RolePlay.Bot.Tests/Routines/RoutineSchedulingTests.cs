using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using RolePlay.Bot.Hosting;
using RolePlay.Core.Routines;
using RolePlay.Core.Settings;
using RolePlay.Core.Storage;

namespace RolePlay.Bot.Tests.Routines;

/// <summary>The real host's scheduling: one minute trigger and one daily housekeeping trigger, misfires left to the
/// runner's cursor, and none of it when routines are switched off.</summary>
public sealed class RoutineSchedulingTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("roleplay-quartz-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task The_host_schedules_one_minute_job_and_a_daily_housekeeping_job_that_never_overlap_themselves()
    {
        await using var app = Build();
        await app.Services.GetRequiredService<IStorageInitializer>().InitializeAsync(CancellationToken.None);
        await app.StartAsync();
        try
        {
            var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(CancellationToken.None);

            var minute = (ICronTrigger)(await scheduler.GetTrigger(new TriggerKey(RoutineHosting.MinuteJob), CancellationToken.None))!;
            Assert.Equal(("0 * * * * ?", TimeZoneInfo.Utc, CronTriggerMisfireInstruction.DoNothing),
                (minute.CronExpressionString, minute.TimeZone, minute.MisfireInstruction));
            var minuteJob = (await scheduler.GetJobDetail(new JobKey(RoutineHosting.MinuteJob), CancellationToken.None))!;
            Assert.Equal((typeof(RoutineMinuteJob), true), (minuteJob.JobType.Type, minuteJob.ConcurrentExecutionDisallowed));

            var daily = (ICronTrigger)(await scheduler.GetTrigger(new TriggerKey(RoutineHosting.HousekeepingJob), CancellationToken.None))!;
            Assert.Equal(("0 17 3 * * ?", CronTriggerMisfireInstruction.DoNothing), (daily.CronExpressionString, daily.MisfireInstruction));
            Assert.True((await scheduler.GetJobDetail(new JobKey(RoutineHosting.HousekeepingJob), CancellationToken.None))!.ConcurrentExecutionDisallowed);

            Assert.Equal(Enum.GetValues<RoutineKind>(), app.Services.GetServices<IRoutine>().Select(r => r.Kind).Order());
        }
        finally
        {
            await app.StopAsync();
        }
    }

    [Fact]
    public async Task With_routines_disabled_nothing_is_scheduled_but_managers_can_still_run_one()
    {
        await using var app = Build("--Routines:Enabled=false");

        Assert.Null(app.Services.GetService<ISchedulerFactory>());
        Assert.NotNull(app.Services.GetRequiredService<IRoutineRunner>());
    }

    [Fact]
    public void A_bad_misfire_window_is_refused_at_start_up_naming_the_setting()
    {
        using var app = Build("--Routines:MisfireWindow=-00:05:00");

        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => app.Services.GetRequiredService<RoutineOptions>());
        Assert.Contains("Routines:MisfireWindow", error.Message, StringComparison.Ordinal);
    }

    private WebApplication Build(params string[] extra) => BotHost.Build(
        ["--urls", "http://127.0.0.1:0", $"--Storage:Sqlite:Path={Path.Combine(_dir, "roleplay.db")}", .. extra], []);
}

/// <summary>The daily housekeeping job: every tenant's expired inbound claims go, live ones stay.</summary>
public sealed class HousekeepingTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("roleplay-housekeeping-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Expired_inbound_claims_are_purged_in_every_tenant_and_live_ones_kept()
    {
        await using var app = BotHost.Build(["--urls", "http://127.0.0.1:0", $"--Storage:Sqlite:Path={Path.Combine(_dir, "roleplay.db")}",
            "--Routines:Enabled=false"], []);
        var services = app.Services;
        await services.GetRequiredService<IStorageInitializer>().InitializeAsync(CancellationToken.None);
        var people = services.GetRequiredService<IPeopleStore>();
        var dedupe = services.GetRequiredService<IInboundDedupe>();
        var now = TimeProvider.System.GetUtcNow();
        foreach (var tenant in new[] { "contoso", "fabrikam" })
        {
            await people.SaveAsync(Core.Settings.PersonSettings.NewPerson(new("teams", tenant, "someone")), CancellationToken.None);
            await dedupe.TryClaimAsync(new InboundEventKey(new TenantScope("teams", tenant), "old"), now.AddDays(-2), TimeSpan.FromDays(1), CancellationToken.None);
            await dedupe.TryClaimAsync(new InboundEventKey(new TenantScope("teams", tenant), "fresh"), now, TimeSpan.FromDays(1), CancellationToken.None);
        }

        var job = ActivatorUtilities.CreateInstance<DailyHousekeepingJob>(services);
        await job.Execute(null!, CancellationToken.None); // the job reads nothing from its Quartz context

        foreach (var tenant in new[] { "contoso", "fabrikam" })
        {
            var scope = new TenantScope("teams", tenant);
            Assert.Equal(0, await dedupe.PurgeExpiredAsync(scope, now, CancellationToken.None)); // the job left nothing expired
            Assert.False(await dedupe.TryClaimAsync(new InboundEventKey(scope, "fresh"), now, TimeSpan.FromDays(1), CancellationToken.None));
        }
    }
}
