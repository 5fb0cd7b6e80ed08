using RolePlay.Core;
using RolePlay.Core.Cards;
using RolePlay.Core.Chat;
using RolePlay.Core.Consent;
using RolePlay.Core.Content;
using RolePlay.Core.Content.Loading;
using RolePlay.Core.Debriefing;
using RolePlay.Core.Detection;
using RolePlay.Core.Practice;
using RolePlay.Core.Routing;
using RolePlay.Core.Scene;
using RolePlay.Core.Settings;
using RolePlay.Core.Storage;

namespace RolePlay.Teams.Tests.Infrastructure;

/// <summary>Every card the bot can emit (<see cref="PracticeCards"/>), built from the shipped content and the report
/// of a real, played-through role-play, so the card tests see the texts and sizes users see.</summary>
public static class PracticeCardSet
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    private static readonly Lazy<IReadOnlyDictionary<string, Card>> Cards = new(Build);

    /// <summary>The cards by a unique name (card ids repeat: an acknowledged card keeps the id of the one it replaces).</summary>
    public static IReadOnlyDictionary<string, Card> All => Cards.Value;

    private static Dictionary<string, Card> Build()
    {
        var catalog = ContentLoader.LoadShipped().EnsureValid();
        var engine = new PracticeEngine(catalog, new RuleBasedDetector(), new RuleBasedPersonaVoice());
        // The scenario with the most success criteria makes the longest observation card.
        var scenario = catalog.Scenarios.Values.OrderByDescending(s => s.Success.Count).ThenBy(s => s.Id, StringComparer.Ordinal).First();
        var session = engine.Start(new SessionOptions(scenario.Id, Seed: 7, Intensity: Intensity.High));
        foreach (var line in new[]
                 {
                     "I'm so sorry, that sounds really stressful. What happened?",
                     "So if I understand right, the order is late and you need it by Friday?",
                     "Honestly that's not my fault, the courier lost it.",
                     "I will call the depot now and email you by 3pm today with a new delivery slot.",
                 })
        {
            if (session.IsOver)
            {
                break;
            }

            session.Respond(line);
        }

        if (!session.IsOver)
        {
            session.End();
        }

        var report = session.Report();
        var person = new PersonRecord(new PersonKey("teams", "tenant-1", "29:user"), "Megan Bowen", "Europe/Berlin", ConsentState.OptedIn, Now,
            (int)Intensity.High, new TimeOnly(9, 30), [DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday], Now.AddDays(3),
            PersonRole.Agent, IsNewHire: false, TeamId: null, NextPromptUtc: Now.AddDays(1));
        var ended = new SessionRecord(person.Key, "s-1", scenario.Id, scenario.PersonaId, 7, (int)Intensity.High,
            WireName.Of(SessionOutcome.Resolved), Now.AddDays(-2), Now.AddDays(-2).AddMinutes(5), "{}", 6);
        if (!report.Scored || report.Rubric.Count == 0)
        {
            throw new InvalidOperationException("The scripted role-play was not scored; the debrief cards would be empty.");
        }

        return new Dictionary<string, Card>
        {
            ["Welcome"] = ConsentCards.Welcome(),
            ["ScenarioPicker"] = SceneCards.ScenarioPicker(catalog, Intensity.Medium),
            ["Brief"] = SceneCards.Brief(scenario, catalog.Personas[scenario.PersonaId]),
            ["SceneControls"] = SceneCards.SceneControls("s-1"),
            ["DebriefFeelings"] = DebriefCards.DebriefFeelings("s-1", report),
            ["DebriefObservations"] = DebriefCards.DebriefObservations(report),
            ["DebriefCommitment"] = DebriefCards.DebriefCommitment("s-1", report, buddies: "Ana"),
            ["Settings"] = SettingsCards.Settings(person, Now),
            ["Home"] = SettingsCards.Home(person, [ended], Now),
            ["Acknowledged"] = CommonCards.Acknowledged("debrief.commitment", "Committed: name the feeling first."),
        };
    }
}
