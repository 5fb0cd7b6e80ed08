using RolePlay.Core.CueStrips;

namespace RolePlay.Core.Tests.CueStrips;

/// <summary>How a sheet sets cues: as large as fits, on one line when it can, never past its strip, strips apart and
/// inside the page; and what Helvetica-Bold in WinAnsi can print.</summary>
public sealed class CueStripSheetTests
{
    private static readonly double InnerMm = CueStripSheet.StripWidthMm - (2 * CueStripSheet.PaddingMm);

    [Theory]
    [InlineData(CueStripStyle.Standard)]
    [InlineData(CueStripStyle.LargePrint)]
    public void A_short_cue_is_one_line_at_the_largest_size_and_a_long_one_breaks_in_two_where_that_sets_it_larger(CueStripStyle style)
    {
        var sheet = CueStripSheet.Lay(["Slow down.", string.Join(' ', Enumerable.Repeat("Name the feeling in their words before you fix anything", 2))], style);
        var (brief, long_) = (sheet.Pages[0].Strips[0], sheet.Pages[0].Strips[1]);

        Assert.Equal(["Slow down."], brief.Lines);
        Assert.Equal(style == CueStripStyle.LargePrint ? 28 : 20, brief.FontSizePt);
        Assert.Equal(2, long_.Lines.Count);
        Assert.True(long_.FontSizePt >= (style == CueStripStyle.LargePrint ? 18 : 9));
        // On one line it would have had to be smaller.
        var oneLine = string.Join(' ', long_.Lines);
        Assert.True(StripFont.WidthPt(oneLine, long_.FontSizePt) * CueStripSheet.MmPerPt > InnerMm);
        Assert.All(long_.Lines, line => Assert.True(StripFont.WidthPt(line, long_.FontSizePt) * CueStripSheet.MmPerPt <= InnerMm));
        Assert.True(long_.BaselinesMm[^1] < long_.HeightMm, "the last line sits inside its strip");
    }

    [Theory]
    [InlineData(CueStripStyle.Standard)]
    [InlineData(CueStripStyle.LargePrint)]
    public void A_teams_cue_of_the_week_comes_first_marked_once_and_its_cue_leaves_the_mark_room(CueStripStyle style)
    {
        var catalog = RolePlay.Core.Content.Loading.ContentLoader.LoadShipped().EnsureValid();
        var week = catalog.CueCards["feeling-before-fix"];

        var sheet = CueStripSheet.Of(catalog, style, "fr", week);
        var strips = sheet.Pages.SelectMany(p => p.Strips).ToList();

        Assert.Equal(catalog.CueCards.Count, strips.Count);
        Assert.Equal(week.TextIn("fr"), string.Join(' ', strips[0].Lines));
        Assert.Equal([CueStripSheet.WeekMarkIn("fr")], strips.Select(s => s.Mark).OfType<string>());
        Assert.NotEqual(CueStripSheet.WeekMarkIn(null), CueStripSheet.WeekMarkIn("fr"));
        Assert.NotEqual(CueStripSheet.Of(catalog, style).Footer, sheet.Footer);
        Assert.Single(strips, s => string.Join(' ', s.Lines) == week.TextIn("fr"));
        var (markX, baseline) = strips[0].MarkAt;
        Assert.All(strips[0].Lines, line => Assert.True(
            CueStripSheet.PaddingMm + (StripFont.WidthPt(line, strips[0].FontSizePt) * CueStripSheet.MmPerPt) < markX - CueStripSheet.PaddingMm + 0.01,
            $"“{line}” runs into the mark"));
        Assert.True(markX + strips[0].MarkWidthMm <= strips[0].WidthMm - CueStripSheet.PaddingMm + 0.01);
        Assert.Equal(style == CueStripStyle.LargePrint ? 12 : 7, strips[0].MarkSizePt);
        Assert.InRange(baseline, 0, strips[0].HeightMm);
        Assert.Null(CueStripSheet.Of(catalog, style).Pages[0].Strips[0].Mark);
    }

    [Fact]
    public void A_cue_too_long_even_for_two_small_lines_is_cut_at_a_word_and_still_fits()
    {
        var rambling = string.Join(' ', Enumerable.Repeat("acknowledge", 60));

        var strip = CueStripSheet.Lay([rambling], CueStripStyle.Standard).Pages[0].Strips[0];

        Assert.EndsWith("…", strip.Lines[^1], StringComparison.Ordinal);
        Assert.DoesNotContain("acknowledg…", strip.Lines[^1], StringComparison.Ordinal);
        Assert.All(strip.Lines, line => Assert.True(StripFont.WidthPt(line, strip.FontSizePt) * CueStripSheet.MmPerPt <= InnerMm));
    }

    [Fact]
    public void Strips_fill_pages_in_order_without_touching_and_inside_the_paper()
    {
        var cues = Enumerable.Range(1, 20).Select(i => $"Cue number {i}").ToList();

        var sheet = CueStripSheet.Lay(cues, CueStripStyle.Standard);

        Assert.Equal(cues, sheet.Pages.SelectMany(p => p.Strips).Select(s => s.Lines.Single()));
        foreach (var strips in sheet.Pages.Select(p => p.Strips))
        {
            Assert.All(strips, s => Assert.True(s.XMm > 0 && s.YMm > 0 && s.XMm + s.WidthMm < CueStripSheet.PageWidthMm
                                                && s.YMm + s.HeightMm < CueStripSheet.PageHeightMm - 8, "inside the page, above the footer"));
            Assert.All(strips.Zip(strips.Skip(1)), pair => Assert.True(pair.First.YMm + pair.First.HeightMm < pair.Second.YMm));
        }
    }

    [Fact]
    public void Typographic_marks_print_as_WinAnsi_and_what_it_lacks_as_a_question_mark_measured_as_one()
    {
        Assert.Equal(new byte[] { 0x93, (byte)'O', (byte)'k', 0x94, (byte)' ', 0x96, (byte)' ', 0xE9, (byte)' ', (byte)'?' },
            StripFont.Encode("\u201COk\u201D \u2013 é \u263A"));
        Assert.Equal(StripFont.WidthPt("?", 10), StripFont.WidthPt("\u263A", 10));
        Assert.Equal(StripFont.WidthPt("e", 10), StripFont.WidthPt("é", 10));
    }
}
