using System.Globalization;
using RolePlay.Core.Detection;
using YamlDotNet.RepresentationModel;

namespace RolePlay.Core.Content.Loading;

/// <summary>Reads one persona file (a single mapping) and reports every problem in it.</summary>
internal static class PersonaReader
{
    private static readonly string[] Fields =
    [
        "id", "name", "age", "culture", "accessibility", "communication_style", "motivations", "constraints",
        "artifacts", "mood", "sensitivity", "needs_feeling_named_first", "needs", "worry", "choices", "facts", "details",
        "leads", "manner", "lines",
    ];

    private static readonly string[] ArtifactFields = ["device", "network"];
    private static readonly string[] MoodFields = ["frustration", "trust"];
    private static readonly string[] FactFields = ["id", "text", "topics", "says"];
    private static readonly string[] BankNames = BankRules.Banks.Select(WireName.Of<Reaction>).ToArray();
    private static readonly string[] BehaviourWireNames = BehaviourNames.All.Select(BehaviourNames.ToName).ToArray();

    /// <summary>The persona, or null when invalid; <paramref name="id"/> is still set when the id itself was readable,
    /// so scenarios naming an invalid persona are not also reported as naming an unknown one.</summary>
    public static Loaded<Persona>? Read(YamlNode root, FileErrors errors, out string? id)
    {
        id = null;
        if (YamlFields.Open(root, "", errors, Fields) is not { } f)
        {
            return null;
        }

        id = f.Id();
        var name = f.Text("name");
        var age = f.Int("age", ContentRules.MinAge, ContentRules.MaxAge);
        var culture = f.Text("culture");
        var accessibility = f.Text("accessibility");
        var style = f.Text("communication_style");
        var motivations = f.TextList("motivations", minItems: 1);
        var constraints = f.TextList("constraints", minItems: 1);
        var artifacts = ReadArtifacts(f);
        var mood = ReadMood(f);
        var sensitivity = ReadSensitivity(f);
        var needsFeelingNamedFirst = f.Bool("needs_feeling_named_first") ?? false;
        var network = artifacts?.Network;
        var facts = ReadFacts(f, network);
        var needs = PersonaPartsReader.Needs(f, network);
        var worry = PersonaPartsReader.Worry(f, network);
        var choices = PersonaPartsReader.Choices(f);
        var details = PersonaPartsReader.Details(f, network);
        var leads = PersonaPartsReader.Leads(f, network);
        var manner = PersonaPartsReader.Manner(f, network);
        var lines = ReadLines(f, network);

        if (id is null || name is null || age is null || culture is null || accessibility is null || style is null
            || motivations is null || constraints is null || artifacts is null || mood is null || sensitivity is null
            || facts is null || needs is null || !worry.Valid || choices is null || details is null || leads is null
            || manner is null || lines is null)
        {
            return null;
        }

        var persona = new Persona
        {
            Id = id,
            Name = name,
            Age = age.Value,
            Culture = culture,
            Accessibility = accessibility,
            CommunicationStyle = style,
            Motivations = motivations,
            Constraints = constraints,
            Artifacts = artifacts,
            StartingMood = mood,
            Sensitivity = sensitivity,
            NeedsFeelingNamedFirst = needsFeelingNamedFirst,
            Needs = needs,
            Worry = worry.Value,
            Choices = choices,
            Facts = facts,
            Details = details,
            Leads = leads,
            Manner = manner,
            Lines = lines,
            Source = errors.File,
        };
        return new Loaded<Persona>(persona, id, errors.File, f.LineOf("id"));
    }

    private static PersonaArtifacts? ReadArtifacts(YamlFields f)
    {
        if (f.Map("artifacts", ArtifactFields) is not { } a)
        {
            return null;
        }

        var device = a.Enum<DeviceType>("device");
        var network = a.Enum<NetworkQuality>("network");
        return device is null || network is null ? null : new PersonaArtifacts(device.Value, network.Value);
    }

    private static Mood? ReadMood(YamlFields f)
    {
        if (f.Map("mood", MoodFields) is not { } m)
        {
            return null;
        }

        var frustration = m.Int("frustration", 0, 10);
        var trust = m.Int("trust", 0, 10);
        return frustration is null || trust is null ? null : new Mood(frustration.Value, trust.Value);
    }

    /// <summary>Optional: a behaviour left out weighs 1.0 (as for anyone).</summary>
    private static Dictionary<Behaviour, double>? ReadSensitivity(YamlFields f)
    {
        var weights = new Dictionary<Behaviour, double>();
        if (f.Map("sensitivity", BehaviourWireNames, required: false) is not { } s)
        {
            return f.Node("sensitivity", required: false) is null ? weights : null;
        }

        var valid = true;
        foreach (var (key, value) in s.Entries())
        {
            BehaviourNames.TryParse(key, out var behaviour);
            var path = s.PathOf(key);
            if (YamlFields.ReadText(value, path, f.Errors) is not { } text)
            {
                valid = false;
            }
            else if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var weight))
            {
                f.Errors.Add(value.Start.Line, path, $"must be a number, got '{text}'");
                valid = false;
            }
            else if (weight < 0 || weight > ContentRules.MaxSensitivity)
            {
                f.Errors.Add(value.Start.Line, path,
                    $"must be between 0 and {ContentRules.MaxSensitivity.ToString(CultureInfo.InvariantCulture)}, got {text}");
                valid = false;
            }
            else
            {
                weights[behaviour] = weight;
            }
        }

        return valid ? weights : null;
    }

    private static List<HiddenFact>? ReadFacts(YamlFields f, NetworkQuality? network)
    {
        if (f.List("facts", minItems: 1) is not { } list)
        {
            return null;
        }

        var facts = new List<HiddenFact>(list.Children.Count);
        var seen = new Dictionary<string, long>(StringComparer.Ordinal);
        var valid = true;
        for (var i = 0; i < list.Children.Count; i++)
        {
            if (YamlFields.Open(list.Children[i], $"facts[{i}]", f.Errors, FactFields) is not { } fact)
            {
                valid = false;
                continue;
            }

            var id = fact.Id();
            var text = fact.Text("text");
            var topics = fact.TextList("topics", minItems: 1);
            var says = PersonaPartsReader.Spoken(fact, "says", network, required: true,
                hint: "the customer's own words for this fact (text is the trainer's note and is never spoken)");
            if (id is not null && seen.TryGetValue(id, out var firstLine))
            {
                f.Errors.Add(fact.LineOf("id"), fact.PathOf("id"), $"duplicate fact id '{id}', first used on line {firstLine}");
                valid = false;
            }
            else if (id is not null)
            {
                seen[id] = fact.LineOf("id");
            }

            if (id is null || text is null || topics is null || says is null)
            {
                valid = false;
                continue;
            }

            facts.Add(new HiddenFact(id, text, topics, says));
        }

        return valid ? facts : null;
    }

    /// <summary>Every reaction of the first edition needs its own bank; the newer ones are optional (the voice has
    /// plain fallbacks). The voice never repeats a line within a session, so a line may not appear twice in one bank.
    /// A persona on a patchy or poor connection writes short bursts.</summary>
    private static LineBanks? ReadLines(YamlFields f, NetworkQuality? network)
    {
        if (f.Map("lines", BankNames) is not { } banks)
        {
            return null;
        }

        var result = new Dictionary<Reaction, IReadOnlyList<string>>();
        var valid = true;
        foreach (var reaction in BankRules.Banks)
        {
            var key = WireName.Of<Reaction>(reaction);
            var required = BankRules.IsRequired(reaction);
            if (!banks.Has(key) && !required)
            {
                continue;
            }

            if (PersonaPartsReader.Spoken(banks, key, network, required, hint: null, BankRules.Slots(reaction)) is not { } lines)
            {
                valid = false;
                continue;
            }

            result[reaction] = lines;
        }

        return valid ? new LineBanks(result) : null;
    }
}
