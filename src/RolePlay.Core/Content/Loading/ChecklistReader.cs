using YamlDotNet.RepresentationModel;

namespace RolePlay.Core.Content.Loading;

/// <summary>Reads one peer coaching checklist (<c>checklists/*.yaml</c>): 5–7 behaviours with unique ids, plain text
/// short enough for a card's row, and each engine signal at most once, so calibration compares like with like.</summary>
internal static class ChecklistReader
{
    private static readonly string[] Fields = ["id", "title", "behaviours"];
    private static readonly string[] BehaviourFields = ["id", "text", "engine"];

    public static Loaded<PeerChecklist>? Read(YamlNode root, FileErrors errors)
    {
        if (YamlFields.Open(root, "", errors, Fields) is not { } f)
        {
            return null;
        }

        var id = f.Id();
        var title = f.Text("title");
        var list = f.List("behaviours", PeerChecklist.MinBehaviours);
        var behaviours = new List<ChecklistBehaviour>();
        if (list is not null)
        {
            if (list.Children.Count > PeerChecklist.MaxBehaviours)
            {
                errors.Add(list.Start.Line, "behaviours",
                    $"must have at most {PeerChecklist.MaxBehaviours} items, got {list.Children.Count}: a checklist a peer fills in between calls stays short");
            }

            var ids = new Dictionary<string, long>(StringComparer.Ordinal);
            var signals = new Dictionary<EngineSignal, long>();
            for (var i = 0; i < list.Children.Count; i++)
            {
                if (ReadBehaviour(list.Children[i], $"behaviours[{i}]", errors, ids, signals) is { } behaviour)
                {
                    behaviours.Add(behaviour);
                }
            }
        }

        return id is null || title is null || list is null
            ? null
            : new Loaded<PeerChecklist>(new PeerChecklist(id, title, behaviours, errors.File), id, errors.File, f.LineOf("id"));
    }

    private static ChecklistBehaviour? ReadBehaviour(YamlNode node, string path, FileErrors errors,
        Dictionary<string, long> ids, Dictionary<EngineSignal, long> signals)
    {
        if (YamlFields.Open(node, path, errors, BehaviourFields) is not { } f)
        {
            return null;
        }

        var id = f.Id();
        var text = f.Text("text");
        var signal = f.Enum<EngineSignal>("engine");
        if (text is { Length: > PeerChecklist.MaxTextChars })
        {
            errors.Add(f.LineOf("text"), f.PathOf("text"), $"must be at most {PeerChecklist.MaxTextChars} characters, got {text.Length}");
            text = null;
        }

        if (id is not null && !ids.TryAdd(id, f.LineOf("id")))
        {
            errors.Add(f.LineOf("id"), f.PathOf("id"), $"duplicate behaviour id '{id}', already used at line {ids[id]}");
            id = null;
        }

        if (signal is { } s && !signals.TryAdd(s, f.LineOf("engine")))
        {
            errors.Add(f.LineOf("engine"), f.PathOf("engine"), $"'{WireName.Of(s)}' is already judged at line {signals[s]}: each engine signal once");
            signal = null;
        }

        return id is null || text is null || signal is null ? null : new ChecklistBehaviour(id, text, signal.Value);
    }
}
