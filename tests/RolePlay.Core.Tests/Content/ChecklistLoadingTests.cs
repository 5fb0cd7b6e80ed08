using RolePlay.Core.Content;
using RolePlay.Core.Content.Loading;
using static RolePlay.Core.Tests.Content.ContentSamples;

namespace RolePlay.Core.Tests.Content;

public sealed class ChecklistLoadingTests
{
    private const string Path = "checklists/ours.yaml";

    private const string Yaml = """
        id: ours
        title: Our checklist
        behaviours:
          - id: feeling
            text: Named the feeling
            engine: feeling_named
          - id: question
            text: Asked an open question first
            engine: open_question_first
          - id: summary
            text: Summarised and checked
            engine: summary_checked
          - id: step
            text: Agreed a step with a time
            engine: timed_next_step
          - id: limit
            text: Held a limit kindly
            engine: limit_without_blame
        """;

    private static string[] Errors(string yaml)
    {
        var result = Load((PersonaPath, PersonaYaml), (ScenarioPath, ScenarioYaml), (Path, yaml));
        Assert.False(result.IsValid);
        return result.Errors.Select(e => e.ToString()).ToArray();
    }

    [Fact]
    public void A_team_checklist_loads_beside_the_shipped_one()
    {
        var catalog = ContentLoader.Load(ContentSources.Shipped().Append(new ContentFile(Path, Yaml))).EnsureValid();

        var ours = catalog.Checklists["ours"];
        Assert.Equal("Our checklist", ours.Title);
        Assert.Equal(["feeling", "question", "summary", "step", "limit"], ours.Behaviours.Select(b => b.Id));
        Assert.Equal(EngineSignal.TimedNextStep, ours.Behaviours[3].Signal);
        Assert.Equal(Path, ours.Source);
        Assert.Contains(PeerChecklist.Shipped, catalog.Checklists.Keys);
    }

    [Fact]
    public void The_shipped_checklist_judges_every_engine_signal_once_in_plain_words()
    {
        var core = ContentLoader.LoadShipped().EnsureValid().Checklists[PeerChecklist.Shipped];

        Assert.Equal(Enum.GetValues<EngineSignal>().Order(), core.Behaviours.Select(b => b.Signal).Order());
        Assert.Contains(core.Behaviours, b => b.Text == "Named the customer's feeling in their words");
        Assert.All(core.Behaviours, b => Assert.InRange(b.Text.Length, 10, PeerChecklist.MaxTextChars));
    }

    [Fact]
    public void Too_few_behaviours_are_refused()
    {
        var four = string.Join('\n', Yaml.Split('\n')[..15]);

        Assert.Equal(["checklists/ours.yaml:4: behaviours — must have at least 5 items, got 4"], Errors(four));
    }

    [Fact]
    public void Too_many_behaviours_are_refused()
    {
        var eight = Yaml + """

              - id: six
                text: Six
                engine: solved_together
              - id: seven
                text: Seven
                engine: solved_together
              - id: eight
                text: Eight
                engine: solved_together
            """;

        var errors = Errors(eight);

        Assert.Contains("checklists/ours.yaml:4: behaviours — must have at most 7 items, got 8: a checklist a peer fills in between calls stays short", errors);
        Assert.Contains("checklists/ours.yaml:24: behaviours[6].engine — 'solved_together' is already judged at line 21: each engine signal once", errors);
    }

    [Fact]
    public void Duplicate_behaviour_ids_unknown_signals_and_long_text_are_each_reported()
    {
        var yaml = Yaml.With("  - id: question", "  - id: feeling")
            .With("    engine: summary_checked", "    engine: summarised")
            .With("    text: Held a limit kindly", "    text: " + new string('x', 91));

        Assert.Equal(
        [
            "checklists/ours.yaml:7: behaviours[1].id — duplicate behaviour id 'feeling', already used at line 4",
            "checklists/ours.yaml:12: behaviours[2].engine — unknown value 'summarised'; allowed: feeling_named, open_question_first, summary_checked, timed_next_step, limit_without_blame, solved_together",
            "checklists/ours.yaml:17: behaviours[4].text — must be at most 90 characters, got 91",
        ], Errors(yaml));
    }

    [Fact]
    public void Unknown_fields_and_a_clashing_id_are_refused()
    {
        var errors = Errors(Yaml.With("title: Our checklist", "title: Our checklist\nscore: 5").With("id: ours", "id: core"));

        Assert.Contains("checklists/ours.yaml:3: score — unknown field; allowed: id, title, behaviours", errors);
        Assert.Single(ContentLoader.Load(ContentSources.Shipped().Append(new ContentFile(Path, Yaml.With("id: ours", "id: core")))).Errors,
            e => e.Message.StartsWith("duplicate peer checklist id 'core', already defined at packs/core/checklists/core.yaml:", StringComparison.Ordinal));
    }
}
