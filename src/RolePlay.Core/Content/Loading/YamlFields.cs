using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace RolePlay.Core.Content.Loading;

/// <summary>Reads the fields of one YAML mapping, reporting each problem at its line under its dotted field path
/// (<c>mood.frustration</c>, <c>facts[1].text</c>). Every read reports and returns null rather than throwing, so one
/// pass finds every error. Unknown fields are reported when the mapping is opened: typos are never ignored.</summary>
internal sealed partial class YamlFields
{
    private readonly Dictionary<string, (YamlScalarNode Key, YamlNode Value)> _fields;
    private readonly string _path;

    private YamlFields(long line, string path, FileErrors errors,
        Dictionary<string, (YamlScalarNode, YamlNode)> fields)
    {
        Line = line;
        _path = path;
        Errors = errors;
        _fields = fields;
    }

    /// <summary>Where a missing field is reported: the line of the key that holds this mapping (<c>mood:</c>), or where
    /// the mapping starts.</summary>
    public long Line { get; }

    public FileErrors Errors { get; }

    /// <summary>Opens <paramref name="node"/> as a mapping allowed to hold only <paramref name="allowed"/> keys;
    /// <paramref name="keyLine"/> is the line of the key holding it, if any.</summary>
    public static YamlFields? Open(YamlNode node, string path, FileErrors errors, IReadOnlyCollection<string> allowed,
        long? keyLine = null)
    {
        if (node is not YamlMappingNode map)
        {
            errors.Add(node.Start.Line, Label(path), "must be a mapping of fields (key: value)");
            return null;
        }

        var fields = new Dictionary<string, (YamlScalarNode, YamlNode)>(map.Children.Count, StringComparer.Ordinal);
        foreach (var (keyNode, value) in map.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { Length: > 0 } key } scalar)
            {
                errors.Add(keyNode.Start.Line, Label(path), "field names must be plain text");
                continue;
            }

            if (!allowed.Contains(key))
            {
                errors.Add(keyNode.Start.Line, Join(path, key), $"unknown field; allowed: {string.Join(", ", allowed)}");
                continue;
            }

            fields[key] = (scalar, value);
        }

        return new YamlFields(keyLine ?? map.Start.Line, path, errors, fields);
    }

    public string PathOf(string key) => Join(_path, key);

    public bool Has(string key) => _fields.TryGetValue(key, out var field) && !IsNull(field.Value);

    /// <summary>The line of a field's value, or of the mapping when the field is absent.</summary>
    public long LineOf(string key) => _fields.TryGetValue(key, out var field) ? field.Value.Start.Line : Line;

    /// <summary>The raw value node, reporting a missing required field.</summary>
    public YamlNode? Node(string key, bool required)
    {
        if (_fields.TryGetValue(key, out var field) && !IsNull(field.Value))
        {
            return field.Value;
        }

        if (required)
        {
            Errors.Add(_fields.TryGetValue(key, out var present) ? present.Key.Start.Line : Line, PathOf(key), "is required");
        }

        return null;
    }

    public string? Text(string key, bool required = true) =>
        Node(key, required) is { } node ? ReadText(node, PathOf(key), Errors) : null;

    public int? Int(string key, int min, int max, bool required = true, string? maxName = null)
    {
        if (Node(key, required) is not { } node || ReadText(node, PathOf(key), Errors) is not { } text)
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            Errors.Add(node.Start.Line, PathOf(key), $"must be a whole number, got '{text}'");
            return null;
        }

        if (value < min || value > max)
        {
            var upper = maxName is null ? max.ToString(CultureInfo.InvariantCulture) : $"{maxName} ({max})";
            Errors.Add(node.Start.Line, PathOf(key), $"must be between {min} and {upper}, got {value}");
            return null;
        }

        return value;
    }

    public bool? Bool(string key)
    {
        if (Node(key, required: false) is not { } node || ReadText(node, PathOf(key), Errors) is not { } text)
        {
            return null;
        }

        switch (text)
        {
            case "true":
                return true;
            case "false":
                return false;
            default:
                Errors.Add(node.Start.Line, PathOf(key), $"must be true or false, got '{text}'");
                return null;
        }
    }

    public TEnum? Enum<TEnum>(string key, bool required = true)
        where TEnum : struct, Enum =>
        Node(key, required) is { } node ? ReadEnum<TEnum>(node, PathOf(key), Errors) : null;

    public YamlFields? Map(string key, IReadOnlyCollection<string> allowed, bool required = true) =>
        Node(key, required) is { } node ? Open(node, PathOf(key), Errors, allowed, _fields[key].Key.Start.Line) : null;

    /// <summary>A list field; an empty list is reported when <paramref name="minItems"/> is above zero.</summary>
    public YamlSequenceNode? List(string key, int minItems, bool required = true)
    {
        if (Node(key, required) is not { } node)
        {
            return null;
        }

        if (node is not YamlSequenceNode list)
        {
            Errors.Add(node.Start.Line, PathOf(key), "must be a list (lines starting with '- ')");
            return null;
        }

        if (list.Children.Count < minItems)
        {
            Errors.Add(node.Start.Line, PathOf(key), minItems == 1
                ? "must not be empty"
                : $"must have at least {minItems} items, got {list.Children.Count}");
        }

        return list;
    }

    /// <summary>A list of non-empty texts; bad items are reported and skipped.</summary>
    public IReadOnlyList<string>? TextList(string key, int minItems, bool required = true)
    {
        if (List(key, minItems, required) is not { } list)
        {
            return null;
        }

        var texts = new List<string>(list.Children.Count);
        for (var i = 0; i < list.Children.Count; i++)
        {
            if (ReadText(list.Children[i], $"{PathOf(key)}[{i}]", Errors) is { } text)
            {
                texts.Add(text);
            }
        }

        return texts;
    }

    /// <summary>Every present field, for free-form maps such as <c>sensitivity</c>, whose keys are checked by the caller.</summary>
    public IEnumerable<(string Key, YamlNode Value)> Entries() => _fields.Select(f => (f.Key, f.Value.Value));

    public static string? ReadText(YamlNode node, string path, FileErrors errors)
    {
        if (node is YamlMappingNode)
        {
            // The usual cause is an unquoted colon in a sentence ("note: bring ID").
            errors.Add(node.Start.Line, path, "must be text, not a mapping (put text containing ': ' in quotes)");
            return null;
        }

        if (node is not YamlScalarNode scalar)
        {
            errors.Add(node.Start.Line, path, "must be text, not a list");
            return null;
        }

        if (IsNull(scalar) || string.IsNullOrWhiteSpace(scalar.Value))
        {
            errors.Add(node.Start.Line, path, "must not be empty");
            return null;
        }

        return scalar.Value.Trim();
    }

    public static TEnum? ReadEnum<TEnum>(YamlNode node, string path, FileErrors errors)
        where TEnum : struct, Enum
    {
        if (ReadText(node, path, errors) is not { } text)
        {
            return null;
        }

        if (WireName.TryParse<TEnum>(text, out var value))
        {
            return value;
        }

        errors.Add(node.Start.Line, path, $"unknown value '{text}'; allowed: {string.Join(", ", WireName.All<TEnum>())}");
        return null;
    }

    /// <summary>Reports an id that is not lower-case words joined by hyphens ("billing-double-charge").</summary>
    public string? Id(string key = "id")
    {
        if (Text(key) is not { } id)
        {
            return null;
        }

        if (!IdPattern().IsMatch(id))
        {
            Errors.Add(LineOf(key), PathOf(key),
                $"must be lower-case letters and digits joined by hyphens (like 'late-parcel'), got '{id}'");
            return null;
        }

        return id;
    }

    /// <summary>An empty value, <c>~</c> or <c>null</c> written without quotes means "not given".</summary>
    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: null or "" or "~" or "null" };

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    private static string Label(string path) => path.Length == 0 ? "(document)" : path;

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();
}
