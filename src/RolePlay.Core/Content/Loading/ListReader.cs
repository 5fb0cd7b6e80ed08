using YamlDotNet.RepresentationModel;

namespace RolePlay.Core.Content.Loading;

/// <summary>Reads the list files: cue cards and warm-ups, each a list of small mappings.</summary>
internal static class ListReader
{
    private static readonly string[] CueCardFields = ["id", "text", "trigger"];
    private static readonly string[] WarmUpFields = ["id", "prompt"];

    public static List<Loaded<CueCard>> CueCards(YamlNode root, FileErrors errors) =>
        Read(root, errors, "cue card", CueCardFields, f =>
        {
            var id = f.Id();
            var text = f.Text("text");
            var trigger = f.Enum<CueTrigger>("trigger");
            return id is null || text is null || trigger is null
                ? null
                : new Loaded<CueCard>(new CueCard(id, text, trigger.Value, errors.File), id, errors.File, f.LineOf("id"));
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
