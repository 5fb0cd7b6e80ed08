using RolePlay.Core.Storage;

namespace RolePlay.Core.Clips;

/// <summary>Something a clip can be attached to, offered to the person: a phrase of their team's library or one of
/// their own lines in a finished practice.</summary>
public sealed record ClipChoice(ClipSubject Subject, string Text, DateTimeOffset AtUtc);
