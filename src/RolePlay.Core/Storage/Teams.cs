namespace RolePlay.Core.Storage;

/// <summary>How often a team's buddies are paired.</summary>
public enum PairingCadence { Weekly, Fortnightly, Off }

/// <summary>
/// A team and its set-up. The routine settings are trailing and optional so rows stored before they existed read as
/// the defaults: <see cref="WorkingDays"/> null = Monday–Friday (standups); pairing weekly on
/// <see cref="PairingDay"/> at <see cref="PairingTime"/> (null = 10:00); the celebration on
/// <see cref="CelebrationDay"/> (null = off) at <see cref="CelebrationTime"/> (null = 16:00). All in the team's zone.
/// <see cref="Voice"/> is whose words the customer speaks (the rule voice unless a manager chose the model), through
/// <see cref="VoiceEndpoint"/> when the team requires an endpoint of its own. <see cref="Checklist"/> is the peer
/// coaching checklist its reviews use (null: the shipped one). <see cref="ClipRetentionDays"/> is how long its
/// members' voice clips are kept (90 days unless a manager set another). <see cref="CueLanguage"/> is the language its
/// cue strips print in (null: the cards' own, English).
/// </summary>
public sealed record TeamRecord(
    TenantScope Tenant,
    string TeamId,
    string Name,
    string? StandupChannelId,
    TimeOnly? StandupTime,
    string TimeZone,
    IReadOnlyList<string> ServiceValues,
    string EmpathyWinEmoji,
    string RecognitionEmoji,
    string? Version = null,
    IReadOnlyList<DayOfWeek>? WorkingDays = null,
    PairingCadence Pairing = PairingCadence.Weekly,
    DayOfWeek PairingDay = DayOfWeek.Monday,
    TimeOnly? PairingTime = null,
    DayOfWeek? CelebrationDay = DayOfWeek.Friday,
    TimeOnly? CelebrationTime = null,
    VoiceKind Voice = VoiceKind.Rule,
    string? VoiceEndpoint = null,
    string? Checklist = null,
    int ClipRetentionDays = 90,
    string? CueLanguage = null);

public sealed record TeamMember(PersonKey Person, DateTimeOffset JoinedUtc);

public interface ITeamStore
{
    Task<TeamRecord?> GetAsync(TenantScope tenant, string teamId, CancellationToken ct);

    Task<TeamRecord> SaveAsync(TeamRecord team, CancellationToken ct);

    Task<IReadOnlyList<TeamRecord>> ListAsync(TenantScope tenant, CancellationToken ct);

    /// <summary>Adds (or re-adds) a member; the person must be in the team's tenant.</summary>
    Task AddMemberAsync(TenantScope tenant, string teamId, TeamMember member, CancellationToken ct);

    Task RemoveMemberAsync(TenantScope tenant, string teamId, PersonKey person, CancellationToken ct);

    Task<IReadOnlyList<TeamMember>> ListMembersAsync(TenantScope tenant, string teamId, CancellationToken ct);

    /// <summary>Points a channel's own team id (a Teams team, a Slack channel) at a team set up elsewhere (on the
    /// studio's Team page), once: a second connection of the same channel is a <see cref="ConcurrencyConflictException"/>.
    /// </summary>
    Task ConnectAsync(TenantScope tenant, string channelTeamId, string teamId, CancellationToken ct);

    /// <summary>The team a channel's own team id was connected to, or null.</summary>
    Task<string?> FindConnectedAsync(TenantScope tenant, string channelTeamId, CancellationToken ct);
}

/// <summary>A team's practice captain for the week that starts on <see cref="WeekMonday"/> (the team's local Monday).</summary>
public sealed record CaptainRecord(TenantScope Tenant, string TeamId, DateOnly WeekMonday, PersonKey Captain, DateTimeOffset ChosenUtc);

public interface ICaptainStore
{
    /// <summary>Conditional insert of the week's captain: returns the stored record, which is another host's choice
    /// when it chose first.</summary>
    Task<CaptainRecord> ClaimAsync(CaptainRecord captain, CancellationToken ct);

    /// <summary>The most recent captain chosen before the week of <paramref name="beforeMonday"/>, or null.</summary>
    Task<CaptainRecord?> GetPreviousAsync(TenantScope tenant, string teamId, DateOnly beforeMonday, CancellationToken ct);
}
