using RolePlay.Core.Detection.Learned;

namespace RolePlay.Core.Tests.Detection;

/// <summary>The labelled messages the detectors are scored on: the shipped set (its train split is what the rules
/// were written against and the classifier learns from; its heldout split is only scored) and the external split,
/// written by an independent writer who never read the detector, after it was frozen. The external split lives
/// only here, so nothing shipped can learn from it.</summary>
internal static class LabelledSets
{
    public const string External = "external";

    private static readonly Lazy<IReadOnlyList<LabelledMessage>> ShippedSet = new(LabelledMessages.Shipped);

    private static readonly Lazy<IReadOnlyList<LabelledMessage>> ExternalSet = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Detection", "Data", "external.jsonl");
        using var reader = File.OpenText(path);
        return LabelledMessages.Read(reader, path);
    });

    public static IReadOnlyList<LabelledMessage> Shipped => ShippedSet.Value;

    public static IReadOnlyList<LabelledMessage> ExternalSplit => ExternalSet.Value;

    public static IEnumerable<LabelledMessage> InSplit(string split) => Shipped.Where(m => m.Split == split);
}
