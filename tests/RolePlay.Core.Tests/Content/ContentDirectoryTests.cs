using RolePlay.Core.Content;
using RolePlay.Core.Content.Loading;
using static RolePlay.Core.Tests.Content.ContentSamples;

namespace RolePlay.Core.Tests.Content;

/// <summary>Team content directories: same layout as the shipped packs, loaded alongside them.</summary>
public sealed class ContentDirectoryTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "roleplay-content-" + Guid.NewGuid().ToString("N"));

    public ContentDirectoryTests() => Directory.CreateDirectory(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Write(string relative, string text)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Reads_yaml_files_recursively_with_paths_prefixed_by_the_directory_as_given()
    {
        Write("personas/maria.yaml", PersonaYaml);
        Write("scenarios/nested/late-parcel.yml", ScenarioYaml);
        Write("README.md", "not content");

        var paths = ContentSources.FromDirectory(_root + "/").Select(f => f.Path);

        Assert.Equal([$"{_root}/personas/maria.yaml", $"{_root}/scenarios/nested/late-parcel.yml"], paths);
    }

    [Fact]
    public void Team_scenario_can_use_a_shipped_persona_and_adds_to_the_shipped_catalog()
    {
        Write("scenarios/late-parcel.yaml", ScenarioYaml.With("persona: maria", "persona: kwame"));

        var result = ContentLoader.LoadShipped(_root);

        Assert.True(result.IsValid, string.Join('\n', result.Errors));
        Assert.Equal($"{_root}/scenarios/late-parcel.yaml", result.Catalog!.Scenarios["late-parcel"].Source);
        Assert.Contains("dorothy", result.Catalog.Personas.Keys);
    }

    [Fact]
    public void Team_content_clashing_with_a_shipped_id_names_both_places()
    {
        Write("personas/kwame.yaml", PersonaYaml.With("id: maria", "id: kwame"));

        var error = Assert.Single(ContentLoader.LoadShipped(_root).Errors);

        Assert.Equal($"{_root}/personas/kwame.yaml:1: id — duplicate persona id 'kwame', already defined at "
            + "packs/core/personas/kwame.yaml:4", error.ToString());
    }

    [Fact]
    public void Missing_directory_is_an_error_not_an_exception()
    {
        var missing = Path.Combine(_root, "nope");

        var result = ContentLoader.LoadShipped(missing);

        Assert.Null(result.Catalog);
        Assert.Equal($"{missing}:0: (directory) — content directory not found", Assert.Single(result.Errors).ToString());
        Assert.Throws<DirectoryNotFoundException>(() => ContentSources.FromDirectory(missing));
    }

    [Fact]
    public void Empty_directory_is_an_error_because_configuring_it_says_content_lives_there()
    {
        Write("notes.txt", "drafts go here");

        var result = ContentLoader.LoadShipped(_root);

        Assert.Equal($"{_root}:0: (directory) — holds no .yaml or .yml files", Assert.Single(result.Errors).ToString());
    }

    [Fact]
    public void Errors_in_team_files_are_reported_with_their_path_and_the_service_refuses_to_start()
    {
        Write("personas/maria.yaml", PersonaYaml.With("  frustration: 5", "  frustration: 14"));

        var result = ContentLoader.LoadShipped(_root);
        var exception = Assert.Throws<ContentValidationException>(() => result.EnsureValid());

        Assert.Equal($"{_root}/personas/maria.yaml:13: mood.frustration — must be between 0 and 10, got 14",
            Assert.Single(exception.Errors).ToString());
    }

    [Fact]
    public void No_files_at_all_gives_an_empty_but_valid_catalog()
    {
        var result = ContentLoader.Load([]);

        Assert.True(result.IsValid);
        Assert.Empty(result.Catalog!.Personas);
    }
}
