using System.Net;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using RolePlay.Bot.Tests.Dashboard;
using RolePlay.Core.Content.Loading;
using RolePlay.Core.CueStrips;
using RolePlay.Core.Storage;
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
                var (lines, right) = Inside(strip, drawn);
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
                var (lines, right) = Inside(strip, drawn);
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

    [SkippableFact]
    public async Task A_teams_sheet_starts_with_its_cue_of_the_week_marked_in_the_teams_language()
    {
        await using var host = await DashboardHost.StartAsync(Path.Combine(_dir, "roleplay.db"));
        Assert.True((await host.StudioPostAsync("/studio/api/people", """{"name":"Ana"}""")).IsSuccessStatusCode);
        using var created = await host.StudioPostAsync("/studio/api/team", """{"name":"Night shift","timeZone":"Europe/London","values":[]}""");
        var teamId = JsonNode.Parse(await created.Content.ReadAsStringAsync())!["team"]!["teamId"]!.GetValue<string>();
        using var spanish = await host.StudioSendAsync(HttpMethod.Put, "/studio/api/team/cues", """{"language":"es"}""");
        Assert.Equal(HttpStatusCode.OK, spanish.StatusCode);
        using var klingon = await host.StudioSendAsync(HttpMethod.Put, "/studio/api/team/cues", """{"language":"tlh"}""");
        Assert.Contains("not written in “tlh”", await klingon.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var catalog = ContentLoader.LoadShipped().EnsureValid();
        var tenant = new TenantScope("studio", "local");
        var team = (await host.Services.GetRequiredService<ITeamStore>().GetAsync(tenant, teamId, default))!;
        await host.Services.GetRequiredService<ICueOfTheWeekStore>().SaveAsync(
            new CueOfTheWeekRecord(tenant, teamId, CueOfTheWeek.WeekOf(team, DateTimeOffset.UtcNow), "what-else", DateTimeOffset.UtcNow), default);
        var week = catalog.CueCards["what-else"].TextIn("es");

        // The SVG: the first strip is the week's cue in Spanish with its mark beside it, and the cue is not printed twice.
        using var svg = await host.Client.GetAsync(new Uri(CueSheetPath.Of(teamId, "svg"), UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, svg.StatusCode);
        XNamespace ns = "http://www.w3.org/2000/svg";
        var svgPage = XDocument.Parse(await svg.Content.ReadAsStringAsync());
        var strips = svgPage.Descendants(ns + "g").Where(g => (string?)g.Attribute("class") == "strip").ToList();
        Assert.Equal(catalog.CueCards.Count, strips.Count);
        string Cue(XElement strip) => string.Join(" ", strip.Elements(ns + "text").Where(t => t.Attribute("class") is null).Select(t => t.Value));
        Assert.Equal(week, Cue(strips[0]));
        Assert.Equal([CueStripSheet.WeekMarkIn("es")], strips.SelectMany(g => g.Elements(ns + "text")).Where(t => (string?)t.Attribute("class") == "mark").Select(t => t.Value));
        Assert.Single(strips, s => Cue(s) == week);
        // The sheet's own words are in the team's language too: the cutting line at the foot reads in Spanish.
        var footer = CueStripSheet.Of(catalog, CueStripStyle.Standard, "es").Footer;
        Assert.StartsWith("Recorta", footer, StringComparison.Ordinal);
        Assert.Contains(footer, svgPage.Descendants(ns + "text").Select(t => t.Value));

        // The PDF as pdf.js reads it: the same first strip, the mark inside the strip and clear of the cue.
        using var pdfResponse = await host.Client.GetAsync(new Uri(CueSheetPath.Of(teamId) + "?style=large-print", UriKind.Relative));
        var file = Path.Combine(_dir, "team.pdf");
        await File.WriteAllBytesAsync(file, await pdfResponse.Content.ReadAsByteArrayAsync());
        var artifacts = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "artifacts")).FullName;
        var pdf = await PdfReader.ReadAsync(file, Path.Combine(artifacts, "cue-strips-team"));
        var first = CueStripSheet.Of(catalog, CueStripStyle.LargePrint, "es", catalog.CueCards["what-else"]).Pages[0].Strips[0];
        var (items, right) = Inside(first, pdf.Pages[0]);
        var mark = Assert.Single(items, i => i.Text == CueStripSheet.WeekMarkIn("es"));
        var cue = items.Where(i => i != mark && !string.IsNullOrWhiteSpace(i.Text)).ToList(); // pdf.js reads the gap before the mark as a space
        Assert.Equal(first.Lines, cue.Select(l => l.Text));
        Assert.All(cue, l => Assert.True(l.X + l.Width < mark.X, $"“{l.Text}” runs into the mark"));
        Assert.True(mark.X + mark.Width <= right - (CueStripSheet.PaddingMm * PtPerMm) + 0.5, "the mark runs past its strip");

        // ?language= still overrides the team's; the studio's team view carries the week's cue.
        using var german = await host.Client.GetAsync(new Uri(CueSheetPath.Of(teamId, "svg") + "?language=de", UriKind.Relative));
        Assert.Contains(catalog.CueCards["what-else"].TextIn("de").Split(' ')[0], await german.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var view = JsonNode.Parse(await host.Client.GetStringAsync(new Uri("/studio/api/team", UriKind.Relative)))!["team"]!["cues"]!;
        Assert.Equal((week, "es"), (view["week"]!["text"]!.GetValue<string>(), view["language"]!.GetValue<string>()));
    }

    /// <summary>What pdf.js set inside a strip's box, top to bottom, and the box's right edge in points.</summary>
    private static (List<PdfTextItem> Items, double Right) Inside(CueStrip strip, PdfPage drawn)
    {
        var (left, right) = (strip.XMm * PtPerMm, (strip.XMm + strip.WidthMm) * PtPerMm);
        var (top, bottom) = ((CueStripSheet.PageHeightMm - strip.YMm) * PtPerMm, (CueStripSheet.PageHeightMm - strip.YMm - strip.HeightMm) * PtPerMm);
        return (drawn.Items.Where(i => i.Y < top && i.Y > bottom && i.X >= left && i.X < right).OrderByDescending(i => i.Y).ThenBy(i => i.X).ToList(), right);
    }

    private static double Mm(XElement element, string attribute) =>
        double.Parse((string)element.Attribute(attribute)!, System.Globalization.CultureInfo.InvariantCulture);
}
