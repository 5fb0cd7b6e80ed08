using System.Text.RegularExpressions;
using RolePlay.Core.CueStrips;
using YamlDotNet.RepresentationModel;

namespace RolePlay.Core.Content.Loading;

/// <summary>Reads the list files: cue cards and warm-ups, each a list of small mappings.</summary>
internal static partial class ListReader
{
    private static readonly string[] CueCardFields = ["id", "text", "trigger", "translations"];
    private static readonly string[] WarmUpFields = ["id", "prompt"];

    public static List<Loaded<CueCard>> CueCards(YamlNode root, FileErrors errors) =>
        Read(root, errors, "cue card", CueCardFields, f =>
        {
            var id = f.Id();
            var text = f.Text("text");
            var trigger = f.Enum<CueTrigger>("trigger");
            var translations = Translations(f);
            return id is null || text is null || trigger is null || translations is null
                ? null
                : new Loaded<CueCard>(new CueCard(id, text, trigger.Value, errors.File) { Translations = translations }, id, errors.File, f.LineOf("id"));
        });

    public static List<Loaded<WarmUp>> WarmUps(YamlNode root, FileErrors errors) =>
        Read(root, errors, "warm-up", WarmUpFields, f =>
        {
            var id = f.Id();
            var prompt = f.Text("prompt");
            return id is null || prompt is null
                ? null
                : new Loaded<WarmUp>(new WarmUp(id, prompt, errors.File), id, errors.File, f.LineOf("id"));
        });

    /// <summary>Optional: the card's text by language code (ISO 639-1, two lowercase letters, not the cards' own
    /// "en"). Translations are printed on the strips, so each must be text the strips' font prints.</summary>
    private static Dictionary<string, string>? Translations(YamlFields f)
    {
        var translations = new Dictionary<string, string>(StringComparer.Ordinal);
        if (f.Node("translations", required: false) is not { } node)
        {
            return translations;
        }

        if (node is not YamlMappingNode map)
        {
            f.Errors.Add(node.Start.Line, f.PathOf("translations"), "must be a mapping of language codes to text (es: …)");
            return null;
        }

        var valid = true;
        foreach (var (key, value) in map.Children)
        {
            var language = (key as YamlScalarNode)?.Value ?? "";
            var path = $"{f.PathOf("translations")}.{language}";
            if (!LanguageCode().IsMatch(language) || language == CueCard.OwnLanguage)
            {
                f.Errors.Add(key.Start.Line, path,
                    $"'{language}' is not a language code: use two lowercase letters (ISO 639-1, e.g. es, fr, de), other than {CueCard.OwnLanguage}");
                valid = false;
            }
            else if (YamlFields.ReadText(value, path, f.Errors) is not { } text)
            {
                valid = false;
            }
            else if (text.FirstOrDefault(c => !StripFont.Prints(c)) is var unprintable and not '\0')
            {
                f.Errors.Add(value.Start.Line, path, $"'{unprintable}' cannot be printed on the cue strips (their font has Western European letters only)");
                valid = false;
            }
            else
            {
                translations[language] = text;
            }
        }

        return valid ? translations : null;
    }

    [GeneratedRegex("^[a-z]{2}$", RegexOptions.None, 1000)]
    private static partial Regex LanguageCode();

    private static List<Loaded<T>> Read<T>(YamlNode root, FileErrors errors, string what, string[] fields,
        Func<YamlFields, Loaded<T>?> readItem)
    {
        var items = new List<Loaded<T>>();
        if (root is not YamlSequenceNode list)
        {
            errors.Add(root.Start.Line, "(document)", $"must be a list of {what}s (lines starting with '- ')");
            return items;
        }

        if (list.Children.Count == 0)
        {
            errors.Add(root.Start.Line, "(document)", $"must list at least one {what}");
        }

        for (var i = 0; i < list.Children.Count; i++)
        {
            if (YamlFields.Open(list.Children[i], $"[{i}]", errors, fields) is { } f && readItem(f) is { } item)
            {
                items.Add(item);
            }
        }

        return items;
    }
}
