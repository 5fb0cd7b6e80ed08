using RolePlay.Core.Content;
using static RolePlay.Core.Tests.Content.ContentSamples;

namespace RolePlay.Core.Tests.Content;

/// <summary>The persona's optional manner: how frustration shows in their writing, and their words of relief.</summary>
public class PersonaMannerLoadingTests
{
    private static string WithManner(string manner) => PersonaYaml.With("lines:", manner.TrimEnd() + "\nlines:");

    [Fact]
    public void The_manner_loads_into_the_persona()
    {
        var result = Load((PersonaPath, WithManner("manner:\n  upset: loud\n  relief: [\"Oh, thank goodness.\"]")));

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Equal(Upset.Loud, result.Catalog!.Personas["maria"].Manner.Upset);
        Assert.Equal(["Oh, thank goodness."], result.Catalog.Personas["maria"].Manner.Relief);
    }

    [Fact]
    public void A_persona_without_a_manner_writes_terse_when_upset_and_shows_no_relief()
    {
        var maria = Load((PersonaPath, PersonaYaml)).Catalog!.Personas["maria"];

        Assert.Same(PersonaManner.Default, maria.Manner);
        Assert.Equal(Upset.Terse, maria.Manner.Upset);
        Assert.Empty(maria.Manner.Relief);
    }

    [Fact]
    public void A_bad_manner_is_reported_with_its_place_and_the_allowed_values()
    {
        var result = Load((PersonaPath, WithManner("manner:\n  upset: shouty\n  relief: []\n  tone: warm")));

        var errors = result.Errors.Select(e => e.ToString()).ToList();
        Assert.Contains(errors, e => e.Contains("manner.upset — unknown value 'shouty'; allowed: terse, quiet, loud", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("manner.relief — ", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("manner.tone", StringComparison.Ordinal) && e.Contains("upset, relief", StringComparison.Ordinal));
    }

    [Fact]
    public void Words_of_relief_on_a_patchy_network_are_short_bursts_like_every_other_line()
    {
        var relief = new string('a', 61);
        var yaml = WithManner($"manner:\n  relief: [\"{relief}\"]").With("  network: good", "  network: patchy");

        var result = Load((PersonaPath, yaml));

        Assert.Contains(result.Errors, e => e.ToString().Contains("manner.relief[0] — a persona on a patchy network sends short bursts", StringComparison.Ordinal));
    }
}
