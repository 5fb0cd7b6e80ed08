using System.CommandLine;
using System.Text;
using RolePlay.Core.Content;
using RolePlay.Core.Content.Loading;
using RolePlay.Core.CueStrips;

namespace RolePlay.Bot.Cli;

/// <summary><c>cues print</c>: the cue cards (shipped and the team's <c>--content</c>) as a sheet of keyboard strips to
/// print and cut, as a PDF or an SVG by the file's name; the same sheet the bot serves at <c>/cues/strips.pdf</c>.</summary>
internal static class CueVerbs
{
    public static Command Build(Option<string[]> contentDirs)
    {
        var cues = new Command("cues", "Cue cards on paper.");
        cues.Subcommands.Add(BuildPrint(contentDirs));
        return cues;
    }

    private static Command BuildPrint(Option<string[]> contentDirs)
    {
        var style = new Option<string>("--style")
        {
            Description = $"One of {string.Join(", ", CueStripSheet.StyleNames.Keys)}.",
            DefaultValueFactory = _ => "standard",
        };
        var language = new Option<string?>("--language")
        {
            Description = "The language of the cue text (en, the cards' own, unless given), e.g. es, fr, de.",
        };
        var output = new Option<FileInfo>("--out")
        {
            Description = "The file to write: .pdf or .svg.",
            DefaultValueFactory = _ => new FileInfo("cue-strips.pdf"),
        };
        var print = new Command("print", "Write a printable sheet of cue strips sized to sit above a keyboard's function row.") { style, language, output };
        print.SetAction(parseResult =>
        {
            var named = parseResult.GetValue(style)!;
            if (!CueStripSheet.StyleNames.TryGetValue(named, out var chosen))
            {
                Console.Error.WriteLine($"“{named}” is not a strip style: use {string.Join(", ", CueStripSheet.StyleNames.Keys)}.");
                return 1;
            }

            var file = parseResult.GetValue(output)!;
            var extension = file.Extension.ToLowerInvariant();
            if (extension is not (".pdf" or ".svg"))
            {
                Console.Error.WriteLine($"Name the file .pdf or .svg (not “{file.Name}”).");
                return 1;
            }

            var content = ContentLoader.LoadShipped(parseResult.GetValue(contentDirs) ?? []);
            if (!content.IsValid)
            {
                Console.Error.WriteLine($"The content is not valid: run 'content validate' ({content.Errors.Count} errors).");
                return 1;
            }

            var languages = CueStripSheet.Languages(content.Catalog!);
            var written = parseResult.GetValue(language);
            if (written is not null && !languages.Contains(written))
            {
                Console.Error.WriteLine($"The cue cards are not written in “{written}”: use {string.Join(", ", languages)}.");
                return 1;
            }

            var sheet = CueStripSheet.Of(content.Catalog!, chosen, written);
            File.WriteAllBytes(file.FullName, extension == ".pdf" ? CueStripPdf.Render(sheet) : Encoding.UTF8.GetBytes(CueStripSvg.Render(sheet)));
            Console.Out.WriteLine($"Wrote {sheet.Pages.Sum(p => p.Strips.Count)} strips on {sheet.Pages.Count} pages ({named}, {written ?? CueCard.OwnLanguage}) to {file.FullName}.");
            return 0;
        });
        return print;
    }
}
