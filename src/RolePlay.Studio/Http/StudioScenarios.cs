using RolePlay.Core;
using RolePlay.Core.Content;
using RolePlay.Core.Practice;

namespace RolePlay.Studio.Http;

public sealed record PersonaCard(string Name, int Age, string Culture, string Accessibility, string Device, string Network,
    string CommunicationStyle);

/// <summary>A scenario as the picker shows it before the scene starts: who the customer is, what success looks like,
/// what constrains the agent, and the facets the picker filters on (<see cref="Skills"/> are the success criteria's
/// wire names, <see cref="ConstraintKinds"/> the constraints', <see cref="Turns"/> the agent turns it allows).</summary>
public sealed record ScenarioCard(string Id, string Title, string Brief, PersonaCard Persona, IReadOnlyList<string> Success,
    IReadOnlyList<string> Constraints, IReadOnlyList<string> Skills, IReadOnlyList<string> ConstraintKinds, int Turns);

public static class StudioScenarios
{
    public static IReadOnlyList<ScenarioCard> From(ContentCatalog catalog) => catalog.Scenarios.Values
        .Where(s => catalog.Personas.ContainsKey(s.PersonaId))
        .OrderBy(s => s.Title, StringComparer.Ordinal)
        .Select(s => Card(s, catalog.Personas[s.PersonaId]))
        .ToList();

    private static ScenarioCard Card(Scenario scenario, Persona persona) => new(
        scenario.Id,
        scenario.Title,
        scenario.Brief,
        new PersonaCard(persona.Name, persona.Age, persona.Culture, persona.Accessibility,
            WireName.Of(persona.Artifacts.Device).Replace('_', ' '), WireName.Of(persona.Artifacts.Network), persona.CommunicationStyle),
        scenario.Success.Select(SuccessCriterionText.Describe).ToList(),
        scenario.Constraints.Select(c => c.Description).ToList(),
        scenario.Success.Select(WireName.Of).ToList(),
        scenario.Constraints.Select(c => WireName.Of(c.Kind)).Distinct().ToList(),
        SceneLength.TurnsOf(scenario));
}
