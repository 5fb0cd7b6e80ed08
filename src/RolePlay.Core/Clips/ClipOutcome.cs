using RolePlay.Core.Storage;

namespace RolePlay.Core.Clips;

/// <summary>Why a clip was not kept, so each channel can answer in its own way (the studio: the matching HTTP status).</summary>
public enum ClipRefusal
{
    /// <summary>No explicit consent to the chosen audience.</summary>
    NoConsent,

    /// <summary>The person is in no team: there is nobody to share with.</summary>
    NoTeam,

    /// <summary>The phrase or practice moment is not theirs to attach to (or is not there).</summary>
    NoSubject,

    NotAudio,

    TooLarge,

    TooLong,
}

/// <summary>A clip kept, or refused with the reason and words for the person.</summary>
public abstract record ClipOutcome
{
    public sealed record Kept(ClipRecord Clip) : ClipOutcome;

    public sealed record Refused(ClipRefusal Reason, string Message) : ClipOutcome;
}
