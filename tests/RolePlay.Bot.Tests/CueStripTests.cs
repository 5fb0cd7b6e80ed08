using System.Net;
using System.Xml.Linq;
using RolePlay.Bot.Tests.Dashboard;
using RolePlay.Core.Content.Loading;
using RolePlay.Core.CueStrips;
using RolePlay.Testing.Pdf;
using Xunit.Abstractions;

namespace RolePlay.Bot.Tests;

/// <summary>The cue cards as keyboard strips, printed by the <c>cues print</c> verb and served at <c>/cues/strips.pdf</c>:
/// the PDF read back by Mozilla's pdf.js (every cue there, each line inside its strip as pdf.js measures the font,
/// large print at 18 pt or more), the SVG as XML, and each page drawn to a PNG kept with the test artifacts.</summary>
public sealed class CueStripTests(ITestOutputHelper output) : IDisposable
{
    private const double PtPerMm = 72 / 25.4;
    private static readonly IReadOnlyList<string> Cues = ContentLoader.LoadShipped().EnsureValid().CueCards.Values.Select(c => c.Text).ToList();

    private readonly string _dir = Directory.CreateTempSubdirectory("roleplay-strips-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    public static TheoryData<string> Styles => new(CueStripSheet.StyleNames.Keys);

    [SkippableTheory]
    [MemberData(nameof(Styles))]
    public async Task The_printed_PDF_has_every_cue_inside_its_strip_as_a_reader_we_did_not_write_sets_it(string style)
    {
        var file = Path.Combine(_dir, $"strips-{style}.pdf");
        var printed = await BotProcess.RunAsync("", "cues", "print", "--style", style, "--out", file);
        Assert.True(printed.ExitCode == 0, printed.StdErr);
        Assert.Contains($"Wrote {Cues.Count} strips", printed.StdOut, StringComparison.Ordinal);

        var artifacts = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "artifacts")).FullName;
        var pdf = await PdfReader.ReadAsync(file, Path.Combine(artifacts, $"cue-strips-{style}"));
        output.WriteLine($"drawn: {Path.Combine(artifacts, $"cue-strips-{style}")}-1.png … -{pdf.Pages.Count}.png");

        var sheet = CueStripSheet.Of(ContentLoader.LoadShipped().EnsureValid(), CueStripSheet.StyleNames[style]);
        Assert.Equal(sheet.Pages.Count, pdf.Pages.Count);
        Assert.All(pdf.Pages, p => Assert.Equal((841.89, 595.28), (Math.Round(p.Width, 2), Math.Round(p.Height, 2)))); // A4 landscape
        foreach (var (page, drawn) in sheet.Pages.Zip(pdf.Pages))
        {
            foreach (var strip in page.Strips)
            {
                // The lines pdf.js found inside this strip's box, top to bottom, are the strip's cue.
                var (left, right) = (strip.XMm * PtPerMm, (strip.XMm + strip.WidthMm) * PtPerMm);
                var (top, bottom) = ((CueStripSheet.PageHeightMm - strip.YMm) * PtPerMm, (CueStripSheet.PageHeightMm - strip.YMm - strip.HeightMm) * PtPerMm);
                var lines = drawn.Items.Where(i => i.Y < top && i.Y > bottom && i.X >= left && i.X < right).OrderByDescending(i => i.Y).ToList();
                Assert.Equal(strip.Lines, lines.Select(l => l.Text));
                Assert.All(lines, l => Assert.True(l.X + l.Width <= right - (CueStripSheet.PaddingMm * PtPerMm) + 0.5,
                    $"“{l.Text}” runs {l.X + l.Width - right:0.0} pt past its strip"));
                if (style == "large-print")
                {
                    Assert.All(lines, l => Assert.True(l.Height >= 18, $"“{l.Text}” is {l.Height} pt"));
                }
            }
        }

        var everything = string.Join(" ", pdf.Pages.SelectMany(p => p.Items).Select(i => i.Text));
        Assert.All(Cues, cue => Assert.Contains(cue, everything, StringComparison.Ordinal));
        Assert.DoesNotContain("…", everything, StringComparison.Ordinal); // no shipped cue had to be cut
    }

    [SkippableTheory]
    [InlineData("es")]
    [InlineData("fr")]
    [InlineData("de")]
    public async Task The_printed_PDF_in_a_language_carries_every_cue_in_it_inside_its_strip(string language)
    {
        var file = Path.Combine(_dir, $"strips-{language}.pdf");
        var printed = await BotProcess.RunAsync("", "cues", "print", "--language", language, "--out", file);
        Assert.True(printed.ExitCode == 0, printed.StdErr);
        Assert.Contains($"(standard, {language})", printed.StdOut, StringComparison.Ordinal);

        var artifacts = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "artifacts")).FullName;
        var pdf = await PdfReader.ReadAsync(file, Path.Combine(artifacts, $"cue-strips-{language}"));

        // pdf.js reads the no-break spaces French sets before its colons as spaces.
        static string Plain(string text) => text.Replace('\u00A0', ' ');
        var catalog = ContentLoader.LoadShipped().EnsureValid();
        var sheet = CueStripSheet.Of(catalog, CueStripStyle.Standard, language);
        foreach (var (page, drawn) in sheet.Pages.Zip(pdf.Pages))
        {
            foreach (var strip in page.Strips)
            {
                var (left, right) = (strip.XMm * PtPerMm, (strip.XMm + strip.WidthMm) * PtPerMm);
                var (top, bottom) = ((CueStripSheet.PageHeightMm - strip.YMm) * PtPerMm, (CueStripSheet.PageHeightMm - strip.YMm - strip.HeightMm) * PtPerMm);
                var lines = drawn.Items.Where(i => i.Y < top && i.Y > bottom && i.X >= left && i.X < right).OrderByDescending(i => i.Y).ToList();
                Assert.Equal(strip.Lines.Select(Plain), lines.Select(l => Plain(l.Text)));
                Assert.All(lines, l => Assert.True(l.X + l.Width <= right - (CueStripSheet.PaddingMm * PtPerMm) + 0.5,
                    $"“{l.Text}” runs {l.X + l.Width - right:0.0} pt past its strip"));
            }
        }

        var everything = Plain(string.Join(" ", pdf.Pages.SelectMany(p => p.Items).Select(i => i.Text)));
        Assert.All(catalog.CueCards.Values, card => Assert.Contains(Plain(card.TextIn(language)), everything, StringComparison.Ordinal));
        // Every cue whole (none cut), and no letter printed as the "?" of a character the font lacks.
        Assert.Equal(catalog.CueCards.Values.Sum(c => c.TextIn(language).Count(x => x == '?')), everything.Count(c => c == '?'));
    }

    [Fact]
    public async Task The_SVG_is_well_formed_with_one_text_per_line_squeezed_to_its_measure()
    {
        var file = Path.Combine(_dir, "strips.svg");
        var printed = await BotProcess.RunAsync("", "cues", "print", "--style", "high-contrast", "--out", file);
        Assert.True(printed.ExitCode == 0, printed.StdErr);

        var svg = XDocument.Load(file).Root!;
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal(ns + "svg", svg.Name);
        Assert.Equal("297mm", (string?)svg.Attribute("width"));
        var strips = svg.Descendants(ns + "g").Where(g => (string?)g.Attribute("class") == "strip").ToList();
        Assert.Equal(Cues.Count, strips.Count);
        foreach (var strip in strips)
        {
            var box = strip.Element(ns + "rect")!;
            Assert.Equal("#000000", (string?)box.Attribute("fill"));
            var inner = Mm(box, "width") - (2 * CueStripSheet.PaddingMm);
            Assert.All(strip.Elements(ns + "text"), t => Assert.True(Mm(t, "textLength") <= inner + 0.01, $"“{t.Value}” is wider than its strip"));
        }

        Assert.Equal(Cues.Order(), strips.Select(s => string.Join(" ", s.Elements(ns + "text").Select(t => t.Value))).Order());
    }

    [Theory]
    [InlineData("--style", "neon", "“neon” is not a strip style: use standard, high-contrast, large-print.")]
    [InlineData("--out", "strips.docx", "Name the file .pdf or .svg (not “strips.docx”).")]
    [InlineData("--language", "pl", "The cue cards are not written in “pl”: use en, de, es, fr.")]
    public async Task A_style_or_file_it_cannot_print_is_refused_with_the_choices(string option, string value, string says)
    {
        var refused = await BotProcess.RunAsync("", "cues", "print", option, option == "--out" ? Path.Combine(_dir, value) : value);

        Assert.Equal(1, refused.ExitCode);
        Assert.Equal(says, refused.StdErr.Trim());
        Assert.Empty(Directory.GetFiles(_dir));
    }

    [Fact]
    public async Task The_bot_serves_the_sheet_in_a_language_and_refuses_one_the_cards_are_not_written_in()
    {
        await using var host = await DashboardHost.StartAsync(Path.Combine(_dir, "roleplay.db"));

        using var svg = await host.Client.GetAsync(new Uri("/cues/strips.svg?language=de&style=high-contrast", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, svg.StatusCode);
        var texts = string.Join(" ", XDocument.Parse(await svg.Content.ReadAsStringAsync()).Descendants()
            .Where(e => e.Name.LocalName == "text").Select(e => e.Value));
        Assert.Contains("Frag:", texts, StringComparison.Ordinal);
        Assert.DoesNotContain("Ask one open question", texts, StringComparison.Ordinal);

        using var klingon = await host.Client.GetAsync(new Uri("/cues/strips.pdf?language=tlh", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, klingon.StatusCode);
        Assert.Contains("not written in “tlh”: use en, de, es, fr", await klingon.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_bot_serves_the_sheet_as_PDF_and_SVG_and_refuses_an_unknown_style()
    {
        await using var host = await DashboardHost.StartAsync(Path.Combine(_dir, "roleplay.db"));

        using var pdf = await host.Client.GetAsync(new Uri("/cues/strips.pdf?style=large-print", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("%PDF-1.4", System.Text.Encoding.ASCII.GetString(await pdf.Content.ReadAsByteArrayAsync())[..8], StringComparison.Ordinal);

        using var svg = await host.Client.GetAsync(new Uri("/cues/strips.svg", UriKind.Relative));
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Cues.Count, XDocument.Parse(await svg.Content.ReadAsStringAsync()).Descendants().Count(e => (string?)e.Attribute("class") == "strip"));

        using var neon = await host.Client.GetAsync(new Uri("/cues/strips.pdf?style=neon", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, neon.StatusCode);
        Assert.Contains("use standard, high-contrast, large-print", await neon.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static double Mm(XElement element, string attribute) =>
        double.Parse((string)element.Attribute(attribute)!, System.Globalization.CultureInfo.InvariantCulture);
}
