using System.Text.Json.Nodes;
using RolePlay.Testing.Lrs;

namespace RolePlay.Bot.Tests.Lrs;

/// <summary>Learning Locker's validator through the C# helper: quiet on a valid statement, and each kind of mistake a
/// publisher could make reported against the statement that made it.</summary>
public sealed class XapiValidatorTests
{
    [SkippableFact]
    public async Task A_minimal_1_0_3_statement_has_no_problems()
    {
        Assert.Empty(await XapiValidator.ProblemsAsync([Minimal()]));
    }

    [SkippableFact]
    public async Task A_full_statement_has_no_problems()
    {
        var statement = Minimal();
        statement["id"] = Guid.NewGuid().ToString();
        statement["version"] = "1.0.0";
        statement["timestamp"] = "2025-01-02T03:04:05.678Z";
        statement["actor"] = new JsonObject { ["objectType"] = "Agent", ["name"] = "A learner", ["account"] = new JsonObject { ["homePage"] = "https://roleplay.example", ["name"] = "u-1" } };
        statement["result"] = new JsonObject
        {
            ["score"] = new JsonObject { ["scaled"] = -1, ["raw"] = 0, ["min"] = 0, ["max"] = 10 },
            ["success"] = false,
            ["completion"] = true,
            ["duration"] = "PT1M30.5S",
        };
        statement["context"] = new JsonObject
        {
            ["registration"] = Guid.NewGuid().ToString(),
            ["platform"] = "RolePlay",
            ["language"] = "en-US",
            ["contextActivities"] = new JsonObject { ["parent"] = new JsonArray(new JsonObject { ["id"] = "https://roleplay.example/scenarios/1" }) },
        };

        Assert.Empty(await XapiValidator.ProblemsAsync([statement]));
    }

    [SkippableTheory]
    [InlineData("verb", """{"id":"completed"}""", "statement 0: verb.id: \"completed\" is not a valid Internationalized Resource Identifier (IRI)")]
    [InlineData("actor", null, "statement 0: actor: is required")]
    [InlineData("id", "\"not-a-uuid\"", "statement 0: id: \"not-a-uuid\" is not a valid Universal Unique Identifier (UUID)")]
    [InlineData("result", """{"score":{"scaled":1.5}}""", "statement 0: result.score.scaled: 1.5 is not a valid scaled score (a number from -1 to 1)")]
    [InlineData("result", """{"score":{"scaled":-1.01}}""", "statement 0: result.score.scaled: -1.01 is not a valid scaled score (a number from -1 to 1)")]
    [InlineData("actor", """{"mbox":"learner@example.com"}""", "statement 0: actor.mbox: \"learner@example.com\" is not a valid Mailto")]
    public async Task Each_mistake_is_reported(string property, string? value, string expected)
    {
        var statement = Minimal();
        statement.Remove(property);
        if (value is not null)
        {
            statement[property] = JsonNode.Parse(value);
        }

        Assert.Equal([expected], await XapiValidator.ProblemsAsync([statement]));
    }

    [SkippableFact]
    public async Task Problems_name_the_statement_that_has_them()
    {
        var broken = Minimal();
        broken.Remove("object");
        broken["foo"] = 1;

        var problems = await XapiValidator.ProblemsAsync([Minimal(), Minimal(), broken]);

        Assert.Equal(["statement 2: object: is required", "statement 2: statement: unknown properties foo"], problems.Order(StringComparer.Ordinal));
    }

    private static JsonObject Minimal() => new()
    {
        ["actor"] = new JsonObject { ["mbox"] = "mailto:learner@example.com" },
        ["verb"] = new JsonObject { ["id"] = "http://adlnet.gov/expapi/verbs/completed" },
        ["object"] = new JsonObject { ["id"] = "https://roleplay.example/scenarios/1" },
    };
}
