using System.Globalization;
using System.Security.Cryptography;
using RolePlay.Core.Storage;

namespace RolePlay.Core.Clips;

/// <summary>A team's voice clips: kept only with consent and within the limits (sniffed audio, 3 MiB, 30 s where the
/// container states a duration), heard only by their audience (<see cref="ClipListener.MayHear"/>), removable by their
/// owner at any time. Metadata is written before the audio, so a crash between leaves a clip with no sound (served as
/// not found, and still removed by its owner, by retention and by "forget me") rather than sound nobody can find.</summary>
public sealed class ClipLibrary(IClipStore clips, IClipContent content, IPeopleStore people, IPhraseStore phrases, ISessionStore sessions,
    TimeProvider time)
{
    /// <summary>How far back in the team's library a phrase can be chosen.</summary>
    public const int PhrasesOffered = 20;

    /// <summary>How many finished practices offer their lines.</summary>
    public const int PracticesOffered = 3;

    /// <summary>A team's clips read for a page: the newest, which retention keeps to a few months.</summary>
    public const int ListedPerTeam = 200;

    public async Task<ClipOutcome> KeepAsync(PersonKey owner, ClipSubject subject, ClipAudience audience, bool consented, ReadOnlyMemory<byte> audio,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(subject);
        if (!consented)
        {
            return new ClipOutcome.Refused(ClipRefusal.NoConsent, "Say who may hear the clip and agree to share it with them first.");
        }

        if (audio.Length > ClipLimits.MaxBytes)
        {
            return TooLarge();
        }

        if (AudioSniffer.Sniff(audio.Span, out var notAudio) is not { } sniffed)
        {
            return new ClipOutcome.Refused(ClipRefusal.NotAudio, notAudio!);
        }

        if (sniffed.Seconds > ClipLimits.MaxSeconds + ClipLimits.SecondsTolerance)
        {
            return new ClipOutcome.Refused(ClipRefusal.TooLong,
                $"The clip is {sniffed.Seconds:0} seconds long; a clip may be at most {ClipLimits.MaxSeconds}.");
        }

        if (await people.GetAsync(owner, ct).ConfigureAwait(false) is not { TeamId: { } teamId })
        {
            return new ClipOutcome.Refused(ClipRefusal.NoTeam, "Join a team first: a clip is shared with your team or its managers.");
        }

        if (await TranscriptAsync(owner, teamId, subject, ct).ConfigureAwait(false) is not { } transcript)
        {
            return new ClipOutcome.Refused(ClipRefusal.NoSubject, "That phrase or practice moment is not one you can attach a clip to.");
        }

        var now = time.GetUtcNow();
        var clip = new ClipRecord(owner.Tenant, teamId, NewId(now), owner, audience, subject, transcript, sniffed.ContentType, audio.Length,
            sniffed.Seconds is { } s ? Math.Round(s, 1) : null, now);
        await clips.AddAsync(clip, ct).ConfigureAwait(false);
        await content.SaveAsync(clip.Content, audio, ct).ConfigureAwait(false);
        return new ClipOutcome.Kept(clip);
    }

    public static ClipOutcome.Refused TooLarge() => new(ClipRefusal.TooLarge,
        $"The clip is larger than {ClipLimits.MaxBytes / (1024 * 1024)} MiB; a clip is at most {ClipLimits.MaxSeconds} seconds.");

    /// <summary>What the person can attach a clip to: their team's newest phrases and their lines in their last
    /// finished (not stopped) practices.</summary>
    public async Task<IReadOnlyList<ClipChoice>> ChoicesAsync(PersonKey person, CancellationToken ct)
    {
        var choices = new List<ClipChoice>();
        if (await people.GetAsync(person, ct).ConfigureAwait(false) is { TeamId: { } teamId })
        {
            choices.AddRange((await phrases.ListAsync(person.Tenant, teamId, PhrasesOffered, ct).ConfigureAwait(false))
                .Select(p => new ClipChoice(new ClipSubject(ClipSubjectKind.Phrase, p.PhraseId), p.Text, p.AtUtc)));
        }

        foreach (var session in (await sessions.ListEndedAsync(person, PracticesOffered * 2, ct).ConfigureAwait(false))
                     .Where(s => s.Outcome != "stopped").Take(PracticesOffered))
        {
            var turns = await sessions.GetTurnsAsync(person, session.SessionId, ct).ConfigureAwait(false);
            choices.AddRange(turns.Where(t => t.Speaker == TurnSpeakers.Agent)
                .Select(t => new ClipChoice(new ClipSubject(ClipSubjectKind.Moment, MomentId(session.SessionId, t.Index)), t.Text, t.AtUtc)));
        }

        return choices;
    }

    /// <summary>The team's clips this listener may hear, newest first; none for someone outside the team.</summary>
    public async Task<IReadOnlyList<ClipRecord>> ListAsync(ClipListener listener, string teamId, CancellationToken ct)
    {
        if (!listener.MayListTeam(teamId))
        {
            return [];
        }

        return (await clips.ListAsync(listener.Tenant, teamId, ListedPerTeam, ct).ConfigureAwait(false)).Where(listener.MayHear).ToArray();
    }

    public Task<IReadOnlyList<ClipRecord>> ListOwnAsync(PersonKey owner, CancellationToken ct) => clips.ListOwnAsync(owner, ct);

    /// <summary>The clip and a seekable stream over its audio, or null: not there, no sound, or not for this listener.</summary>
    public async Task<(ClipRecord Clip, Stream Audio)?> OpenAsync(ClipListener listener, string teamId, string clipId, CancellationToken ct)
    {
        if (!IsId(clipId) || await clips.GetAsync(listener.Tenant, teamId, clipId, ct).ConfigureAwait(false) is not { } clip || !listener.MayHear(clip))
        {
            return null;
        }

        return await content.OpenAsync(clip.Content, ct).ConfigureAwait(false) is { } audio ? (clip, audio) : null;
    }

    /// <summary>The owner removes their clip: the audio, then the metadata. False: not theirs, or not there.</summary>
    public async Task<bool> RemoveAsync(PersonKey owner, string teamId, string clipId, CancellationToken ct)
    {
        if (!IsId(clipId) || await clips.GetAsync(owner.Tenant, teamId, clipId, ct).ConfigureAwait(false) is not { } clip || clip.Owner != owner)
        {
            return false;
        }

        await DeleteAsync(clip, ct).ConfigureAwait(false);
        return true;
    }

    /// <summary>The audio first: until the metadata is gone, a retry still finds the clip.</summary>
    public async Task DeleteAsync(ClipRecord clip, CancellationToken ct)
    {
        await content.DeleteAsync(clip.Content, ct).ConfigureAwait(false);
        await clips.RemoveAsync(clip, ct).ConfigureAwait(false);
    }

    public static string MomentId(string sessionId, int turnIndex) => $"{sessionId}/{turnIndex.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Clip ids start with the inverted creation time, so the store lists a team's clips newest first by key.</summary>
    public static string NewId(DateTimeOffset nowUtc) =>
        (DateTimeOffset.MaxValue.UtcTicks - nowUtc.UtcTicks).ToString("D19", CultureInfo.InvariantCulture) + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));

    public static bool IsId(string clipId) => clipId.Length == 31 && clipId.All(char.IsAsciiHexDigitLower);

    private async Task<string?> TranscriptAsync(PersonKey owner, string teamId, ClipSubject subject, CancellationToken ct)
    {
        if (subject.Kind == ClipSubjectKind.Phrase)
        {
            var library = await phrases.ListAsync(owner.Tenant, teamId, PhrasesOffered, ct).ConfigureAwait(false);
            return library.FirstOrDefault(p => p.PhraseId == subject.Id)?.Text;
        }

        var parts = subject.Id.Split('/');
        if (parts.Length != 2 || parts[0].Length is 0 or > 64 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            || await sessions.GetAsync(owner, parts[0], ct).ConfigureAwait(false) is not { IsLive: false } session || session.Outcome == "stopped")
        {
            return null;
        }

        var turns = await sessions.GetTurnsAsync(owner, session.SessionId, ct).ConfigureAwait(false);
        return turns.FirstOrDefault(t => t.Index == index && t.Speaker == TurnSpeakers.Agent)?.Text;
    }
}
