using RolePlay.Core.Content;
using RolePlay.Core.Content.Loading;

namespace RolePlay.Core.Tests.Content;

/// <summary>The packs we ship must load, and be rich and varied enough for a trainer to use.</summary>
public sealed class ShippedContentTests
{
    private static readonly Lazy<ContentCatalog> Catalog = new(() =>
    {
        var result = ContentLoader.Load(ContentSources.Shipped());
        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        return result.Catalog!;
    });

    private static IEnumerable<Persona> Personas => Catalog.Value.Personas.Values;
    private static IEnumerable<Scenario> Scenarios => Catalog.Value.Scenarios.Values;

    [Fact]
    public void Shipped_content_loads_without_errors()
    {
        var result = ContentLoader.LoadShipped();

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Every_shipped_persona_declares_how_they_take_in_messages_and_tells_facts_in_their_own_words()
    {
        foreach (var persona in Personas)
        {
            Assert.NotSame(PersonaNeeds.Default, persona.Needs);
            Assert.NotNull(persona.Worry);
            Assert.True(persona.Details.Count >= 3, $"{persona.Id} has {persona.Details.Count} details");
            Assert.True(persona.Leads.Tense.Count > 0 && persona.Leads.Easing.Count > 0, $"{persona.Id} has no leads");
            Assert.All(persona.Facts, fact =>
            {
                Assert.True(fact.Says.Count >= 2, $"{persona.Id}.{fact.Id} says too little");
                Assert.DoesNotContain(fact.Text, fact.Says);
            });
        }
    }

    [Theory]
    [InlineData("yusuf", Channel.PhoneCall)]
    [InlineData("samuel", Channel.Image)]
    public void Access_needs_are_declared_as_channels_the_persona_cannot_use(string personaId, Channel channel) =>
        Assert.NotNull(Catalog.Value.Personas[personaId].Needs.Limit(channel));

    [Fact]
    public void Shipped_files_are_named_by_their_pack_path()
    {
        var paths = ContentSources.Shipped().Select(f => f.Path).ToList();

        Assert.Contains("packs/core/personas/dorothy.yaml", paths);
        Assert.Contains("packs/core/cue-cards.yaml", paths);
        Assert.All(paths, p => Assert.StartsWith("packs/core/", p, StringComparison.Ordinal));
        Assert.Equal("packs/core/personas/dorothy.yaml", Catalog.Value.Personas["dorothy"].Source);
    }

    [Fact]
    public void Ships_enough_content()
    {
        Assert.True(Catalog.Value.Personas.Count >= 12, $"{Catalog.Value.Personas.Count} personas");
        Assert.True(Catalog.Value.Scenarios.Count >= 10, $"{Catalog.Value.Scenarios.Count} scenarios");
        Assert.True(Catalog.Value.WarmUps.Count >= 12, $"{Catalog.Value.WarmUps.Count} warm-ups");
        Assert.True(Catalog.Value.CueCards.Count >= 6, $"{Catalog.Value.CueCards.Count} cue cards");
    }

    [Fact]
    public void Personas_span_ages_cultures_and_abilities()
    {
        Assert.Contains(Personas, p => p.Age < 25);
        Assert.Contains(Personas, p => p.Age > 70);
        Assert.True(Personas.Select(p => p.Age / 10).Distinct().Count() >= 6, "ages spread over at least six decades");
        Assert.True(Personas.Select(p => p.Culture).Distinct().Count() >= 10, "cultures");
        var statedNeeds = Personas.Select(p => p.Accessibility).Where(a => !a.StartsWith("none", StringComparison.Ordinal));
        Assert.True(statedNeeds.Distinct().Count() >= 5, "accessibility needs");
    }

    [Fact]
    public void Personas_cover_devices_and_every_network_quality()
    {
        var devices = Personas.Select(p => p.Artifacts.Device).ToHashSet();
        Assert.True(devices.Count >= Enum.GetValues<DeviceType>().Length - 1, $"devices: {string.Join(", ", devices)}");
        Assert.Contains(DeviceType.ScreenReader, devices);
        Assert.Equal(Enum.GetValues<NetworkQuality>().ToHashSet(), Personas.Select(p => p.Artifacts.Network).ToHashSet());
    }

    [Fact]
    public void Some_personas_need_their_feeling_named_first_and_moods_vary()
    {
        Assert.Contains(Personas, p => p.NeedsFeelingNamedFirst);
        Assert.Contains(Personas, p => !p.NeedsFeelingNamedFirst);
        Assert.True(Personas.Select(p => p.StartingMood).Distinct().Count() >= 5, "starting moods");
    }

    [Fact]
    public void Every_bank_of_every_persona_has_at_least_six_distinct_lines()
    {
        foreach (var persona in Personas)
        {
            foreach (var reaction in Enum.GetValues<Reaction>().Where(r => r != Reaction.Tells))
            {
                var lines = persona.Lines.For(reaction);
                Assert.True(lines.Count >= 6, $"{persona.Id}.{reaction} has {lines.Count} lines");
                Assert.Equal(lines.Count, lines.Distinct(StringComparer.Ordinal).Count());
            }
        }
    }

    [Fact]
    public void Personas_on_patchy_or_poor_networks_write_short_lines()
    {
        var shortWriters = Personas.Where(p => p.Artifacts.Network is NetworkQuality.Patchy or NetworkQuality.Poor).ToList();

        Assert.NotEmpty(shortWriters);
        foreach (var persona in shortWriters)
        {
            var longest = persona.Lines.Banks.Values.SelectMany(l => l).MaxBy(l => l.Length)!;
            Assert.True(longest.Length <= 60, $"{persona.Id}: '{longest}' is {longest.Length} characters");
        }
    }

    [Fact]
    public void Voices_differ_between_personas()
    {
        var openings = Personas.SelectMany(p => p.Lines.For(Reaction.Opening)).ToList();

        Assert.Equal(openings.Count, openings.Distinct(StringComparer.Ordinal).Count());
        var averageLength = Personas.Select(p => p.Lines.Banks.Values.SelectMany(l => l).Average(l => l.Length)).ToList();
        Assert.True(averageLength.Max() > 2 * averageLength.Min(), "terse and chatty personas should differ in length");
    }

    [Fact]
    public void Every_success_criterion_and_constraint_is_covered()
    {
        Assert.Equal(Enum.GetValues<SuccessCriterion>().ToHashSet(), Scenarios.SelectMany(s => s.Success).ToHashSet());
        Assert.Equal(Enum.GetValues<ConstraintKind>().ToHashSet(),
            Scenarios.SelectMany(s => s.Constraints).Select(c => c.Kind).ToHashSet());
        Assert.Equal(Enum.GetValues<SceneEventKind>().ToHashSet(),
            Scenarios.Where(s => s.Event is not null).Select(s => s.Event!.Kind).ToHashSet());
        Assert.All(Scenarios.SelectMany(s => s.Constraints).Where(c => c.Kind == ConstraintKind.TimePressure),
            c => Assert.NotNull(c.TurnBudget));
    }

    [Fact]
    public void Scenarios_name_existing_personas_and_have_a_brief_and_goal()
    {
        foreach (var scenario in Scenarios)
        {
            Assert.True(Catalog.Value.Personas.ContainsKey(scenario.PersonaId), $"{scenario.Id} -> {scenario.PersonaId}");
            Assert.False(string.IsNullOrWhiteSpace(scenario.Brief), scenario.Id);
            Assert.False(string.IsNullOrWhiteSpace(scenario.CustomerGoal), scenario.Id);
            Assert.InRange(scenario.MaxTurns, 3, 8);
        }
    }

    [Fact]
    public void Every_cue_trigger_has_a_card()
    {
        Assert.Equal(Enum.GetValues<CueTrigger>().ToHashSet(), Catalog.Value.CueCards.Values.Select(c => c.Trigger).ToHashSet());
    }

    [Fact]
    public void Every_persona_has_facts_to_reveal_with_topics()
    {
        Assert.All(Personas, p =>
        {
            Assert.True(p.Facts.Count >= 3, p.Id);
            Assert.All(p.Facts, f => Assert.NotEmpty(f.Topics));
        });
    }
}
