using YamlDotNet.RepresentationModel;

namespace RolePlay.Core.Content.Loading;

/// <summary>Reads one scenario file (a single mapping). Which persona it names is checked later, against all files.</summary>
internal static class ScenarioReader
{
    private static readonly string[] Fields =
        ["id", "title", "persona", "brief", "customer_goal", "success", "constraints", "event", "max_turns"];

    private static readonly string[] ConstraintFields = ["kind", "description", "turn_budget", "at_turn"];
    private static readonly string[] EventFields = ["kind", "at_turn", "line", "new_goal"];

    public static LoadedScenario? Read(YamlNode root, FileErrors errors)
    {
        if (YamlFields.Open(root, "", errors, Fields) is not { } f)
        {
            return null;
        }

        var id = f.Id();
        var title = f.Text("title");
        var personaId = f.Text("persona");
        var brief = f.Text("brief");
        var goal = f.Text("customer_goal");
        var success = ReadSuccess(f);
        var maxTurns = f.Int("max_turns", ContentRules.MinTurns, ContentRules.MaxTurns, required: false);
        var turns = maxTurns ?? ContentRules.DefaultMaxTurns;
        var constraints = ReadConstraints(f, turns);
        var sceneEvent = ReadEvent(f, turns, constraints);

        if (id is null || title is null || personaId is null || brief is null || goal is null || success is null
            || constraints is null || (sceneEvent is null && f.Has("event")))
        {
            return null;
        }

        var scenario = new Scenario
        {
            Id = id,
            Title = title,
            PersonaId = personaId,
            Brief = brief,
            CustomerGoal = goal,
            Success = success,
            Constraints = constraints,
            Event = sceneEvent,
            MaxTurns = turns,
            Source = errors.File,
        };
        return new LoadedScenario(new Loaded<Scenario>(scenario, id, errors.File, f.LineOf("id")), f.LineOf("persona"));
    }

    private static List<SuccessCriterion>? ReadSuccess(YamlFields f)
    {
        if (f.List("success", minItems: 1) is not { } list)
        {
            return null;
        }

        var criteria = new List<SuccessCriterion>(list.Children.Count);
        for (var i = 0; i < list.Children.Count; i++)
        {
            var path = $"{f.PathOf("success")}[{i}]";
            if (YamlFields.ReadEnum<SuccessCriterion>(list.Children[i], path, f.Errors) is not { } criterion)
            {
                continue;
            }

            if (criteria.Contains(criterion))
            {
                f.Errors.Add(list.Children[i].Start.Line, path,
                    $"'{WireName.Of<SuccessCriterion>(criterion)}' is listed twice");
                continue;
            }

            criteria.Add(criterion);
        }

        return criteria;
    }

    /// <summary>Optional: a scene may have no constraint. Each kind appears at most once, with only its own fields.</summary>
    private static List<ScenarioConstraint>? ReadConstraints(YamlFields f, int maxTurns)
    {
        var constraints = new List<ScenarioConstraint>();
        if (f.List("constraints", minItems: 0, required: false) is not { } list)
        {
            return f.Node("constraints", required: false) is null ? constraints : null;
        }

        for (var i = 0; i < list.Children.Count; i++)
        {
            if (YamlFields.Open(list.Children[i], $"constraints[{i}]", f.Errors, ConstraintFields) is not { } c)
            {
                continue;
            }

            var kind = c.Enum<ConstraintKind>("kind");
            var description = c.Text("description");
            int? budget = null;
            int? atTurn = null;
            if (kind is ConstraintKind.TimePressure)
            {
                budget = c.Int("turn_budget", 1, maxTurns, maxName: "max_turns");
            }
            else if (kind is not null)
            {
                RefuseField(c, "turn_budget", ConstraintKind.TimePressure);
            }

            if (kind is ConstraintKind.Outage)
            {
                atTurn = c.Int("at_turn", 1, maxTurns, maxName: "max_turns");
            }
            else if (kind is not null)
            {
                RefuseField(c, "at_turn", ConstraintKind.Outage);
            }

            if (kind is null || description is null)
            {
                continue;
            }

            if (constraints.Exists(x => x.Kind == kind))
            {
                f.Errors.Add(c.LineOf("kind"), c.PathOf("kind"),
                    $"'{WireName.Of<ConstraintKind>(kind.Value)}' is listed twice");
                continue;
            }

            constraints.Add(new ScenarioConstraint(kind.Value, description, budget, atTurn));
        }

        return constraints;
    }

    private static SceneEvent? ReadEvent(YamlFields f, int maxTurns, List<ScenarioConstraint>? constraints)
    {
        if (f.Map("event", EventFields, required: false) is not { } e)
        {
            return null;
        }

        var kind = e.Enum<SceneEventKind>("kind");
        var atTurn = e.Int("at_turn", 1, maxTurns, maxName: "max_turns");
        var line = e.Text("line");
        if (line is not null && ContentRules.HasPlaceholder(line))
        {
            e.Errors.Add(e.LineOf("line"), e.PathOf("line"), ContentRules.PlaceholderMessage);
        }

        string? newGoal = null;
        if (kind is SceneEventKind.GoalSwap)
        {
            newGoal = e.Text("new_goal");
        }
        else if (kind is not null && e.Node("new_goal", required: false) is { } stray)
        {
            e.Errors.Add(stray.Start.Line, e.PathOf("new_goal"), "only applies to goal_swap");
        }

        // An outage event and an outage constraint describe the same outage: they must start together.
        var outage = constraints?.Find(c => c.Kind == ConstraintKind.Outage);
        if (kind is SceneEventKind.Outage && atTurn is not null && outage?.AtTurn is { } constraintTurn
            && constraintTurn != atTurn)
        {
            e.Errors.Add(e.LineOf("at_turn"), e.PathOf("at_turn"),
                $"the outage constraint starts at turn {constraintTurn}, the outage event at turn {atTurn}: they must agree");
        }

        return kind is null || atTurn is null || line is null || (kind is SceneEventKind.GoalSwap && newGoal is null)
            ? null
            : new SceneEvent(kind.Value, atTurn.Value, line, newGoal);
    }

    private static void RefuseField(YamlFields c, string key, ConstraintKind owner)
    {
        if (c.Node(key, required: false) is { } stray)
        {
            c.Errors.Add(stray.Start.Line, c.PathOf(key), $"only applies to {WireName.Of<ConstraintKind>(owner)}");
        }
    }
}

/// <summary>A scenario and the line of its <c>persona</c> field, where an unknown persona is reported.</summary>
internal sealed record LoadedScenario(Loaded<Scenario> Scenario, long PersonaLine);
