using RolePlay.Core.Content;
using static RolePlay.Core.Tests.Content.ContentSamples;

namespace RolePlay.Core.Tests.Content;

/// <summary>Broken YAML and odd input: each is reported at its line, never thrown.</summary>
public sealed class ContentSyntaxTests
{
    private static ContentError OnlyError(ContentLoadResult result)
    {
        Assert.False(result.IsValid);
        return Assert.Single(result.Errors);
    }

    [Fact]
    public void Yaml_syntax_error_is_reported_at_its_line()
    {
        var error = OnlyError(Load((PersonaPath, PersonaYaml.With("name: Maria Lopez", "name: \"Maria Lopez"))));

        Assert.Equal("personas/maria.yaml:2: (yaml) — invalid YAML: While scanning a multi-line double-quoted scalar, "
            + "found wrong indentation.", error.ToString());
    }

    [Fact]
    public void Bad_indentation_is_reported_at_its_line()
    {
        var error = OnlyError(Load((PersonaPath, PersonaYaml.With("  trust: 5", "   trust: 5"))));

        Assert.Equal("(yaml)", error.Field);
        Assert.Equal(14, error.Line);
    }

    [Fact]
    public void Tab_indentation_is_reported_at_every_such_line()
    {
        var result = Load((PersonaPath, PersonaYaml.With("  trust: 5", "\ttrust: 5").With("  device: phone", " \tdevice: phone")));

        Assert.Equal(
            ["personas/maria.yaml:10: (yaml) — indent with spaces, not tabs",
             "personas/maria.yaml:14: (yaml) — indent with spaces, not tabs"],
            result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Duplicate_key_is_reported_at_its_line()
    {
        var error = OnlyError(Load((PersonaPath, PersonaYaml.With("age: 40", "age: 40\nage: 41"))));

        Assert.Equal("personas/maria.yaml:4: (yaml) — invalid YAML: Duplicate key age", error.ToString());
    }

    [Fact]
    public void Byte_order_mark_is_ignored()
    {
        var result = Load((PersonaPath, "\uFEFF" + PersonaYaml));

        Assert.True(result.IsValid, string.Join('\n', result.Errors));
    }

    [Fact]
    public void Windows_line_endings_keep_line_numbers_right()
    {
        var crlf = PersonaYaml.With("  frustration: 5", "  frustration: 14").Replace("\n", "\r\n", StringComparison.Ordinal);

        Assert.Equal("personas/maria.yaml:13: mood.frustration — must be between 0 and 10, got 14",
            OnlyError(Load((PersonaPath, crlf))).ToString());
    }

    [Fact]
    public void Empty_file()
    {
        Assert.Equal("personas/maria.yaml:1: (file) — is empty", OnlyError(Load((PersonaPath, ""))).ToString());
        Assert.Equal("personas/maria.yaml:1: (file) — is empty", OnlyError(Load((PersonaPath, "# nothing yet\n"))).ToString());
    }

    [Fact]
    public void Two_documents_in_one_file()
    {
        var error = OnlyError(Load((PersonaPath, PersonaYaml + "---\n" + PersonaYaml)));

        Assert.Equal("personas/maria.yaml:43: (file) — holds more than one YAML document ('---'); put one document in each file",
            error.ToString());
    }

    [Fact]
    public void Wrong_shape_of_document()
    {
        Assert.Equal("personas/maria.yaml:1: (document) — must be a mapping of fields (key: value)",
            OnlyError(Load((PersonaPath, "- just\n- a list\n"))).ToString());
        Assert.Equal("warm-ups.yaml:1: (document) — must be a list of warm-ups (lines starting with '- ')",
            OnlyError(Load(("warm-ups.yaml", "id: one\nprompt: hi\n"))).ToString());
    }

    [Fact]
    public void File_in_an_unknown_place()
    {
        Assert.Equal("packs/core/people/maria.yaml:0: (file) — is not in a known place: put personas in personas/, "
            + "scenarios in scenarios/, peer checklists in checklists/, cue cards in cue-cards.yaml and warm-ups in warm-ups.yaml",
            OnlyError(Load(("packs/core/people/maria.yaml", PersonaYaml))).ToString());
    }

    [Fact]
    public void Huge_file_is_refused_without_parsing()
    {
        var huge = PersonaYaml + new string('#', 600_000);

        Assert.Equal($"personas/maria.yaml:0: (file) — is {huge.Length} characters long; the limit is 524288 "
            + "(split it into several files)", OnlyError(Load((PersonaPath, huge))).ToString());
    }

    [Fact]
    public void Large_valid_file_loads_whole()
    {
        var manyLines = string.Join('\n', Enumerable.Range(0, 5000).Select(i => $"    - \"Line number {i}, said once.\""));
        var text = PersonaYaml.With("  opening: [\"opening one\", \"opening two\"]", "  opening:\n" + manyLines);
        Assert.True(text.Length > 150_000);

        var result = Load((PersonaPath, text));

        Assert.True(result.IsValid, string.Join('\n', result.Errors));
        Assert.Equal(5000, result.Catalog!.Personas["maria"].Lines.For(Reaction.Opening).Count);
    }
}
