using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RolePlay.Core.Insights;
using RolePlay.Core.PeerCoaching;
using RolePlay.Core.Routines;
using RolePlay.Core.Storage;

namespace RolePlay.Dashboard;

public static class DashboardServiceCollectionExtensions
{
    /// <summary>The dashboard's services. <c>Dashboard:MinTeamSize</c> (default 5) and <c>Dashboard:Weeks</c> (52)
    /// are read from configuration; a value below 1 stops the start.</summary>
    public static IServiceCollection AddDashboard(this IServiceCollection services, IConfiguration configuration, DashboardHosting hosting)
    {
        var options = configuration.GetSection(DashboardOptions.Section).Get<DashboardOptions>() ?? new DashboardOptions();
        if (options.MinTeamSize < 1 || options.Weeks is < 4 or > 260)
        {
            throw new InvalidOperationException(
                "Dashboard:MinTeamSize must be at least 1 and Dashboard:Weeks between 4 and 260.");
        }

        services.AddSingleton(options);
        services.AddSingleton(hosting);
        services.AddSingleton(sp => new TeamDashboard(
            sp.GetRequiredService<IInsightsStore>(),
            sp.GetRequiredService<ITeamStore>(),
            sp.GetRequiredService<IPeopleStore>(),
            sp.GetRequiredService<IPhraseStore>(),
            sp.GetRequiredService<IPairingStore>(),
            sp.GetService<IRoutineStatusStore>(), // none until a routine runner is registered: "not run yet"
            options,
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<PeerCoachingDashboard>();
        services.AddSingleton<DashboardEndpoints.DashboardServices>();
        return services;
    }
}
