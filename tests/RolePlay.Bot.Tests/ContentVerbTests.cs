using System.Text.Json;

namespace RolePlay.Bot.Tests;

public sealed class ContentVerbTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("roleplay-content-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task List_as_json_names_every_persona_and_scenario_with_the_contract_fields()
    {
        var result = await BotProcess.RunAsync("", "content", "list", "--json");

        Assert.Equal(0, result.ExitCode);
        var root = JsonDocument.Parse(result.StdOut).RootElement;
        var personas = root.GetProperty("personas").EnumerateArray().ToList();
        var scenarios = root.GetProperty("scenarios").EnumerateArray().ToList();
        Assert.True(personas.Count >= 12);
        Assert.True(scenarios.Count >= 10);
        Assert.All(personas, p =>
        {
            Assert.False(string.IsNullOrEmpty(p.GetProperty("id").GetString()));
            Assert.False(string.IsNullOrEmpty(p.GetProperty("name").GetString()));
        });
        var personaIds = personas.Select(p => p.GetProperty("id").GetString()).ToHashSet();
        Assert.All(scenarios, s =>
        {
            Assert.False(string.IsNullOrEmpty(s.GetProperty("title").GetString()));
            Assert.Contains(s.GetProperty("persona").GetString(), personaIds);
            Assert.NotEmpty(s.GetProperty("success").EnumerateArray());
            Assert.Equal(JsonValueKind.Array, s.GetProperty("constraints").ValueKind);
        });
        var constraintKinds = scenarios.SelectMany(s => s.GetProperty("constraints").EnumerateArray().Select(c => c.GetString())).ToHashSet();
        Assert.Superset(new HashSet<string?> { "time_pressure", "policy_fixed", "outage" }, constraintKinds);
    }

    [Fact]
    public async Task Validate_without_a_directory_checks_the_shipped_packs()
    {
        var result = await BotProcess.RunAsync("", "content", "validate");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("valid: ", result.StdOut);
    }

    [Fact]
    public async Task Validate_lists_every_error_as_file_line_field_message_and_exits_1()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "scenarios"));
        await File.WriteAllTextAsync(Path.Combine(_dir, "scenarios", "broken.yaml"),
            "id: broken\ntitle: Broken\npersona: nobody-at-all\nbrief: b\ncustomer_goal: g\nsuccess: [feeling_good]\nconstraints: []\nmax_turns: 99\n");

        var result = await BotProcess.RunAsync("", "content", "validate", _dir);

        Assert.Equal(1, result.ExitCode);
        var errors = result.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.Contains(" — ", StringComparison.Ordinal)).ToList();
        Assert.True(errors.Count >= 3, result.StdOut);
        Assert.All(errors, e => Assert.Matches(@"^.+broken\.yaml:\d+: [a-z_.\[\]0-9]+ — .+$", e));
        Assert.Contains(errors, e => e.Contains("broken.yaml:3: persona", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("broken.yaml:6: success", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("broken.yaml:8: max_turns", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_missing_directory_is_an_error_not_a_crash()
    {
        var result = await BotProcess.RunAsync("", "content", "validate", Path.Combine(_dir, "nope"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("not found", result.StdOut);
    }

    [Fact]
    public async Task The_bot_refuses_to_start_on_invalid_content()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "personas"));
        await File.WriteAllTextAsync(Path.Combine(_dir, "personas", "half.yaml"), "id: half\nname: [unclosed\n");

        var result = await BotProcess.RunAsync("", "serve", "--content", _dir, "--urls", "http://127.0.0.1:0");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("content is invalid", result.StdErr);
        Assert.Contains("half.yaml:", result.StdErr);
    }
}
