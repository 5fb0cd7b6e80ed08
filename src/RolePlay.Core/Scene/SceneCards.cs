using RolePlay.Core.Cards;
using RolePlay.Core.Chat;
using RolePlay.Core.Content;
using RolePlay.Core.Practice;
using RolePlay.Core.Settings;
using Inputs = RolePlay.Core.Chat.CardVerbs.Inputs;

namespace RolePlay.Core.Scene;

/// <summary>The cards around a role-play: choosing it, its brief, and the controls always within reach.</summary>
public static class SceneCards
{
    /// <summary>Pick a scenario and an intensity; the brief of each scenario is shown before it starts.</summary>
    public static Card ScenarioPicker(ContentCatalog catalog, Intensity current)
    {
        var choices = catalog.Scenarios.Values
            .OrderBy(s => s.Title, StringComparer.Ordinal)
            .Select(s => new Choice($"{s.Title} — {PersonaName(catalog, s.PersonaId)}", s.Id))
            .ToArray();
        return new Card(
            "practice.pick",
            "Choose a practice",
            [
                new ChoiceInput(Inputs.Scenario, "Scenario", choices, Value: choices.FirstOrDefault()?.Value, Required: true),
                SettingsCards.IntensityInput(current),
                new TextBlock("You can pause or stop at any moment; nothing is scored if you do.", TextStyle.Subtle),
            ],
            [new SubmitAction("Start", CardVerbs.Start, ActionStyle.Positive)]);
    }

    /// <summary>Who the customer is and what success looks like, before the scene starts.</summary>
    public static Card Brief(Scenario scenario, Persona persona) => new(
        "practice.brief",
        scenario.Title,
        [
            new TextBlock(scenario.Brief),
            new FactSet(
            [
                new Fact("Customer", $"{persona.Name}, {persona.Age}"),
                new Fact("Background", persona.Culture),
                new Fact("Access needs", persona.Accessibility),
                new Fact("Device", $"{WireName.Of(persona.Artifacts.Device).Replace('_', ' ')}, {WireName.Of(persona.Artifacts.Network)} network"),
                new Fact("Success looks like", string.Join("; ", scenario.Success.Select(SuccessCriterionText.Describe))),
                new Fact("Constraints", scenario.Constraints.Count == 0 ? "none" : string.Join(" ", scenario.Constraints.Select(c => c.Description.TrimEnd('.') + "."))),
            ]),
        ],
        []);

    public const string ControlsCardId = "practice.controls";

    /// <summary>Always within reach during a scene: pause, stop (never scored) and end (get the debrief).</summary>
    public static Card SceneControls(string sessionId) => new(
        ControlsCardId,
        null,
        [new TextBlock("Type your reply to the customer. Pause or stop whenever you need to.", TextStyle.Subtle)],
        [
            new SubmitAction("Pause", CardVerbs.Pause, CommonCards.SessionData(sessionId)),
            new SubmitAction("Stop (no score)", CardVerbs.Stop, CommonCards.SessionData(sessionId), ActionStyle.Destructive),
            new SubmitAction("End and debrief", CardVerbs.End, CommonCards.SessionData(sessionId)),
        ]);

    private static string PersonaName(ContentCatalog catalog, string personaId) =>
        catalog.Personas.TryGetValue(personaId, out var persona) ? persona.Name : personaId;
}
