using RolePlay.Core.Routines;

namespace RolePlay.Bot.Tests.Routines;

/// <summary>How a harness's routines behave: settings (<c>Routines:*</c>), where deliveries are recorded (shared by
/// two harnesses on one file = two hosts), and the platforms' scripted answers.</summary>
internal sealed record RoutineSetup(
    DeliveredLog Delivered,
    Func<RoutineTarget, int, Task<ProactiveOutcome?>>? Script = null,
    IReadOnlyDictionary<string, string?>? Overrides = null)
{
    public IDictionary<string, string?> Settings => new Dictionary<string, string?>(Overrides ?? new Dictionary<string, string?>());
}
