using RolePlay.Core.Cards;
using RolePlay.Core.Content;
using RolePlay.Core.Content.Loading;
using RolePlay.Core.Scene;

namespace RolePlay.Core.Tests.Scene;

/// <summary>The brief every shipped scenario opens with reads as sentences: its constraints once read
/// "…within 30 days of renewal.; She is…".</summary>
public sealed class SceneBriefTests
{
    private static readonly ContentCatalog Catalog = ContentLoader.LoadShipped().EnsureValid();

    public static TheoryData<string> Scenarios => new(Catalog.Scenarios.Keys.Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void The_constraints_of_a_brief_are_sentences_joined_by_a_space(string scenarioId)
    {
        var scenario = Catalog.Scenarios[scenarioId];
        var brief = SceneCards.Brief(scenario, Catalog.Personas[scenario.PersonaId]);

        var constraints = brief.Body.OfType<FactSet>().Single().Facts.Single(f => f.Title == "Constraints").Value;
        if (scenario.Constraints.Count == 0)
        {
            Assert.Equal("none", constraints);
            return;
        }

        Assert.DoesNotContain(".;", constraints, StringComparison.Ordinal);
        Assert.DoesNotContain("..", constraints, StringComparison.Ordinal);
        Assert.EndsWith(".", constraints, StringComparison.Ordinal);
        Assert.All(scenario.Constraints, c => Assert.Contains(c.Description.TrimEnd('.') + ".", constraints, StringComparison.Ordinal));
    }
}
