namespace RolePlay.Core.Detection.Learned;

/// <summary>One hand-labelled agent message: its labels, its split, and what the customer had said before it
/// (oldest first), when the labeller gave the conversation.</summary>
internal sealed record LabelledMessage(string Id, string Text, IReadOnlyList<string> Labels, string Split, IReadOnlyList<string> Context)
{
    public const string Train = "train";
    public const string Heldout = "heldout";

    public Behaviour Expected => Labels.Aggregate(Behaviour.None, (set, name) =>
        BehaviourNames.TryParse(name, out var b) ? set | b : throw new InvalidDataException($"{Id}: unknown label '{name}'"));

    public DetectionContext? DetectionContext => Context.Count == 0 ? null : new DetectionContext(Context, []);

    public override string ToString() => $"{Id} [{string.Join(",", Labels)}] {Text}";
}
