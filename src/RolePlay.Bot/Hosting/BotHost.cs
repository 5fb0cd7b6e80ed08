using Microsoft.Extensions.Options;
using RolePlay.Bot.Channels;
using RolePlay.Bot.Web;
using RolePlay.Core.Chat;
using RolePlay.Core.Clips;
using RolePlay.Core.Consent;
using RolePlay.Core.Content;
using RolePlay.Core.Content.Loading;
using RolePlay.Core.Debriefing;
using RolePlay.Core.Detection;
using RolePlay.Core.Detection.Learned;
using RolePlay.Core.Facilitation;
using RolePlay.Core.GroupPractice;
using RolePlay.Core.Insights;
using RolePlay.Core.PeerCoaching;
using RolePlay.Core.Practice;
using RolePlay.Core.Recognition;
using RolePlay.Core.Routines;
using RolePlay.Core.Routing;
using RolePlay.Core.Scene;
using RolePlay.Core.Sharing;
using RolePlay.Core.Storage;
using RolePlay.Core.TeamSetup;
using RolePlay.Dashboard;
using RolePlay.LearningRecords;
using RolePlay.Storage;
using RolePlay.Studio.Transcripts;

namespace RolePlay.Bot.Hosting;

/// <summary>The ASP.NET Core host: configuration, content, the practice services and the endpoints.</summary>
internal static class BotHost
{
    public static async Task<int> RunAsync(string[] args, IReadOnlyList<string> extraContent, CancellationToken ct)
    {
        WebApplication app;
        try
        {
            app = Build(args, extraContent);
        }
        catch (ContentValidationException e)
        {
            await Console.Error.WriteLineAsync("RolePlay will not start: the content is invalid.");
            await Console.Error.WriteLineAsync(e.Message);
            return 1;
        }
        catch (Exception e) when (StartupProblems(e) is { Count: > 0 } problems)
        {
            return await RefuseAsync(problems);
        }

        await using (app)
        {
            try
            {
                // Every setting is checked before anything runs, so a bad one stops the start here with its message
                // rather than as an unhandled exception out of the host's start.
                app.Services.GetRequiredService<IStartupValidator>().Validate();
                _ = app.Services.GetRequiredService<RecognitionPolicy>();
                _ = app.Services.GetRequiredService<RoutineOptions>();
                // Storage is ready (schema migrated, tables created) before the first request can reach it.
                await app.Services.GetRequiredService<IStorageInitializer>().InitializeAsync(ct);
            }
            catch (Exception e) when (StartupProblems(e) is { Count: > 0 } problems)
            {
                return await RefuseAsync(problems);
            }

            try
            {
                await app.RunAsync(ct);
            }
            catch (Exception e) when (ServerStart.Refusal(e) is { } refusal)
            {
                return await RefuseAsync([refusal]);
            }
        }

        return 0;
    }

    private static async Task<int> RefuseAsync(IReadOnlyList<string> problems)
    {
        foreach (var problem in problems)
        {
            await Console.Error.WriteLineAsync($"RolePlay will not start: {problem}");
        }

        return 1;
    }

    /// <summary>What stops a start with a message: a setting that cannot be read as its type, settings that fail their
    /// checks (one line each) and a store that cannot be reached; anything else is a bug and stays an exception.</summary>
    private static IReadOnlyList<string> StartupProblems(Exception e) => e switch
    {
        InvalidOperationException unreadable when unreadable.Source == "Microsoft.Extensions.Configuration.Binder" => [unreadable.Message],
        OptionsValidationException invalid => invalid.Failures.ToList(),
        AggregateException several when several.InnerExceptions.All(i => i is OptionsValidationException) =>
            several.InnerExceptions.SelectMany(i => ((OptionsValidationException)i).Failures).ToList(),
        StorageUnavailableException unavailable => [unavailable.Message],
        _ => [],
    };

    /// <param name="overrides">Replaces services after everything is registered: tests swap in a fake clock.</param>
    public static WebApplication Build(string[] args, IReadOnlyList<string> extraContent, Action<IServiceCollection>? overrides = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        ServerStart.Add(builder);
        if (LocalDefaultUrl.Applies(builder.Configuration))
        {
            builder.WebHost.UseUrls(LocalDefaultUrl.Url);
        }

        var configuredDirs = builder.Configuration.GetSection("Content:Directories").Get<string[]>() ?? [];
        var catalog = ContentLoader.LoadShipped([.. configuredDirs, .. extraContent]).EnsureValid();

        builder.Services.AddRolePlayStorage(builder.Configuration);
        builder.Services.AddSingleton(catalog);
        Readiness.Add(builder.Services);
        ProxyTrust.Add(builder.Services, builder.Configuration);
        PublicSiteSettings.Add(builder.Services, builder.Configuration);
        TelemetryHosting.Add(builder);
        KeyRing.Add(builder.Services, builder.Configuration);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IBehaviourDetector>(_ => LearnedDetector.Shipped);
        builder.Services.AddSingleton<IPersonaVoice, RuleBasedPersonaVoice>();
        builder.Services.AddSingleton<PracticeEngine>();
        PracticeSettings.Add(builder.Services, builder.Configuration);
        PersonaVoiceHosting.Add(builder.Services, builder.Configuration);
        RecognitionSettings.Add(builder.Services, builder.Configuration);
        builder.Services.AddSingleton<IInsightsRecorder, InsightsRecorder>();
        builder.Services.AddLearningRecords(builder.Configuration);
        builder.Services.AddSingleton<TeamSettings>();
        builder.Services.AddSingleton<RecognitionService>();
        builder.Services.AddSingleton<TranscriptSharing>();
        builder.Services.AddSingleton<ClipLibrary>();
        builder.Services.AddSingleton<ClipRetention>();
        builder.Services.AddSingleton<ClipOffers>();
        builder.Services.AddSingleton<ChannelPractice>();
        builder.Services.AddSingleton<PeerReviews>();
        RoutineHosting.Add(builder.Services, builder.Configuration);
        builder.Services.AddSingleton<LiveFacilitation>();
        builder.Services.AddSingleton<CueStripEndpoints.TeamSheets>();
        builder.Services.AddSingleton<ChannelRouter>();
        TeamRoutineWiring.Add(builder.Services, builder.Configuration);
        builder.Services.AddSingleton<SceneConversation>();
        builder.Services.AddSingleton<DebriefConversation>();
        builder.Services.AddSingleton<DebriefReports>();
        builder.Services.AddSingleton<ConsentConversation>();
        builder.Services.AddSingleton<SettingsForm>();
        builder.Services.AddSingleton<ChannelTraitsCatalog>();
        builder.Services.AddSingleton<InstallGreetings>();
        builder.Services.AddSingleton<IConversationRouter, PracticeRouter>();
        var channels = ChannelWiring.Add(builder);
        var web = WebAccess.Add(builder, channels.Local);
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddDashboard(builder.Configuration,
            new DashboardHosting(web.Local ? new TenantScope(StudioDelivery.Platform, builder.Configuration["Dashboard:LocalTenant"] ?? "local") : null));
        overrides?.Invoke(builder.Services);

        var app = builder.Build();
        ProxyTrust.Use(app);
        SecurityHeaders.Use(app);
        app.UseMiddleware<ClientFaultMiddleware>();
        app.UseMiddleware<StorageOutageMiddleware>();
        WebAccess.Map(app, web);
        ChannelWiring.Map(app, channels);
        app.MapDashboard().RequireAuthorization(WebAccess.Policy);
        app.MapGet("/healthz", (ContentCatalog content) => Results.Ok(new
        {
            status = "ok",
            personas = content.Personas.Count,
            scenarios = content.Scenarios.Count,
        })).AllowAnonymous(); // the platform's probe, which signs in as no one
        Readiness.Map(app);
        CueStripEndpoints.Map(app);
        return app;
    }
}
