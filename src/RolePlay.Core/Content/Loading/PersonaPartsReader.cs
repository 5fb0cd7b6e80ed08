using System.Text.RegularExpressions;
using RolePlay.Core.Text;

namespace RolePlay.Core.Content.Loading;

/// <summary>Reads the parts of a persona that shape how the customer answers (needs, worry, choices, details,
/// leads) and every list of spoken lines, with the same rules for each: no repeats, short bursts on a bad
/// connection, placeholders only where a bank takes them.</summary>
internal static partial class PersonaPartsReader
{
    public const int MinMaxWords = 15;
    public const int MaxMaxWords = 250;

    private static readonly string[] NeedsFields = ["jargon", "max_words", "pace", "first_language", "cannot_use"];
    private static readonly string[] LimitFields = ["channel", "says"];
    private static readonly string[] WorryFields = ["topics", "says"];
    private static readonly string[] ChoiceFields = ["prefers", "avoids"];
    private static readonly string[] DetailFields = ["id", "asked_by", "says"];
    private static readonly string[] LeadFields = ["tense", "easing"];
    private static readonly string[] MannerFields = ["upset", "relief"];

    public static PersonaNeeds? Needs(YamlFields f, NetworkQuality? network)
    {
        if (!f.Has("needs"))
        {
            return PersonaNeeds.Default;
        }

        if (f.Map("needs", NeedsFields) is not { } n)
        {
            return null;
        }

        var defaults = PersonaNeeds.Default;
        var jargon = n.Has("jargon") ? n.Enum<JargonTolerance>("jargon") : defaults.Jargon;
        var maxWords = n.Has("max_words") ? n.Int("max_words", MinMaxWords, MaxMaxWords) : defaults.MaxWords;
        var pace = n.Has("pace") ? n.Enum<Pace>("pace") : defaults.Pace;
        var language = n.Has("first_language") ? n.Text("first_language") : defaults.FirstLanguage;
        var limits = Limits(n, network);
        return jargon is null || maxWords is null || pace is null || language is null || limits is null
            ? null
            : new PersonaNeeds(jargon.Value, maxWords.Value, pace.Value, language, limits);
    }

    public static (bool Valid, MainWorry? Value) Worry(YamlFields f, NetworkQuality? network)
    {
        if (!f.Has("worry"))
        {
            return (true, null);
        }

        if (f.Map("worry", WorryFields) is not { } w)
        {
            return (false, null);
        }

        var topics = w.TextList("topics", minItems: 1);
        var says = Spoken(w, "says", network, required: true, hint: null);
        return topics is null || says is null ? (false, null) : (true, new MainWorry(topics, says));
    }

    public static ChoicePreferences? Choices(YamlFields f)
    {
        if (!f.Has("choices"))
        {
            return ChoicePreferences.None;
        }

        if (f.Map("choices", ChoiceFields) is not { } c)
        {
            return null;
        }

        var prefers = c.Has("prefers") ? c.TextList("prefers", minItems: 1) : [];
        var avoids = c.Has("avoids") ? c.TextList("avoids", minItems: 1) : [];
        return prefers is null || avoids is null ? null : new ChoicePreferences(prefers, avoids);
    }

    public static IReadOnlyList<PersonaDetail>? Details(YamlFields f, NetworkQuality? network)
    {
        if (!f.Has("details"))
        {
            return [];
        }

        if (f.List("details", minItems: 1) is not { } list)
        {
            return null;
        }

        var details = new List<PersonaDetail>(list.Children.Count);
        var seen = new Dictionary<string, long>(StringComparer.Ordinal);
        var valid = true;
        for (var i = 0; i < list.Children.Count; i++)
        {
            if (YamlFields.Open(list.Children[i], $"details[{i}]", f.Errors, DetailFields) is not { } d)
            {
                valid = false;
                continue;
            }

            var id = d.Id();
            var askedBy = d.TextList("asked_by", minItems: 1);
            var says = Spoken(d, "says", network, required: true, hint: null);
            if (id is not null && !seen.TryAdd(id, d.LineOf("id")))
            {
                f.Errors.Add(d.LineOf("id"), d.PathOf("id"), $"duplicate detail id '{id}', first used on line {seen[id]}");
                valid = false;
            }

            if (id is null || askedBy is null || says is null)
            {
                valid = false;
                continue;
            }

            details.Add(new PersonaDetail(id, askedBy, says));
        }

        return valid ? details : null;
    }

    public static MoodLeads? Leads(YamlFields f, NetworkQuality? network)
    {
        if (!f.Has("leads"))
        {
            return MoodLeads.None;
        }

        if (f.Map("leads", LeadFields) is not { } l)
        {
            return null;
        }

        var tense = Spoken(l, "tense", network, required: true, hint: null);
        var easing = Spoken(l, "easing", network, required: true, hint: null);
        return tense is null || easing is null ? null : new MoodLeads(tense, easing);
    }

    /// <summary>Optional, as is each part: frustration shows terse unless told otherwise, and relief needs the
    /// persona's own words to show.</summary>
    public static PersonaManner? Manner(YamlFields f, NetworkQuality? network)
    {
        if (!f.Has("manner"))
        {
            return PersonaManner.Default;
        }

        if (f.Map("manner", MannerFields) is not { } m)
        {
            return null;
        }

        var upset = m.Has("upset") ? m.Enum<Upset>("upset") : PersonaManner.Default.Upset;
        IReadOnlyList<string>? relief = m.Has("relief") ? Spoken(m, "relief", network, required: true, hint: null) : [];
        return upset is null || relief is null ? null : new PersonaManner(upset.Value, relief);
    }

    /// <summary>A list of lines the customer says. <paramref name="slots"/> are the placeholders this list takes;
    /// each line must hold all of them, and no other brace.</summary>
    public static IReadOnlyList<string>? Spoken(YamlFields f, string key, NetworkQuality? network, bool required,
        string? hint, IReadOnlyList<string>? slots = null)
    {
        if (!f.Has(key))
        {
            if (required)
            {
                f.Errors.Add(f.LineOf(key), f.PathOf(key), hint is null ? "is required" : $"is required: {hint}");
            }

            return null;
        }

        if (f.List(key, minItems: 1) is not { } list)
        {
            return null;
        }

        slots ??= [];
        var lines = new List<string>(list.Children.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var valid = true;
        for (var i = 0; i < list.Children.Count; i++)
        {
            var path = $"{f.PathOf(key)}[{i}]";
            var node = list.Children[i];
            if (YamlFields.ReadText(node, path, f.Errors) is not { } line)
            {
                valid = false;
                continue;
            }

            if (SlotProblem(line, slots) is { } problem)
            {
                f.Errors.Add(node.Start.Line, path, problem);
                valid = false;
            }

            if (!seen.Add(line))
            {
                f.Errors.Add(node.Start.Line, path, "repeats an earlier line of this list");
                valid = false;
            }

            if (network is NetworkQuality.Patchy or NetworkQuality.Poor && line.Length > ContentRules.ShortBurstMaxChars)
            {
                f.Errors.Add(node.Start.Line, path,
                    $"a persona on a {WireName.Of<NetworkQuality>(network.Value)} network sends short bursts: " +
                    $"at most {ContentRules.ShortBurstMaxChars} characters, got {line.Length}");
                valid = false;
            }

            lines.Add(line);
        }

        return valid ? lines : null;
    }

    private static IReadOnlyList<ChannelLimit>? Limits(YamlFields n, NetworkQuality? network)
    {
        if (!n.Has("cannot_use"))
        {
            return [];
        }

        if (n.List("cannot_use", minItems: 1) is not { } list)
        {
            return null;
        }

        var limits = new List<ChannelLimit>(list.Children.Count);
        var valid = true;
        for (var i = 0; i < list.Children.Count; i++)
        {
            if (YamlFields.Open(list.Children[i], $"{n.PathOf("cannot_use")}[{i}]", n.Errors, LimitFields) is not { } l)
            {
                valid = false;
                continue;
            }

            var channel = l.Enum<Channel>("channel");
            var says = Spoken(l, "says", network, required: true, hint: "what the customer says when a plan needs it");
            if (channel is null || says is null)
            {
                valid = false;
                continue;
            }

            if (limits.Any(limit => limit.Channel == channel))
            {
                n.Errors.Add(l.LineOf("channel"), l.PathOf("channel"), $"'{WireName.Of(channel.Value)}' is listed twice");
                valid = false;
                continue;
            }

            limits.Add(new ChannelLimit(channel.Value, says));
        }

        return valid ? limits : null;
    }

    private static string? SlotProblem(string line, IReadOnlyList<string> slots)
    {
        if (slots.Count == 0)
        {
            return ContentRules.HasPlaceholder(line) ? ContentRules.PlaceholderMessage : null;
        }

        foreach (var slot in slots)
        {
            if (!line.Contains($"{{{slot}}}", StringComparison.Ordinal))
            {
                return $"must contain {{{slot}}} (filled in from the conversation)";
            }
        }

        var allowed = string.Join(", ", slots.Select(slot => $"{{{slot}}}"));
        foreach (Match match in Braced().Matches(line))
        {
            if (!slots.Contains(match.Groups[1].Value))
            {
                return $"'{match.Value}' is not filled in here; this bank takes only {allowed}";
            }
        }

        return ContentRules.HasPlaceholder(Braced().Replace(line, "")) ? $"unbalanced brace; this bank takes only {allowed}" : null;
    }

    [GeneratedRegex(@"\{([a-z_]+)\}")]
    private static partial Regex Braced();
}
