using Microsoft.Extensions.Options;
using RolePlay.Core.CueStrips;
using RolePlay.Core.Routines;
using RolePlay.Core.Routing;

namespace RolePlay.Bot.Hosting;

/// <summary>The team routines (each an <see cref="IRoutine"/> the routine runner consumes) and the answers to their
/// cards (the captain's post answered by <see cref="CueOfTheWeek"/>).
/// <c>Routines:Pairing:NoRepeatRounds</c> (default 4) is checked at start-up.</summary>
internal sealed class TeamRoutineWiring
{
    public int NoRepeatRounds { get; set; } = BuddyPairing.DefaultNoRepeatRounds;

    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TeamRoutineWiring>()
            .Bind(configuration.GetSection("Routines:Pairing"))
            .Validate(s => s.NoRepeatRounds is >= 0 and <= 52, "Routines:Pairing:NoRepeatRounds must be 0 to 52.")
            .ValidateOnStart();
        services.AddSingleton(sp => new PairingPolicy(sp.GetRequiredService<IOptions<TeamRoutineWiring>>().Value.NoRepeatRounds));
        services.AddSingleton<BuddyCheckInRoutine>();
        services.AddSingleton<RoutineAnswers>();
        services.AddSingleton<CueOfTheWeek>();
        services.AddSingleton<IRoutine, StandupRoutine>();
        services.AddSingleton<IRoutine, EndOfShiftRoutine>();
        services.AddSingleton<IRoutine, BuddyPairingRoutine>();
        services.AddSingleton<IRoutine>(sp => sp.GetRequiredService<BuddyCheckInRoutine>());
        services.AddSingleton<IRoutine, PracticeCaptainRoutine>();
        services.AddSingleton<IRoutine, WeeklyCelebrationRoutine>();
    }
}
