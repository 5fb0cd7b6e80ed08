using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using RolePlay.AdaptiveCards;
using RolePlay.Core.Cards;
using RolePlay.Core.Chat;
using RolePlay.Core.Consent;
using RolePlay.Core.Debriefing;
using RolePlay.Core.Scene;
using RolePlay.Core.Settings;
using RolePlay.Teams.Tests.Infrastructure;
using RolePlay.Testing;

namespace RolePlay.Teams.Tests;

/// <summary>Every sample card and every card the bot can emit (<see cref="PracticeCardSet"/>) validates against the
/// official Adaptive Card 1.5 schema and parses cleanly in Microsoft's own renderer (npm adaptivecards 3.0.6).</summary>
public sealed class CardValidationTests
{
    /// <summary>Both sets by a unique name: <c>sample:{id}</c> and <c>practice:{PracticeCards method}</c>.</summary>
    private static readonly IReadOnlyDictionary<string, Card> Cards = SampleCards.All
        .Select(c => KeyValuePair.Create("sample:" + c.Id, c))
        .Concat(PracticeCardSet.All.Select(p => KeyValuePair.Create("practice:" + p.Key, p.Value)))
        .ToDictionary();

    public static TheoryData<string> CardIds() => new(Cards.Keys);

    private static JsonObject RenderById(string id) => AdaptiveCardRenderer.Render(Cards[id]);

    [Fact]
    public void The_practice_set_covers_every_card_the_bot_can_emit()
    {
        Type[] practiceCards = [typeof(ConsentCards), typeof(SceneCards), typeof(DebriefCards), typeof(SettingsCards), typeof(CommonCards)];
        var factories = practiceCards
            .SelectMany(t => t.GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static))
            .Where(m => m.ReturnType == typeof(Card))
            .Select(m => m.Name)
            .Order(StringComparer.Ordinal);

        Assert.Equal(factories, PracticeCardSet.All.Keys.Order(StringComparer.Ordinal));
    }

    [SkippableTheory]
    [MemberData(nameof(CardIds))]
    public void Each_card_validates_against_the_Adaptive_Card_1_5_schema(string id)
    {
        var errors = Schemas.AdaptiveCardErrors(RenderById(id));

        Assert.Empty(errors);
    }

    [SkippableFact]
    public void A_card_with_an_action_style_or_unknown_element_fails_the_schema()
    {
        var card = AdaptiveCardRenderer.Render(SampleCards.Actions);
        card["body"]!.AsArray().Add(new JsonObject { ["type"] = "TextBlock", ["text"] = "x", ["bogus"] = 1 });

        Assert.NotEmpty(Schemas.AdaptiveCardErrors(card));
    }

    [SkippableFact]
    public void Every_card_parses_without_events_in_the_official_renderer()
    {
        var directory = Directory.CreateTempSubdirectory("cards-");
        try
        {
            // Each card twice: as first sent, and as refreshed with a message under every input.
            var files = Cards
                .SelectMany(pair => new[]
                {
                    (Name: pair.Key, Json: AdaptiveCardRenderer.Render(pair.Value)),
                    (Name: pair.Key + ".errors", Json: AdaptiveCardRenderer.Render(pair.Value, pair.Value.Inputs.ToDictionary(i => i.Id, i => $"{i.Label} needs a look."))),
                })
                .Select(x =>
                {
                    var path = Path.Combine(directory.FullName, x.Name.Replace(':', '_') + ".json");
                    File.WriteAllText(path, x.Json.ToJsonString());
                    return path;
                })
                .ToList();

            var lines = RunRenderer(files);

            Assert.Equal(files.Count, lines.Count);
            foreach (var line in lines)
            {
                Assert.True(line["events"]!.AsArray().Count == 0, $"renderer events: {line.ToJsonString()}");
            }
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [SkippableFact]
    public void The_renderer_check_does_report_a_broken_card()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"Input.Text"},{"type":"NoSuchElement"}]}""");

            var line = Assert.Single(RunRenderer([file]));

            Assert.NotEmpty(line["events"]!.AsArray());
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Runs validate-cards.js over the files; skips when the npm package is not installed (fails in CI).</summary>
    private static List<JsonNode> RunRenderer(IReadOnlyList<string> files)
    {
        var nodeModules = FindNodeModules();
        if (nodeModules is null)
        {
            if (SharedFolder.IsCi)
            {
                throw new InvalidOperationException("CI=true but tests/node_modules/adaptivecards is missing: run npm ci --prefix tests.");
            }

            Skip.If(true, "npm package adaptivecards is not installed (npm ci --prefix tests).");
        }

        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "validate-cards.js"));
        start.ArgumentList.Add(nodeModules!);
        foreach (var file in files)
        {
            start.ArgumentList.Add(file);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"node failed: {error}");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
    }

    private static string? FindNodeModules()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "node_modules");
            if (Directory.Exists(Path.Combine(candidate, "adaptivecards")))
            {
                return candidate;
            }
        }

        return null;
    }
}
