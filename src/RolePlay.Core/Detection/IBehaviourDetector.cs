namespace RolePlay.Core.Detection;

/// <summary>Labels one agent message. Implementations are pure, thread-safe and offline.</summary>
public interface IBehaviourDetector
{
    /// <summary>The behaviours shown in <paramref name="text"/>. With a <paramref name="context"/>, behaviours that
    /// depend on the conversation are read against it (a summary must restate something the customer said).</summary>
    Behaviour Detect(string text, DetectionContext? context = null);

    /// <summary>The same labels with the exact phrase (a sentence or clause of <paramref name="text"/>) that showed each,
    /// so a rubric can quote evidence.</summary>
    IReadOnlyList<BehaviourEvidence> Explain(string text, DetectionContext? context = null);
}

/// <summary>One behaviour and the exact phrase of the message that showed it.</summary>
public sealed record BehaviourEvidence(Behaviour Behaviour, string Phrase);

/// <summary>What the conversation held before the message being read: the customer's messages and the agent's
/// earlier messages, oldest first.</summary>
public sealed record DetectionContext(IReadOnlyList<string> CustomerMessages, IReadOnlyList<string> AgentMessages)
{
    public static DetectionContext Empty { get; } = new([], []);
}
