using RolePlay.Core.Content;
using RolePlay.Core.Insights;
using RolePlay.Core.Storage;

namespace RolePlay.Core.PeerCoaching;

/// <summary>Peer coaching on the team dashboard, for those who may see the team: per week how many reviews were given,
/// by how many teammates, to how many learners, and how many the learners found helpful; and over the same weeks, per
/// checklist behaviour, how often the peer and the rubric agreed (and which way they differed) — a calibration view for
/// coaches. Counts only: no one is named, so nobody can be ranked; a team below the dashboard's minimum size shows none.</summary>
public sealed class PeerCoachingDashboard(IPeerReviewStore reviews, ITeamStore teams, ContentCatalog catalog, DashboardOptions options, TimeProvider time)
{
    /// <summary>A quarter: enough reviews for calibration to mean something, few enough rows for one range read.</summary>
    public const int Weeks = 12;

    public async Task<PeerCoachingView?> TeamAsync(DashboardViewer viewer, string teamId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (!viewer.CanSeeTeam(teamId) || await teams.GetAsync(viewer.Tenant, teamId, ct).ConfigureAwait(false) is null)
        {
            return null;
        }

        var weeks = IsoWeek.Ending(time.GetUtcNow(), Weeks);
        var members = (await teams.ListMembersAsync(viewer.Tenant, teamId, ct).ConfigureAwait(false)).Count;
        if (members < options.MinTeamSize)
        {
            return new PeerCoachingView(teamId, $"Peer coaching figures appear from {options.MinTeamSize} members, so that no one's reviews can be read off a team total.",
                weeks, [], []);
        }

        var given = await reviews.ListSinceAsync(viewer.Tenant, teamId, IsoWeek.Monday(weeks[0]), ct).ConfigureAwait(false);
        var byWeek = given.ToLookup(r => IsoWeek.Of(r.AtUtc));
        var perWeek = weeks.Select(w => byWeek[w].ToList()).Select((list, i) => new PeerCoachingWeek(weeks[i], list.Count,
            list.Select(r => r.Reviewer).Distinct().Count(), list.Select(r => r.Learner).Distinct().Count(), list.Count(r => r.Helpful))).ToArray();
        return new PeerCoachingView(teamId, null, weeks, perWeek, Calibrate(given));
    }

    /// <summary>Every behaviour the reviews answered where the engine had an answer too, in the shipped checklist's order
    /// first; a peer's "yes" against the rubric's "partly" is the peer seeing more.</summary>
    private List<BehaviourCalibration> Calibrate(IReadOnlyList<PeerReview> given)
    {
        var texts = catalog.Checklists.Values.OrderBy(c => c.Id == PeerChecklist.Shipped ? 0 : 1)
            .SelectMany(c => c.Behaviours).GroupBy(b => b.Id).ToDictionary(g => g.Key, g => g.First().Text, StringComparer.Ordinal);
        var order = texts.Keys.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i, StringComparer.Ordinal);
        var pairs = given.SelectMany(r => r.Answers
                .Where(a => r.Engine.GetValueOrDefault(a.Key) is not null)
                .Select(a => (Behaviour: a.Key, Peer: a.Value, Engine: r.Engine[a.Key]!.Value)))
            .GroupBy(p => p.Behaviour);
        return pairs.Select(g => new BehaviourCalibration(g.Key, texts.GetValueOrDefault(g.Key, g.Key), g.Count(),
                g.Count(p => p.Peer == p.Engine), g.Count(p => p.Peer > p.Engine), g.Count(p => p.Peer < p.Engine)))
            .OrderBy(c => order.GetValueOrDefault(c.BehaviourId, int.MaxValue))
            .ToList();
    }
}

/// <summary>One week's peer coaching, as counts.</summary>
public sealed record PeerCoachingWeek(string Week, int Reviews, int Reviewers, int LearnersReviewed, int Helpful);

/// <summary>How often peers and the rubric agreed on one behaviour: <see cref="Compared"/> answers where both had one,
/// <see cref="Agreed"/> the same, <see cref="PeerHigher"/> the peer saw more, <see cref="PeerLower"/> less.</summary>
public sealed record BehaviourCalibration(string BehaviourId, string Text, int Compared, int Agreed, int PeerHigher, int PeerLower);

/// <summary>The dashboard's peer coaching section. <see cref="HiddenReason"/> set: below the minimum team size, no figures.</summary>
public sealed record PeerCoachingView(
    string TeamId,
    string? HiddenReason,
    IReadOnlyList<string> Weeks,
    IReadOnlyList<PeerCoachingWeek> PerWeek,
    IReadOnlyList<BehaviourCalibration> Calibration);
