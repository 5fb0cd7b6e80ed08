using RolePlay.Core.Content;
using static RolePlay.Core.Tests.Content.ContentSamples;

namespace RolePlay.Core.Tests.Content;

public sealed class ContentLoadingTests
{
    private static readonly (string, string)[] Valid = [(PersonaPath, PersonaYaml), (ScenarioPath, ScenarioYaml)];

    private static string Only(ContentLoadResult result)
    {
        Assert.False(result.IsValid);
        Assert.Null(result.Catalog);
        return Assert.Single(result.Errors).ToString();
    }

    [Fact]
    public void Samples_are_valid_and_become_the_catalog()
    {
        var result = Load(Valid);

        Assert.True(result.IsValid, string.Join('\n', result.Errors));
        var maria = result.Catalog!.Personas["maria"];
        Assert.Equal(40, maria.Age);
        Assert.Equal(new Mood(5, 5), maria.StartingMood);
        Assert.Equal(new PersonaArtifacts(DeviceType.Phone, NetworkQuality.Good), maria.Artifacts);
        Assert.Equal(1.5, maria.Sensitivity[RolePlay.Core.Detection.Behaviour.Empathy]);
        Assert.Equal(["time_up one", "time_up two"], maria.Lines.For(Reaction.TimeUp));
        Assert.Equal(PersonaPath, maria.Source);
        var parcel = result.Catalog.Scenarios["late-parcel"];
        Assert.Equal(new ScenarioConstraint(ConstraintKind.TimePressure, "two minutes left", TurnBudget: 3), Assert.Single(parcel.Constraints));
        Assert.Equal([SuccessCriterion.ValidatedFeelings], parcel.Success);
        Assert.Same(result.Catalog, result.EnsureValid());
    }

    [Fact]
    public void Number_out_of_range()
    {
        var result = Load((PersonaPath, PersonaYaml.With("  frustration: 5", "  frustration: 14")));

        Assert.Equal("personas/maria.yaml:13: mood.frustration — must be between 0 and 10, got 14", Only(result));
    }

    [Fact]
    public void Not_a_number()
    {
        var result = Load((PersonaPath, PersonaYaml.With("age: 40", "age: forty")));

        Assert.Equal("personas/maria.yaml:3: age — must be a whole number, got 'forty'", Only(result));
    }

    [Fact]
    public void Missing_required_field_is_reported_where_its_mapping_starts()
    {
        Assert.Equal("personas/maria.yaml:1: name — is required",
            Only(Load((PersonaPath, PersonaYaml.Without("name: Maria Lopez")))));
        Assert.Equal("personas/maria.yaml:12: mood.trust — is required",
            Only(Load((PersonaPath, PersonaYaml.Without("  trust: 5")))));
    }

    [Fact]
    public void Field_with_no_value_is_reported_on_its_own_line()
    {
        var result = Load((PersonaPath, PersonaYaml.With("culture: Spanish, lives in Leeds", "culture:")));

        Assert.Equal("personas/maria.yaml:4: culture — is required", Only(result));
    }

    [Fact]
    public void Unknown_field_is_an_error_listing_the_allowed_ones()
    {
        var result = Load((PersonaPath, PersonaYaml.With("age: 40", "age: 40\nnickname: Mari")));

        Assert.Equal("personas/maria.yaml:4: nickname — unknown field; allowed: id, name, age, culture, accessibility, "
            + "communication_style, motivations, constraints, artifacts, mood, sensitivity, needs_feeling_named_first, "
            + "needs, worry, choices, facts, details, leads, manner, lines", Only(result));
    }

    [Fact]
    public void Typo_in_a_nested_field_is_an_error()
    {
        var result = Load((PersonaPath, PersonaYaml.With("  trust: 5", "  trsut: 5")));

        Assert.Equal(
            ["personas/maria.yaml:14: mood.trsut — unknown field; allowed: frustration, trust",
             "personas/maria.yaml:12: mood.trust — is required"],
            result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Unknown_enum_value_lists_the_allowed_values()
    {
        var result = Load((PersonaPath, PersonaYaml.With("  device: phone", "  device: phablet")));

        Assert.Equal("personas/maria.yaml:10: artifacts.device — unknown value 'phablet'; allowed: phone, tablet, laptop, "
            + "desktop, landline, screen_reader", Only(result));
    }

    [Fact]
    public void Empty_bank()
    {
        var result = Load((PersonaPath, PersonaYaml.With("  opening: [\"opening one\", \"opening two\"]", "  opening: []")));

        Assert.Equal("personas/maria.yaml:23: lines.opening — must not be empty", Only(result));
    }

    [Fact]
    public void Missing_bank()
    {
        var result = Load((PersonaPath, PersonaYaml.Without("  time_up: [\"time_up one\", \"time_up two\"]")));

        Assert.Equal("personas/maria.yaml:22: lines.time_up — is required", Only(result));
    }

    [Fact]
    public void Repeated_line_in_a_bank()
    {
        var result = Load((PersonaPath, PersonaYaml.With("  resolved: [\"resolved one\", \"resolved two\"]",
            "  resolved:\n    - Thanks.\n    - Thanks.")));

        Assert.Equal("personas/maria.yaml:42: lines.resolved[1] — repeats an earlier line of this list", Only(result));
    }

    [Fact]
    public void Placeholders_are_refused_because_nothing_fills_them()
    {
        var text = PersonaYaml.With("  goal_swap: [\"goal_swap one\", \"goal_swap two\"]", "  goal_swap: [\"Now I want {goal}.\", \"ok\"]");

        Assert.Equal("personas/maria.yaml:37: lines.goal_swap[0] — placeholders such as {goal} are not filled in: "
            + "write the words out", Only(Load((PersonaPath, text))));
    }

    [Fact]
    public void Persona_on_a_patchy_network_must_write_short_lines()
    {
        var longLine = new string('a', 61);
        var text = PersonaYaml.With("  network: good", "  network: patchy")
            .With("  dismissed: [\"dismissed one\", \"dismissed two\"]", $"  dismissed: [\"ok\", \"{longLine}\"]");

        Assert.Equal("personas/maria.yaml:33: lines.dismissed[1] — a persona on a patchy network sends short bursts: "
            + "at most 60 characters, got 61", Only(Load((PersonaPath, text))));
    }

    [Fact]
    public void Sensitivity_keys_are_behaviour_names_and_weights_are_bounded()
    {
        var result = Load((PersonaPath, PersonaYaml.With("  empathy: 1.5", "  empathy: 9\n  kindness: 2")));

        Assert.Equal(
            ["personas/maria.yaml:17: sensitivity.kindness — unknown field; allowed: empathy, open_question, summary, "
             + "confirmation, next_step, boundary, collaboration, blame, dismissive",
             "personas/maria.yaml:16: sensitivity.empathy — must be between 0 and 5, got 9"],
            result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Ids_must_be_lower_case_words_joined_by_hyphens()
    {
        var result = Load((PersonaPath, PersonaYaml.With("id: maria", "id: Maria Lopez")));

        Assert.Equal("personas/maria.yaml:1: id — must be lower-case letters and digits joined by hyphens "
            + "(like 'late-parcel'), got 'Maria Lopez'", Only(result));
    }

    [Fact]
    public void Unquoted_colon_in_text_gets_a_hint()
    {
        var result = Load((PersonaPath, PersonaYaml.With("motivations: [get it fixed]", "motivations:\n  - note: bring ID")));

        Assert.Equal("personas/maria.yaml:8: motivations[0] — must be text, not a mapping (put text containing ': ' in quotes)",
            Only(result));
    }

    [Fact]
    public void Time_pressure_needs_a_turn_budget()
    {
        var result = Load((PersonaPath, PersonaYaml), (ScenarioPath, ScenarioYaml.Without("    turn_budget: 3")));

        Assert.Equal("scenarios/late-parcel.yaml:8: constraints[0].turn_budget — is required", Only(result));
    }

    [Fact]
    public void Outage_beyond_max_turns()
    {
        var text = ScenarioYaml.With("  - kind: time_pressure", "  - kind: outage").With("    turn_budget: 3", "    at_turn: 9");

        Assert.Equal("scenarios/late-parcel.yaml:10: constraints[0].at_turn — must be between 1 and max_turns (6), got 9",
            Only(Load((PersonaPath, PersonaYaml), (ScenarioPath, text))));
    }

    [Fact]
    public void Field_of_another_constraint_kind_is_refused()
    {
        var text = ScenarioYaml.With("    turn_budget: 3", "    turn_budget: 3\n    at_turn: 2");

        Assert.Equal("scenarios/late-parcel.yaml:11: constraints[0].at_turn — only applies to outage",
            Only(Load((PersonaPath, PersonaYaml), (ScenarioPath, text))));
    }

    [Fact]
    public void Max_turns_keeps_sessions_short()
    {
        var result = Load((PersonaPath, PersonaYaml), (ScenarioPath, ScenarioYaml.With("max_turns: 6", "max_turns: 20")));

        Assert.Equal("scenarios/late-parcel.yaml:11: max_turns — must be between 3 and 8, got 20", Only(result));
    }

    [Fact]
    public void Unknown_success_criterion()
    {
        var result = Load((PersonaPath, PersonaYaml),
            (ScenarioPath, ScenarioYaml.With("success: [validated_feelings]", "success: [validated_feelings, happy_customer]")));

        Assert.Equal("scenarios/late-parcel.yaml:6: success[1] — unknown value 'happy_customer'; allowed: "
            + "validated_feelings, agreed_next_step, boundary_without_blame", Only(result));
    }

    [Fact]
    public void Goal_swap_needs_a_new_goal()
    {
        var text = ScenarioYaml.With("max_turns: 6", "max_turns: 6\nevent:\n  kind: goal_swap\n  at_turn: 2\n  line: Actually, refund me.");

        Assert.Equal("scenarios/late-parcel.yaml:12: event.new_goal — is required",
            Only(Load((PersonaPath, PersonaYaml), (ScenarioPath, text))));
    }

    [Fact]
    public void Outage_event_and_outage_constraint_must_agree()
    {
        var text = ScenarioYaml.With("  - kind: time_pressure", "  - kind: outage").With("    turn_budget: 3", "    at_turn: 3")
            .With("max_turns: 6", "max_turns: 6\nevent:\n  kind: outage\n  at_turn: 4\n  line: Hello?");

        Assert.Equal("scenarios/late-parcel.yaml:14: event.at_turn — the outage constraint starts at turn 3, the outage "
            + "event at turn 4: they must agree", Only(Load((PersonaPath, PersonaYaml), (ScenarioPath, text))));
    }

    [Fact]
    public void Scenario_naming_an_unknown_persona()
    {
        var result = Load((PersonaPath, PersonaYaml), (ScenarioPath, ScenarioYaml.With("persona: maria", "persona: bob")));

        Assert.Equal("scenarios/late-parcel.yaml:3: persona — unknown persona 'bob'; known personas: maria", Only(result));
    }

    [Fact]
    public void Scenario_naming_an_invalid_persona_is_not_also_reported_as_unknown()
    {
        var result = Load((PersonaPath, PersonaYaml.With("age: 40", "age: 400")), (ScenarioPath, ScenarioYaml));

        Assert.Equal("personas/maria.yaml:3: age — must be between 16 and 110, got 400", Only(result));
    }

    [Fact]
    public void Duplicate_id_across_files_names_both_places()
    {
        var result = Load((PersonaPath, PersonaYaml), ("personas/maria-again.yaml", "# a copy\n" + PersonaYaml));

        Assert.Equal("personas/maria-again.yaml:2: id — duplicate persona id 'maria', already defined at personas/maria.yaml:1",
            Only(result));
    }

    [Fact]
    public void Duplicate_cue_card_ids_across_files()
    {
        const string Card = "- id: name-it\n  text: Name the feeling.\n  trigger: feeling_unnamed\n";
        var result = Load(("cue-cards.yaml", Card), ("team/cue-cards/extra.yaml", Card));

        Assert.Equal("team/cue-cards/extra.yaml:1: id — duplicate cue card id 'name-it', already defined at cue-cards.yaml:1",
            Only(result));
    }

    [Fact]
    public void Unknown_cue_trigger_and_empty_warm_up()
    {
        var result = Load(("cue-cards.yaml", "- id: name-it\n  text: Name it.\n  trigger: always\n"),
            ("warm-ups.yaml", "- id: one-word\n  prompt: One word.\n- id: blank\n  prompt: \"\"\n"));

        Assert.Equal(
            ["cue-cards.yaml:3: [0].trigger — unknown value 'always'; allowed: none, feeling_unnamed, no_open_question, "
             + "blame, dismissive, no_next_step, not_listening",
             "warm-ups.yaml:4: [1].prompt — must not be empty"],
            result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Every_error_in_a_file_is_listed_in_order()
    {
        var text = PersonaYaml.With("age: 40", "age: 12")
            .With("  network: good", "  network: wifi")
            .With("  frustration: 5", "  frustration: -1")
            .Without("    text: The bill is wrong.")
            .With("  summary_confirmed: [\"summary_confirmed one\", \"summary_confirmed two\"]", "  summary_confirmed: yes");

        var result = Load((PersonaPath, text));

        Assert.Equal(
            ["personas/maria.yaml:3: age — must be between 16 and 110, got 12",
             "personas/maria.yaml:11: artifacts.network — unknown value 'wifi'; allowed: good, patchy, poor",
             "personas/maria.yaml:13: mood.frustration — must be between 0 and 10, got -1",
             "personas/maria.yaml:18: facts[0].text — is required",
             "personas/maria.yaml:26: lines.summary_confirmed — must be a list (lines starting with '- ')"],
            result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Errors_from_several_files_are_all_listed()
    {
        var result = Load((PersonaPath, PersonaYaml.With("age: 40", "age: 4000")),
            (ScenarioPath, ScenarioYaml.With("max_turns: 6", "max_turns: 1")));

        Assert.Equal(["personas/maria.yaml:3", "scenarios/late-parcel.yaml:11"], result.Errors.Select(e => $"{e.File}:{e.Line}"));
    }

    [Fact]
    public void Exception_lists_every_error_one_per_line()
    {
        var result = Load((PersonaPath, PersonaYaml.With("age: 40", "age: 4000")),
            (ScenarioPath, ScenarioYaml.With("max_turns: 6", "max_turns: 1")));

        var exception = Assert.Throws<ContentValidationException>(() => result.EnsureValid());

        Assert.Equal(result.Errors, exception.Errors);
        var lines = exception.Message.Split(Environment.NewLine);
        Assert.Equal("Content is invalid (2 errors):", lines[0]);
        Assert.Equal(result.Errors.Select(e => e.ToString()), lines.Skip(1));
    }
}
