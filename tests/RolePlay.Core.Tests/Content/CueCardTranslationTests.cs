using RolePlay.Core.Content;
using RolePlay.Core.Content.Loading;
using RolePlay.Core.CueStrips;
using static RolePlay.Core.Tests.Content.ContentSamples;

namespace RolePlay.Core.Tests.Content;

/// <summary>A cue card's text in other languages, for the printed strips: loaded by language code, checked printable,
/// and the sheet printed in one language with the cards' own text where a card has no translation.</summary>
public class CueCardTranslationTests
{
    private const string Card = "- id: name-it\n  text: Name it.\n  trigger: feeling_unnamed\n";

    [Fact]
    public void Translations_load_by_language_code_and_the_sheet_prints_in_the_one_asked_for()
    {
        var result = Load(("cue-cards.yaml", Card + "  translations:\n    es: \"Nómbralo: ¿qué siente?\"\n    fr: \"Nommez-le\\u00A0!\"\n"
            + "- id: slow\n  text: Slow down.\n  trigger: none\n"));

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        var catalog = result.Catalog!;
        Assert.Equal("Nómbralo: ¿qué siente?", catalog.CueCards["name-it"].TextIn("es"));
        Assert.Equal("Name it.", catalog.CueCards["name-it"].TextIn("de"));
        Assert.Equal(["en", "es", "fr"], CueStripSheet.Languages(catalog));
        var spanish = CueStripSheet.Of(catalog, CueStripStyle.Standard, "es").Pages.SelectMany(p => p.Strips).Select(s => string.Join(" ", s.Lines));
        Assert.Equal(["Nómbralo: ¿qué siente?", "Slow down."], spanish.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("    EN: \"Name it.\"", "cue-cards.yaml:5: [0].translations.EN — 'EN' is not a language code: use two lowercase letters (ISO 639-1, e.g. es, fr, de), other than en")]
    [InlineData("    en: \"Name it.\"", "cue-cards.yaml:5: [0].translations.en — 'en' is not a language code")]
    [InlineData("    pl: \"Zwolnij, zatrzymaj si\u0119.\"", "cue-cards.yaml:5: [0].translations.pl — 'ę' cannot be printed on the cue strips (their font has Western European letters only)")]
    [InlineData("    de: \"\"", "cue-cards.yaml:5: [0].translations.de — ")]
    public void A_translation_the_strips_cannot_use_is_refused_with_its_place(string line, string error)
    {
        var result = Load(("cue-cards.yaml", Card + "  translations:\n" + line + "\n"));

        Assert.StartsWith(error, Assert.Single(result.Errors).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_shipped_cue_card_speaks_spanish_french_and_german_and_prints_uncut()
    {
        var catalog = ContentLoader.LoadShipped().EnsureValid();

        Assert.All(catalog.CueCards.Values, card => Assert.Equal(["de", "es", "fr"], card.Translations.Keys.Order(StringComparer.Ordinal)));
        foreach (var language in new[] { "es", "fr", "de" })
        {
            var lines = CueStripSheet.Of(catalog, CueStripStyle.LargePrint, language).Pages.SelectMany(p => p.Strips).Select(s => string.Join(" ", s.Lines));
            Assert.Equal(catalog.CueCards.Values.Select(c => c.TextIn(language)).Order(StringComparer.Ordinal), lines.Order(StringComparer.Ordinal));
        }
    }
}
