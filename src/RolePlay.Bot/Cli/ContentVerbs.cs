using System.CommandLine;
using System.Text.Json;
using RolePlay.Core;
using RolePlay.Core.Content;
using RolePlay.Core.Content.Loading;

namespace RolePlay.Bot.Cli;

/// <summary><c>content list</c> and <c>content validate</c>: what a trainer needs before shipping a pack.</summary>
internal static class ContentVerbs
{
    public static Command Build(Option<string[]> contentDirs)
    {
        var content = new Command("content", "List or validate practice content (personas, scenarios, cue cards, warm-ups).");
        content.Subcommands.Add(BuildList(contentDirs));
        content.Subcommands.Add(BuildValidate());
        return content;
    }

    private static Command BuildList(Option<string[]> contentDirs)
    {
        var json = new Option<bool>("--json") { Description = "Print {\"personas\":[...],\"scenarios\":[...]} as JSON." };
        var list = new Command("list", "List the personas and scenarios available (shipped packs plus --content directories).") { json };
        list.SetAction(parseResult =>
        {
            var result = ContentLoader.LoadShipped(parseResult.GetValue(contentDirs) ?? []);
            if (!result.IsValid)
            {
                WriteErrors(Console.Error, result.Errors);
                return 1;
            }

            if (parseResult.GetValue(json))
            {
                using var stdout = Console.OpenStandardOutput();
                WriteJson(stdout, result.Catalog!);
            }
            else
            {
                WriteText(Console.Out, result.Catalog!);
            }

            return 0;
        });
        return list;
    }

    private static Command BuildValidate()
    {
        var dir = new Argument<string?>("DIR")
        {
            Description = "The directory to check. Without it, the shipped packs are checked.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var validate = new Command("validate",
            "Check content the way the bot does at start-up: every error as file:line: field — message. " +
            "Exit 0 when valid, 1 when not.") { dir };
        validate.SetAction(parseResult =>
        {
            var target = parseResult.GetValue(dir);
            // A team's directory is checked together with the shipped packs, since it may name shipped personas.
            var result = target is null ? ContentLoader.LoadShipped() : ContentLoader.LoadShipped(target);
            if (!result.IsValid)
            {
                WriteErrors(Console.Out, result.Errors);
                return 1;
            }

            var catalog = result.Catalog!;
            Console.Out.WriteLine(
                $"valid: {catalog.Personas.Count} personas, {catalog.Scenarios.Count} scenarios, " +
                $"{catalog.CueCards.Count} cue cards, {catalog.WarmUps.Count} warm-ups");
            return 0;
        });
        return validate;
    }

    private static void WriteErrors(TextWriter writer, IReadOnlyList<ContentError> errors)
    {
        foreach (var error in errors)
        {
            writer.WriteLine(error.ToString());
        }

        writer.WriteLine($"{errors.Count} error(s)");
    }

    private static void WriteText(TextWriter writer, ContentCatalog catalog)
    {
        writer.WriteLine("Personas:");
        foreach (var p in catalog.Personas.Values.OrderBy(p => p.Id, StringComparer.Ordinal))
        {
            writer.WriteLine($"  {p.Id,-28} {p.Name}, {p.Age} — {p.Culture}; {p.Accessibility}; {p.Artifacts.Device}, {p.Artifacts.Network} network");
        }

        writer.WriteLine("Scenarios:");
        foreach (var s in catalog.Scenarios.Values.OrderBy(s => s.Id, StringComparer.Ordinal))
        {
            writer.WriteLine($"  {s.Id,-28} {s.Title} (persona {s.PersonaId}; success: {string.Join(", ", s.Success.Select(WireName.Of))}; " +
                             $"constraints: {(s.Constraints.Count == 0 ? "none" : string.Join(", ", s.Constraints.Select(c => WireName.Of(c.Kind))))})");
        }
    }

    private static void WriteJson(Stream output, ContentCatalog catalog)
    {
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        writer.WriteStartObject();
        writer.WriteStartArray("personas");
        foreach (var p in catalog.Personas.Values.OrderBy(p => p.Id, StringComparer.Ordinal))
        {
            writer.WriteStartObject();
            writer.WriteString("id", p.Id);
            writer.WriteString("name", p.Name);
            writer.WriteNumber("age", p.Age);
            writer.WriteString("culture", p.Culture);
            writer.WriteString("accessibility", p.Accessibility);
            writer.WriteString("communicationStyle", p.CommunicationStyle);
            writer.WriteString("device", WireName.Of(p.Artifacts.Device));
            writer.WriteString("network", WireName.Of(p.Artifacts.Network));
            writer.WriteStartObject("mood");
            writer.WriteNumber("frustration", p.StartingMood.Frustration);
            writer.WriteNumber("trust", p.StartingMood.Trust);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("scenarios");
        foreach (var s in catalog.Scenarios.Values.OrderBy(s => s.Id, StringComparer.Ordinal))
        {
            writer.WriteStartObject();
            writer.WriteString("id", s.Id);
            writer.WriteString("title", s.Title);
            writer.WriteString("persona", s.PersonaId);
            WriteStrings(writer, "success", s.Success.Select(WireName.Of));
            WriteStrings(writer, "constraints", s.Constraints.Select(c => WireName.Of(c.Kind)));
            writer.WriteNumber("maxTurns", s.MaxTurns);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.Flush();
        output.WriteByte((byte)'\n');
    }

    private static void WriteStrings(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
