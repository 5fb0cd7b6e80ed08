using System.Diagnostics;

namespace RolePlay.Testing;

/// <summary>Waiting on what another process does (a bot sending after a restart): the condition is checked every 100 ms
/// until it holds or the deadline passes; the test then asserts what it got, so a miss fails with what was seen.</summary>
public static class Poll
{
    public static async Task UntilAsync(Func<bool> condition, TimeSpan deadline)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var clock = Stopwatch.StartNew();
        while (!condition() && clock.Elapsed < deadline)
        {
            await Task.Delay(100);
        }
    }
}
