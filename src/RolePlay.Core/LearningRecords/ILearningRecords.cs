using RolePlay.Core.Practice;
using RolePlay.Core.Storage;

namespace RolePlay.Core.LearningRecords;

/// <summary>What the practice tells a team's learning record store, once each is stored: a practice started and
/// scored, the debrief's commitment, a check-in on it, recognitions and their withdrawal, peer reviews and their helpful
/// marks. An implementation only keeps
/// what it will send (it never calls out to the LRS in the turn), and being told the same thing again changes nothing,
/// so a caller whose work was cut off after its own write may simply tell it again.</summary>
public interface ILearningRecords
{
    /// <summary>A role-play has started (its header stored).</summary>
    Task PracticeStartedAsync(PersonRecord person, SessionRecord session, CancellationToken ct);

    /// <summary>An ended, scored session: <paramref name="session"/> is its stored header (scenario, persona, start and
    /// end), <paramref name="report"/> its rubric with evidence and its success criteria.</summary>
    Task PracticeScoredAsync(PersonRecord person, SessionRecord session, PracticeReport report, CancellationToken ct);

    Task CommitmentMadeAsync(PersonRecord person, CommitmentRecord commitment, CancellationToken ct);

    /// <summary>A check-in on <paramref name="commitment"/>, by its maker or their buddy (<see cref="CheckInRecord.By"/>).</summary>
    Task CheckedInAsync(CheckInRecord checkIn, CommitmentRecord commitment, CancellationToken ct);

    /// <summary>A manager's recognition of a post, or anyone's empathy win on it.</summary>
    Task RecognizedAsync(RecognitionRecord recognition, CancellationToken ct);

    /// <summary>The reaction was taken back at <paramref name="atUtc"/>: what it recorded is withdrawn.</summary>
    Task RecognitionWithdrawnAsync(RecognitionRecord recognition, DateTimeOffset atUtc, CancellationToken ct);

    /// <summary>A peer's checklist on a practice of <paramref name="request"/>'s, just stored.</summary>
    Task PeerReviewedAsync(PeerReview review, ReviewRequest request, CancellationToken ct);

    /// <summary>The learner found the review helpful (<see cref="PeerReview.HelpfulUtc"/>).</summary>
    Task ReviewFoundHelpfulAsync(PeerReview review, CancellationToken ct);
}

/// <summary>The default: no team sends learning records.</summary>
public sealed class NoLearningRecords : ILearningRecords
{
    public Task PracticeStartedAsync(PersonRecord person, SessionRecord session, CancellationToken ct) => Task.CompletedTask;

    public Task PracticeScoredAsync(PersonRecord person, SessionRecord session, PracticeReport report, CancellationToken ct) => Task.CompletedTask;

    public Task CommitmentMadeAsync(PersonRecord person, CommitmentRecord commitment, CancellationToken ct) => Task.CompletedTask;

    public Task CheckedInAsync(CheckInRecord checkIn, CommitmentRecord commitment, CancellationToken ct) => Task.CompletedTask;

    public Task RecognizedAsync(RecognitionRecord recognition, CancellationToken ct) => Task.CompletedTask;

    public Task RecognitionWithdrawnAsync(RecognitionRecord recognition, DateTimeOffset atUtc, CancellationToken ct) => Task.CompletedTask;

    public Task PeerReviewedAsync(PeerReview review, ReviewRequest request, CancellationToken ct) => Task.CompletedTask;

    public Task ReviewFoundHelpfulAsync(PeerReview review, CancellationToken ct) => Task.CompletedTask;
}
