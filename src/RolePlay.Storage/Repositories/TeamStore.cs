using RolePlay.Core.Storage;
using RolePlay.Storage.Rows;

namespace RolePlay.Storage.Repositories;

/// <summary>A tenant's teams share one partition: "team|{id}" rows, "member|{team}|{user}" rows, and "channel|{id}" rows
/// naming the team a channel was connected to.</summary>
internal sealed class TeamStore(IRowStore rows) : ITeamStore
{
    public async Task<TeamRecord?> GetAsync(TenantScope tenant, string teamId, CancellationToken ct)
    {
        var row = await rows.GetAsync(Tables.Teams, RowKeys.Tenant(tenant), TeamRow(teamId), ct).ConfigureAwait(false);
        return row is null ? null : Read(row);
    }

    public async Task<TeamRecord> SaveAsync(TeamRecord team, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(team.TeamId);
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(team.TimeZone, out _))
        {
            throw new ArgumentException($"Team {team.TeamId}: '{team.TimeZone}' is not a known IANA time zone.", nameof(team));
        }

        var body = StorageJson.Write(team with { Version = null });
        var op = team.Version is null ? RowOp.Insert(TeamRow(team.TeamId), body) : RowOp.Replace(TeamRow(team.TeamId), body, team.Version);
        var versions = await rows.SubmitAsync(Tables.Teams, RowKeys.Tenant(team.Tenant), [op], ct).ConfigureAwait(false);
        return team with { Version = versions[0] };
    }

    public async Task<IReadOnlyList<TeamRecord>> ListAsync(TenantScope tenant, CancellationToken ct)
    {
        const string prefix = "team|";
        var found = await rows.RangeAsync(Tables.Teams, RowKeys.Tenant(tenant), prefix, RowKeys.PrefixEnd(prefix), null, ct).ConfigureAwait(false);
        return found.Select(Read).ToArray();
    }

    public async Task AddMemberAsync(TenantScope tenant, string teamId, TeamMember member, CancellationToken ct)
    {
        if (member.Person.Tenant != tenant)
        {
            throw new ArgumentException($"{member.Person} cannot join a team of another tenant ({tenant}).", nameof(member));
        }

        var row = MemberRow(teamId, member.Person);
        await Mentions.RecordAsync(rows, member.Person, new Mention(Tables.Teams, RowKeys.Tenant(tenant), row), ct).ConfigureAwait(false);
        await rows.SubmitAsync(Tables.Teams, RowKeys.Tenant(tenant), [RowOp.Upsert(row, StorageJson.Write(member))], ct).ConfigureAwait(false);
    }

    public Task RemoveMemberAsync(TenantScope tenant, string teamId, PersonKey person, CancellationToken ct) =>
        rows.SubmitAsync(Tables.Teams, RowKeys.Tenant(tenant), [RowOp.Delete(MemberRow(teamId, person))], ct);

    public async Task<IReadOnlyList<TeamMember>> ListMembersAsync(TenantScope tenant, string teamId, CancellationToken ct)
    {
        var prefix = $"member|{RowKeys.Part(teamId)}|";
        var found = await rows.RangeAsync(Tables.Teams, RowKeys.Tenant(tenant), prefix, RowKeys.PrefixEnd(prefix), null, ct).ConfigureAwait(false);
        return found.Select(StorageJson.Read<TeamMember>).ToArray();
    }

    public Task ConnectAsync(TenantScope tenant, string channelTeamId, string teamId, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(teamId);
        return rows.SubmitAsync(Tables.Teams, RowKeys.Tenant(tenant), [RowOp.Insert(ChannelRow(channelTeamId), StorageJson.Write(new Connection(teamId)))], ct);
    }

    public async Task<string?> FindConnectedAsync(TenantScope tenant, string channelTeamId, CancellationToken ct)
    {
        var row = await rows.GetAsync(Tables.Teams, RowKeys.Tenant(tenant), ChannelRow(channelTeamId), ct).ConfigureAwait(false);
        return row is null ? null : StorageJson.Read<Connection>(row).TeamId;
    }

    private sealed record Connection(string TeamId);

    private static string ChannelRow(string channelTeamId) => $"channel|{RowKeys.Part(channelTeamId)}";

    private static TeamRecord Read(StoredRow row) => StorageJson.Read<TeamRecord>(row) with { Version = row.Version };

    private static string TeamRow(string teamId) => $"team|{RowKeys.Part(teamId)}";

    private static string MemberRow(string teamId, PersonKey person) => $"member|{RowKeys.Part(teamId)}|{RowKeys.Part(person.UserId)}";
}
