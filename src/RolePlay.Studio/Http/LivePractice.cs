using RolePlay.Core;
using RolePlay.Core.Content;
using RolePlay.Core.Facilitation;
using RolePlay.Core.Practice;
using RolePlay.Core.Storage;

namespace RolePlay.Studio.Http;

/// <summary>The practice a person has going, as the page shows it around the chat: which scenario (marked in the
/// picker), who the customer is, whether it is paused, and the agent turns used of those the scene allows.</summary>
public sealed record LivePractice(string SessionId, string ScenarioId, string Title, string Customer, bool Paused,
    int Turn, int Turns);

/// <summary>Reads a person's own live practice through Core's <see cref="LiveFacilitation"/> (as a facilitator would see
/// it), adding what the page needs from the scenario and persona.</summary>
public sealed class LivePractices(LiveFacilitation facilitation, ContentCatalog catalog)
{
    public async Task<LivePractice?> ReadAsync(PersonKey person, CancellationToken ct)
    {
        if (await facilitation.DescribeAsync(new FacilitatorScope(person.Tenant, TeamId: null), person, ct).ConfigureAwait(false) is not { } view
            || !catalog.Scenarios.TryGetValue(view.ScenarioId, out var scenario))
        {
            return null;
        }

        var customer = catalog.Personas.TryGetValue(scenario.PersonaId, out var persona) ? persona.Name : view.CustomerName;
        return new LivePractice(view.SessionId, view.ScenarioId, view.ScenarioTitle, customer, view.Paused, view.Turn,
            SceneLength.TurnsOf(scenario));
    }
}
