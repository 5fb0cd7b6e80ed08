using System.CommandLine;
using RolePlay.Core;
using RolePlay.Core.Content;
using RolePlay.Core.Content.Loading;
using RolePlay.Core.Detection;
using RolePlay.Core.Detection.Learned;
using RolePlay.Core.Practice;
using SessionOptions = RolePlay.Core.Practice.SessionOptions;

namespace RolePlay.Bot.Cli;

/// <summary><c>chat</c>: the practice loop in a terminal, interactive or fed line by line from a pipe.</summary>
internal static class ChatVerb
{
    public static Command Build(Option<string[]> contentDirs)
    {
        var scenario = new Option<string>("--scenario") { Description = "The scenario to play (see 'content list').", Required = true };
        var persona = new Option<string?>("--persona") { Description = "Play the scenario with another persona." };
        var seed = new Option<int?>("--seed") { Description = "Make the customer's replies repeatable. Without it a seed is chosen and reported." };
        var intensity = new Option<string>("--intensity")
        {
            Description = "How hard the customer pushes: low, medium or high.",
            DefaultValueFactory = _ => "medium",
        };
        intensity.AcceptOnlyFromAmong(WireName.All<Intensity>().ToArray());
        var json = new Option<bool>("--json") { Description = "Print only one JSON document at the end (transcript, outcome, rubric)." };

        var chat = new Command("chat",
            "Role-play a customer conversation. Each line you type (or pipe in) is one agent message; " +
            "/pause, /resume, /stop and /end control the session; the debrief follows the scene.")
        {
            scenario, persona, seed, intensity, json,
        };

        chat.SetAction(parseResult =>
        {
            var content = ContentLoader.LoadShipped(parseResult.GetValue(contentDirs) ?? []);
            if (!content.IsValid)
            {
                foreach (var error in content.Errors)
                {
                    Console.Error.WriteLine(error.ToString());
                }

                return 1;
            }

            WireName.TryParse<Intensity>(parseResult.GetValue(intensity), out var chosenIntensity);
            var options = new SessionOptions(
                parseResult.GetValue(scenario)!,
                parseResult.GetValue(persona),
                parseResult.GetValue(seed) ?? Random.Shared.Next(1, 1_000_000),
                chosenIntensity);

            var catalog = content.Catalog!;
            if (UnknownId("scenario", options.ScenarioId, catalog.Scenarios.Keys) is { } badScenario)
            {
                Console.Error.WriteLine(badScenario);
                return 2;
            }

            if (options.PersonaId is { } personaId && UnknownId("persona", personaId, catalog.Personas.Keys) is { } badPersona)
            {
                Console.Error.WriteLine(badPersona);
                return 2;
            }

            var session = new PracticeEngine(catalog, LearnedDetector.Shipped, new RuleBasedPersonaVoice()).Start(options);
            var asJson = parseResult.GetValue(json);
            var interactive = !asJson && !Console.IsInputRedirected;
            var screen = asJson ? TextWriter.Null : Console.Out;
            screen.WriteLine($"(seed {options.Seed}: add --seed {options.Seed} to replay this conversation)");
            new ChatLoop(session, Console.In, screen, Console.Error, interactive).Run();

            var report = session.Report();
            if (asJson)
            {
                using var stdout = Console.OpenStandardOutput();
                ChatJson.Write(stdout, options, session, report);
            }
            else
            {
                new DebriefConversation(Console.In, Console.Out, interactive).Run(report);
            }

            return 0;
        });
        return chat;
    }

    private static string? UnknownId(string kind, string id, IEnumerable<string> known) =>
        known.Contains(id, StringComparer.Ordinal)
            ? null
            : $"Unknown {kind} '{id}'. Known: {string.Join(", ", known.Order(StringComparer.Ordinal))}.";
}
