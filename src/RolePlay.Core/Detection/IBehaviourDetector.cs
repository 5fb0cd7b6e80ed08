namespace RolePlay.Core.Detection;

/// <summary>Labels one agent message. Implementations are pure, thread-safe and offline.</summary>
public interface IBehaviourDetector
{
    /// <summary>The behaviours shown in <paramref name="text"/> (hot path: no allocation beyond what is needed).</summary>
    Behaviour Detect(string text);

    /// <summary>The same labels with the exact phrase (a sentence or clause of <paramref name="text"/>) that showed each,
    /// so a rubric can quote evidence.</summary>
    IReadOnlyList<BehaviourEvidence> Explain(string text);
}

/// <summary>One behaviour and the exact phrase of the message that showed it.</summary>
public sealed record BehaviourEvidence(Behaviour Behaviour, string Phrase);
