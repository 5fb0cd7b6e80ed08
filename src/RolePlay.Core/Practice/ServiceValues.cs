using RolePlay.Core.Detection;

namespace RolePlay.Core.Practice;

/// <summary>One of the team's stated service values: the behaviours that embody it and, optionally, phrases that
/// show it in the team's own words (matched case-insensitively).</summary>
public sealed record ServiceValue(string Name, Behaviour EmbodiedBy, IReadOnlyList<string>? Phrases = null)
{
    public IReadOnlyList<string> PhraseList => Phrases ?? [];
}

/// <summary>The values the "alignment with values" criterion scores against. Blame and dismissal count against
/// every value.</summary>
public sealed record ServiceValues(IReadOnlyList<ServiceValue> Values)
{
    public static ServiceValues Default { get; } = new(
    [
        new("Listen first", Behaviour.Empathy | Behaviour.Summary),
        new("Own the outcome", Behaviour.NextStep, ["i will", "i'll"]),
        new("Be honest about limits", Behaviour.Boundary),
        new("Decide together", Behaviour.Collaboration),
    ]);

    /// <summary>Checks the values make sense, with a clear message otherwise.</summary>
    public static ServiceValues Validate(ServiceValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Values.Count == 0)
        {
            throw new ArgumentException("Service values must list at least one value.", nameof(values));
        }

        foreach (var value in values.Values)
        {
            if (string.IsNullOrWhiteSpace(value.Name))
            {
                throw new ArgumentException("Every service value needs a name.", nameof(values));
            }

            if (value.EmbodiedBy == Behaviour.None && value.PhraseList.Count == 0)
            {
                throw new ArgumentException(
                    $"Service value '{value.Name}' names no behaviour and no phrase, so nothing could show it.", nameof(values));
            }
        }

        return values;
    }
}
