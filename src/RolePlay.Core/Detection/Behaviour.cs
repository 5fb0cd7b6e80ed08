namespace RolePlay.Core.Detection;

/// <summary>The nine behaviours the detector can see in one agent message. A message may show several.</summary>
[Flags]
public enum Behaviour
{
    None = 0,
    Empathy = 1 << 0,
    OpenQuestion = 1 << 1,
    Summary = 1 << 2,
    Confirmation = 1 << 3,
    NextStep = 1 << 4,
    Boundary = 1 << 5,
    Collaboration = 1 << 6,
    Blame = 1 << 7,
    Dismissive = 1 << 8,
}

/// <summary>The wire names (snake_case) used in JSON, YAML and the CLI, in one canonical order.</summary>
public static class BehaviourNames
{
    private static readonly (Behaviour Flag, string Name)[] Table =
    [
        (Behaviour.Empathy, "empathy"),
        (Behaviour.OpenQuestion, "open_question"),
        (Behaviour.Summary, "summary"),
        (Behaviour.Confirmation, "confirmation"),
        (Behaviour.NextStep, "next_step"),
        (Behaviour.Boundary, "boundary"),
        (Behaviour.Collaboration, "collaboration"),
        (Behaviour.Blame, "blame"),
        (Behaviour.Dismissive, "dismissive"),
    ];

    /// <summary>Every single behaviour, in canonical order.</summary>
    public static IReadOnlyList<Behaviour> All { get; } = Table.Select(t => t.Flag).ToArray();

    /// <summary>The wire name of one single behaviour.</summary>
    public static string ToName(Behaviour single)
    {
        foreach (var (flag, name) in Table)
        {
            if (flag == single)
            {
                return name;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(single), single, "Not a single behaviour.");
    }

    /// <summary>The wire names of every behaviour in a set, in canonical order.</summary>
    public static IReadOnlyList<string> ToNames(Behaviour set)
    {
        var names = new List<string>(2);
        foreach (var (flag, name) in Table)
        {
            if ((set & flag) != 0)
            {
                names.Add(name);
            }
        }

        return names;
    }

    public static bool TryParse(string name, out Behaviour behaviour)
    {
        foreach (var (flag, wire) in Table)
        {
            if (string.Equals(wire, name, StringComparison.Ordinal))
            {
                behaviour = flag;
                return true;
            }
        }

        behaviour = Behaviour.None;
        return false;
    }
}
