using System.Text.Json.Nodes;
using Xunit;

namespace RolePlay.Testing.Lrs;

/// <summary>
/// Checks statements with Learning Locker's xAPI validator (npm @learninglocker/xapi-validation, installed by
/// <c>npm ci --prefix tests</c>) through <c>node tests/tools/xapi-validate.mjs</c>: a second opinion from a real LRS's
/// rules beside <see cref="FakeLrs"/>'s own. It knows statement versions 1.0.x only. Without the package the test is
/// skipped, and fails in CI.
/// </summary>
public static class XapiValidator
{
    /// <summary>One line per problem, "statement 2: verb.id: ..." (the index in <paramref name="statements"/>); none
    /// when every statement is valid.</summary>
    public static async Task<IReadOnlyList<string>> ProblemsAsync(IEnumerable<JsonObject> statements)
    {
        NodeTool.Require("@learninglocker/xapi-validation");
        // Copies: a statement that sits in another array or object cannot be added to this one.
        var input = new JsonArray([.. statements.Select(s => (JsonNode?)s.DeepClone())]).ToJsonString();
        var output = await NodeTool.RunAsync("xapi-validate.mjs", [], input);
        var report = JsonNode.Parse(output)!.AsArray();
        return report
            .SelectMany(entry => entry!["errors"]!.AsArray().Select(e => $"statement {entry["index"]}: {e!.GetValue<string>()}"))
            .ToList();
    }
}
