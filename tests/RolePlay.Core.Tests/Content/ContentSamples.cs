using RolePlay.Core.Content;
using RolePlay.Core.Content.Loading;

namespace RolePlay.Core.Tests.Content;

/// <summary>Small valid files to break one way at a time. Line numbers matter: tests assert them literally.</summary>
internal static class ContentSamples
{
    public const string PersonaPath = "personas/maria.yaml";
    public const string ScenarioPath = "scenarios/late-parcel.yaml";

    /// <summary>The YAML bank names, written out (not derived) so a wrong mapping in the loader fails the tests.</summary>
    public static readonly string[] BankNames =
    [
        "opening", "feeling_named", "opens_up", "summary_confirmed", "next_step_accepted", "collaboration_welcomed",
        "boundary_pushback", "boundary_accepted", "exception_push", "blamed", "dismissed", "unheard", "repeats_feeling",
        "outage_noticed", "goal_swap", "time_pressure", "escalates", "resolved", "time_up",
    ];

    /// <summary>Line 23 holds the first bank (opening); bank n of <see cref="BankNames"/> is on line 23 + n.</summary>
    public static readonly string PersonaYaml = string.Join('\n',
        "id: maria",                      // 1
        "name: Maria Lopez",              // 2
        "age: 40",                        // 3
        "culture: Spanish, lives in Leeds", // 4
        "accessibility: none stated",     // 5
        "communication_style: brisk",     // 6
        "motivations: [get it fixed]",    // 7
        "constraints: [short on time]",   // 8
        "artifacts:",                     // 9
        "  device: phone",                // 10
        "  network: good",                // 11
        "mood:",                          // 12
        "  frustration: 5",               // 13
        "  trust: 5",                     // 14
        "sensitivity:",                   // 15
        "  empathy: 1.5",                 // 16
        "facts:",                         // 17
        "  - id: bill",                   // 18
        "    text: The bill is wrong.",   // 19
        "    topics: [bill]",             // 20
        "    says: [\"My bill is wrong.\"]", // 21
        "lines:",                         // 22
        Banks()) + "\n";

    public static readonly string ScenarioYaml = string.Join('\n',
        "id: late-parcel",                // 1
        "title: Late parcel",             // 2
        "persona: maria",                 // 3
        "brief: The parcel is late.",     // 4
        "customer_goal: Get the parcel.", // 5
        "success: [validated_feelings]",  // 6
        "constraints:",                   // 7
        "  - kind: time_pressure",        // 8
        "    description: two minutes left", // 9
        "    turn_budget: 3",             // 10
        "max_turns: 6") + "\n";           // 11

    public static ContentLoadResult Load(params (string Path, string Text)[] files) =>
        ContentLoader.Load(files.Select(f => new ContentFile(f.Path, f.Text)));

    /// <summary>The text with one exact line replaced; fails loudly if the line is not there, so a test cannot pass
    /// by editing nothing.</summary>
    public static string With(this string text, string line, string replacement)
    {
        var lines = text.Split('\n').ToList();
        var index = lines.IndexOf(line);
        Assert.True(index >= 0, $"sample has no line '{line}'");
        lines[index] = replacement;
        return string.Join('\n', lines);
    }

    public static string Without(this string text, string line) => text.With(line, "#");

    private static string Banks() => string.Join('\n', BankNames.Select(b => $"  {b}: [\"{b} one\", \"{b} two\"]"));
}
