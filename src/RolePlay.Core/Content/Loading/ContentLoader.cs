using RolePlay.Core.Content;
using RolePlay.Core.Content.Loading;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace RolePlay.Core.Content.Loading;

/// <summary>Loads and validates content packs. Nothing is half-loaded: either every file is valid and a catalog is
/// returned, or there is no catalog and every error is listed as <c>file:line: field — message</c>.</summary>
public static class ContentLoader
{
    private const string FileField = "(file)";
    private const string DirectoryField = "(directory)";

    /// <summary>The shipped packs plus each directory a team configured. A missing or empty directory is an error:
    /// configuring one says content lives there, so finding none is a mistake worth stopping for.</summary>
    public static ContentLoadResult LoadShipped(params string[] teamDirectories)
    {
        ArgumentNullException.ThrowIfNull(teamDirectories);
        var directoryErrors = new List<ContentError>();
        var files = new List<ContentFile>(ContentSources.Shipped());
        foreach (var dir in teamDirectories)
        {
            if (string.IsNullOrWhiteSpace(dir) || !Directory.Exists(dir))
            {
                directoryErrors.Add(new ContentError(dir ?? "", 0, DirectoryField, "content directory not found"));
                continue;
            }

            var before = files.Count;
            files.AddRange(ContentSources.FromDirectory(dir));
            if (files.Count == before)
            {
                directoryErrors.Add(new ContentError(dir, 0, DirectoryField, "holds no .yaml or .yml files"));
            }
        }

        var result = Load(files);
        return directoryErrors.Count == 0
            ? result
            : new ContentLoadResult(null, [.. directoryErrors, .. result.Errors]);
    }

    /// <summary>Loads <paramref name="files"/> in the order given (an id defined twice is reported at its second place,
    /// naming the first). What a file holds follows from its path: see <see cref="ContentSources"/>.</summary>
    public static ContentLoadResult Load(IEnumerable<ContentFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var errors = new List<ContentError>();
        var personas = new List<Loaded<Persona>>();
        var scenarios = new List<LoadedScenario>();
        var cueCards = new List<Loaded<CueCard>>();
        var warmUps = new List<Loaded<WarmUp>>();
        var checklists = new List<Loaded<PeerChecklist>>();
        var namedPersonas = new HashSet<string>(StringComparer.Ordinal);

        foreach (var file in files)
        {
            var fileErrors = new FileErrors(file.Path, errors);
            var kind = Classify(file.Path);
            if (kind is null)
            {
                fileErrors.Add(0, FileField,
                    "is not in a known place: put personas in personas/, scenarios in scenarios/, "
                    + "peer checklists in checklists/, cue cards in cue-cards.yaml and warm-ups in warm-ups.yaml");
                continue;
            }

            if (Parse(file, fileErrors) is not { } root)
            {
                continue;
            }

            switch (kind)
            {
                case FileKind.Persona:
                    Add(personas, PersonaReader.Read(root, fileErrors, out var personaId));
                    if (personaId is not null)
                    {
                        namedPersonas.Add(personaId);
                    }

                    break;
                case FileKind.Scenario:
                    Add(scenarios, ScenarioReader.Read(root, fileErrors));
                    break;
                case FileKind.CueCards:
                    cueCards.AddRange(ListReader.CueCards(root, fileErrors));
                    break;
                case FileKind.WarmUps:
                    warmUps.AddRange(ListReader.WarmUps(root, fileErrors));
                    break;
                case FileKind.Checklist:
                    Add(checklists, ChecklistReader.Read(root, fileErrors));
                    break;
            }
        }

        var personaById = Unique(personas, "persona", errors);
        var scenarioById = Unique(scenarios.Select(s => s.Scenario), "scenario", errors);
        var cueCardById = Unique(cueCards, "cue card", errors);
        var warmUpById = Unique(warmUps, "warm-up", errors);
        var checklistById = Unique(checklists, "peer checklist", errors);
        CheckPersonaReferences(scenarios, namedPersonas, errors);

        return errors.Count == 0
            ? new ContentLoadResult(new ContentCatalog(personaById, scenarioById, cueCardById, warmUpById, checklistById), [])
            : new ContentLoadResult(null, errors);
    }

    private enum FileKind { Persona, Scenario, CueCards, WarmUps, Checklist }

    /// <summary>By the folder (<c>personas/</c>, <c>scenarios/</c>, <c>checklists/</c>, <c>cue-cards/</c>, <c>warm-ups/</c>) or, for the
    /// list files, by the file name (<c>cue-cards.yaml</c>, <c>warm-ups.yaml</c>).</summary>
    private static FileKind? Classify(string path)
    {
        var parts = path.Split('/', '\\');
        var folder = parts.Length > 1 ? parts[^2] : "";
        var stem = Path.GetFileNameWithoutExtension(parts[^1]);
        return folder switch
        {
            "personas" => FileKind.Persona,
            "scenarios" => FileKind.Scenario,
            "checklists" => FileKind.Checklist,
            "cue-cards" => FileKind.CueCards,
            "warm-ups" => FileKind.WarmUps,
            _ => stem switch
            {
                "cue-cards" => FileKind.CueCards,
                "warm-ups" => FileKind.WarmUps,
                _ => null,
            },
        };
    }

    /// <summary>The single document's root node, or null after reporting why there is none.</summary>
    private static YamlNode? Parse(ContentFile file, FileErrors errors)
    {
        if (file.Text.Length > ContentRules.MaxFileChars)
        {
            errors.Add(0, FileField,
                $"is {file.Text.Length} characters long; the limit is {ContentRules.MaxFileChars} (split it into several files)");
            return null;
        }

        var text = file.Text.StartsWith('\uFEFF') ? file.Text[1..] : file.Text;
        if (ReportTabIndentation(text, errors))
        {
            return null;
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            errors.Add(ex.Start.Line, "(yaml)", YamlMessage(ex));
            return null;
        }

        if (stream.Documents.Count > 1)
        {
            errors.Add(stream.Documents[1].RootNode.Start.Line, FileField,
                "holds more than one YAML document ('---'); put one document in each file");
            return null;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            errors.Add(1, FileField, "is empty");
            return null;
        }

        return stream.Documents[0].RootNode;
    }

    /// <summary>YAML forbids tabs in indentation, and the parser's own complaint points at the wrong line: say it plainly,
    /// for every such line.</summary>
    private static bool ReportTabIndentation(string text, FileErrors errors)
    {
        var found = false;
        var line = 1;
        var atLineStart = true;
        foreach (var c in text)
        {
            if (c == '\n')
            {
                line++;
                atLineStart = true;
            }
            else if (atLineStart && c == '\t')
            {
                errors.Add(line, "(yaml)", "indent with spaces, not tabs");
                found = true;
                atLineStart = false;
            }
            else if (c != ' ')
            {
                atLineStart = false;
            }
        }

        return found;
    }

    /// <summary>YamlDotNet prefixes messages with the position, which the error already carries.</summary>
    private static string YamlMessage(YamlException ex)
    {
        var message = (ex.InnerException as YamlException ?? ex).Message;
        var close = message.IndexOf("): ", StringComparison.Ordinal);
        var bare = message.StartsWith("(Line:", StringComparison.Ordinal) && close > 0 ? message[(close + 3)..] : message;
        return $"invalid YAML: {bare.Trim()}";
    }

    private static void Add<T>(List<T> items, T? item)
        where T : class
    {
        if (item is not null)
        {
            items.Add(item);
        }
    }

    private static Dictionary<string, T> Unique<T>(IEnumerable<Loaded<T>> items, string what, List<ContentError> errors)
    {
        var byId = new Dictionary<string, T>(StringComparer.Ordinal);
        var first = new Dictionary<string, Loaded<T>>(StringComparer.Ordinal);
        foreach (var loaded in items)
        {
            if (first.TryGetValue(loaded.Id, out var earlier))
            {
                errors.Add(new ContentError(loaded.File, (int)loaded.Line, "id",
                    $"duplicate {what} id '{loaded.Id}', already defined at {earlier.File}:{earlier.Line}"));
                continue;
            }

            first[loaded.Id] = loaded;
            byId[loaded.Id] = loaded.Item;
        }

        return byId;
    }

    /// <summary><paramref name="personas"/> holds every persona id defined, valid or not: a scenario naming a persona
    /// whose file has errors is not reported again.</summary>
    private static void CheckPersonaReferences(List<LoadedScenario> scenarios, HashSet<string> personas,
        List<ContentError> errors)
    {
        foreach (var (loaded, personaLine) in scenarios)
        {
            var personaId = loaded.Item.PersonaId;
            if (!personas.Contains(personaId))
            {
                var known = personas.Count == 0 ? "none" : string.Join(", ", personas.Order(StringComparer.Ordinal));
                errors.Add(new ContentError(loaded.File, (int)personaLine, "persona",
                    $"unknown persona '{personaId}'; known personas: {known}"));
            }
        }
    }
}
