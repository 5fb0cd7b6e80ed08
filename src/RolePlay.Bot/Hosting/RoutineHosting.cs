using Microsoft.Extensions.Options;
using Quartz;
using RolePlay.Core.Clips;
using RolePlay.Core.Routines;
using RolePlay.Core.Storage;
using RolePlay.Core.TeamSetup;

namespace RolePlay.Bot.Hosting;

/// <summary>The routine engine in the host: the runner and its routines as services, and Quartz waking it once a
/// minute (one trigger for everything, never one per person) plus a daily housekeeping job. Quartz keeps no state of
/// its own (in-memory store, misfires ignored): the runner's stored cursor is what catches up after downtime, and it
/// is shared by every host. A sibling routine is one more <c>services.AddSingleton&lt;IRoutine, X&gt;()</c>.</summary>
internal static class RoutineHosting
{
    public const string MinuteJob = "routines.minute";
    public const string HousekeepingJob = "housekeeping.daily";
    public const string ClipRetentionJob = "clips.retention";

    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RoutineOptions>().Bind(configuration.GetSection(RoutineOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RoutineOptions>, RoutineOptionsValidator>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<RoutineOptions>>().Value);
        services.AddSingleton<RoutineDelivery>();
        services.AddSingleton<DuePeople>();
        services.AddSingleton<PracticeSuggestions>();
        services.AddSingleton<IRoutine, ConsentCheckRoutine>();
        services.AddSingleton<IRoutine, DailyPromptRoutine>();
        services.AddSingleton<IRoutineRunner, RoutineRunner>();
        services.AddSingleton<RoutineCommands>();

        if (!configuration.GetValue(RoutineOptions.Section + ":" + nameof(RoutineOptions.Enabled), true))
        {
            return;
        }

        services.AddQuartz(quartz =>
        {
            Schedule<RoutineMinuteJob>(quartz, MinuteJob, "0 * * * * ?");
            Schedule<DailyHousekeepingJob>(quartz, HousekeepingJob, "0 17 3 * * ?");
            Schedule<ClipRetentionJob>(quartz, ClipRetentionJob, "0 37 3 * * ?");
        });
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
    }

    /// <summary>Cron in UTC with misfires ignored: a missed firing is not replayed by Quartz, the cursor does that.</summary>
    private static void Schedule<TJob>(IQuartzBuilder quartz, string name, string cron)
        where TJob : class, IJob =>
        quartz.ScheduleJob<TJob>(
            trigger => trigger
                .WithIdentity(name)
                .WithCronSchedule(cron, schedule => schedule.InTimeZone(TimeZoneInfo.Utc).WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing)),
            job => job.WithIdentity(name));

    private sealed class RoutineOptionsValidator : IValidateOptions<RoutineOptions>
    {
        public ValidateOptionsResult Validate(string? name, RoutineOptions options) =>
            options.Problems().ToArray() is { Length: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }
}

/// <summary>Once a minute: every routine, every tenant. Thin on purpose — the runner holds the logic and is tested
/// with a fake clock. Never overlaps itself: a long catch-up simply delays the next firing.</summary>
[DisallowConcurrentExecution]
internal sealed class RoutineMinuteJob(IRoutineRunner runner, TimeProvider time) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await runner.RunDueAsync(time.GetUtcNow(), cancellationToken);
}

/// <summary>Once a day: forgets expired inbound dedupe claims, tenant by tenant (one partition each), and expired
/// browser sign-ins.</summary>
[DisallowConcurrentExecution]
internal sealed class DailyHousekeepingJob(IPeopleStore people, IInboundDedupe dedupe, ISignInSessionStore signIns, TimeProvider time,
    ILogger<DailyHousekeepingJob> log) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var purged = 0;
        foreach (var tenant in await people.ListTenantsAsync(cancellationToken))
        {
            purged += await dedupe.PurgeExpiredAsync(tenant, now, cancellationToken);
        }

        var signedOut = await signIns.PurgeExpiredAsync(now, cancellationToken);
        log.LogInformation("Housekeeping purged {Count} expired inbound claims and {SignIns} expired sign-ins.", purged, signedOut);
    }
}

/// <summary>Once a day: every team's voice clips older than the team's retention are deleted, audio and all. Thin: the
/// rule lives in <see cref="ClipRetention"/>, tested with a fake clock.</summary>
[DisallowConcurrentExecution]
internal sealed class ClipRetentionJob(ClipRetention retention, ILogger<ClipRetentionJob> log) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var deleted = await retention.PurgeAsync(cancellationToken);
        log.LogInformation("Clip retention deleted {Count} clips past their team's retention.", deleted);
    }
}
