using RolePlay.Core.Practice;
using RolePlay.Core.Storage;

namespace RolePlay.Storage.Tests;

internal static class TestData
{
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 30, 0, TimeSpan.Zero);

    public static TenantScope Tenant(string id = "contoso") => new("teams", id);

    public static PersonKey Person(string user, string tenant = "contoso") => new("teams", tenant, user);

    public static PersonRecord NewPerson(PersonKey key, DateTimeOffset? nextPrompt = null) => new(
        key,
        DisplayName: "Dana " + key.UserId,
        TimeZone: "Europe/Berlin",
        Consent: ConsentState.OptedIn,
        ConsentAskedUtc: Now,
        Intensity: 2,
        DailyPromptTime: new TimeOnly(9, 0),
        WorkingDays: [DayOfWeek.Monday, DayOfWeek.Wednesday],
        PausedUntilUtc: null,
        Role: PersonRole.Agent,
        IsNewHire: true,
        TeamId: "support",
        NextPromptUtc: nextPrompt);

    public static SessionRecord NewSession(PersonKey key, string id = "s1") =>
        new(key, id, "late-delivery", "harried-parent", Seed: 42, Intensity: 2, Outcome: null, StartedUtc: Now, EndedUtc: null, StateJson: """{"mood":3}""", TurnCount: 0);

    public static TurnRecord Turn(int index, string speaker, string text, params string[] labels) =>
        new(index, speaker, text, labels, Now.AddSeconds(index));
}
