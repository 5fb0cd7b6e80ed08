using System.Text.Json.Nodes;
using RolePlay.Core.Chat;
using RolePlay.Core.Storage;
using RolePlay.Storage.Repositories;
using static RolePlay.Storage.Tests.TestData;

namespace RolePlay.Storage.Tests;

/// <summary>Peer coaching: a learner's review requests and the reviews peers give, by week, forgotten with either person.</summary>
public abstract partial class StorageContract
{
    private protected PeerReviewStore PeerReviews => new(Rows);

    private static ReviewRequest NewRequest(TenantScope tenant, string team, PersonKey learner, PersonKey? reviewer, DateTimeOffset at) =>
        new(tenant, team, "req-" + Guid.NewGuid().ToString("N"), learner, "Ana", "s1", "Late parcel", "core", ReviewSource.Shared, reviewer,
            new Dictionary<string, ChecklistAnswer?> { ["named-the-feeling"] = ChecklistAnswer.Yes, ["limit-without-blame"] = null }, at);

    private static PeerReview NewReview(ReviewRequest request, PersonKey reviewer, DateTimeOffset at) =>
        new(request.Tenant, request.TeamId, request.RequestId + "-" + reviewer.UserId, request.RequestId, request.Learner, reviewer, "Ben",
            request.Source, request.ChecklistId,
            new Dictionary<string, ChecklistAnswer> { ["named-the-feeling"] = ChecklistAnswer.Partly, ["limit-without-blame"] = ChecklistAnswer.No },
            request.Engine, "You said sorry for the wait first.", null, at);

    [SkippableFact]
    public async Task A_request_round_trips_and_a_withdrawal_replaces_it()
    {
        SkipIfUnavailable();
        var tenant = Tenant();
        var team = "team-" + Guid.NewGuid().ToString("N");
        var request = NewRequest(tenant, team, Person("ana-" + team), null, Now) with
        {
            Channel = new ConversationAddress("teams", tenant.TenantId, "19:general", ConversationKind.Channel, TeamId: "19:team"),
        };

        await PeerReviews.SaveRequestAsync(request, Ct);
        var read = await PeerReviews.GetRequestAsync(tenant, team, request.RequestId, Ct);
        Assert.Equal(request.Channel, read!.Channel);
        Assert.Equal(request.Engine, read.Engine);
        Assert.Null(read.Engine["limit-without-blame"]);
        Assert.False(read.Withdrawn);

        await PeerReviews.SaveRequestAsync(read with { Withdrawn = true }, Ct);
        Assert.True((await PeerReviews.GetRequestAsync(tenant, team, request.RequestId, Ct))!.Withdrawn);
        Assert.Null(await PeerReviews.GetRequestAsync(tenant, "other-team", request.RequestId, Ct));
        Assert.Null(await PeerReviews.GetRequestAsync(Tenant("elsewhere"), team, request.RequestId, Ct));
    }

    [SkippableFact]
    public async Task A_reviewer_reviews_a_request_once_and_reviews_are_read_by_week()
    {
        SkipIfUnavailable();
        var tenant = Tenant();
        var team = "team-" + Guid.NewGuid().ToString("N");
        var monday = new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
        var request = NewRequest(tenant, team, Person("ana-" + team), null, monday);
        await PeerReviews.SaveRequestAsync(request, Ct);
        var lastWeek = NewReview(request, Person("cara-" + team), monday.AddDays(-2));
        var thisWeek = NewReview(request, Person("ben-" + team), monday.AddDays(3));

        Assert.True(await PeerReviews.AddReviewAsync(lastWeek, Ct));
        Assert.True(await PeerReviews.AddReviewAsync(thisWeek, Ct));
        Assert.False(await PeerReviews.AddReviewAsync(thisWeek with { Landed = "Again, changed" }, Ct));

        var read = await PeerReviews.GetReviewAsync(tenant, team, thisWeek.ReviewId, DateOnly.FromDateTime(monday.UtcDateTime), Ct);
        Assert.Equal("You said sorry for the wait first.", read!.Landed);
        Assert.Equal(ChecklistAnswer.Partly, read.Answers["named-the-feeling"]);
        Assert.Null(await PeerReviews.GetReviewAsync(tenant, team, thisWeek.ReviewId, DateOnly.FromDateTime(monday.AddDays(-7).UtcDateTime), Ct));
        Assert.Equal([thisWeek.ReviewId], (await PeerReviews.ListSinceAsync(tenant, team, DateOnly.FromDateTime(monday.UtcDateTime), Ct)).Select(r => r.ReviewId));
        Assert.Equal([lastWeek.ReviewId, thisWeek.ReviewId],
            (await PeerReviews.ListSinceAsync(tenant, team, DateOnly.FromDateTime(monday.AddDays(-20).UtcDateTime), Ct)).Select(r => r.ReviewId));
        Assert.Empty(await PeerReviews.ListSinceAsync(Tenant("elsewhere"), team, DateOnly.MinValue, Ct));

        await PeerReviews.MarkHelpfulAsync(read, monday.AddDays(4), Ct);
        await PeerReviews.MarkHelpfulAsync(read, monday.AddDays(5), Ct);
        var marked = await PeerReviews.GetReviewAsync(tenant, team, thisWeek.ReviewId, DateOnly.FromDateTime(monday.UtcDateTime), Ct);
        Assert.Equal(monday.AddDays(4), marked!.HelpfulUtc);
        await Assert.ThrowsAsync<ArgumentException>(() => PeerReviews.AddReviewAsync(thisWeek with { ReviewId = "x", Reviewer = Person("zed", "elsewhere") }, Ct));
    }

    [SkippableFact]
    public async Task Forgetting_the_reviewer_or_the_learner_removes_their_reviews_and_requests()
    {
        SkipIfUnavailable();
        var tenant = Tenant();
        var team = "team-" + Guid.NewGuid().ToString("N");
        var ana = Person("ana-" + team);
        var ben = Person("ben-" + team);
        var cara = Person("cara-" + team);
        var request = NewRequest(tenant, team, ana, null, Now);
        var asked = NewRequest(tenant, team, cara, ben, Now);
        await PeerReviews.SaveRequestAsync(request, Ct);
        await PeerReviews.SaveRequestAsync(asked, Ct);
        await PeerReviews.AddReviewAsync(NewReview(request, ben, Now), Ct);
        await PeerReviews.AddReviewAsync(NewReview(request, cara, Now), Ct);

        var export = JsonNode.Parse(await PersonalData.ExportAsync(ben, Ct))!;
        var mentioned = export["mentionedElsewhere"]!.AsArray().Where(m => (string?)m!["table"] == "PeerReviews").ToList();
        Assert.Equal(2, mentioned.Count); // the review ben gave, and the request that asked him

        await PersonalData.ForgetAsync(ben, Ct);
        Assert.Equal([cara], (await PeerReviews.ListSinceAsync(tenant, team, DateOnly.MinValue, Ct)).Select(r => r.Reviewer));
        Assert.Null(await PeerReviews.GetRequestAsync(tenant, team, asked.RequestId, Ct));

        await PersonalData.ForgetAsync(ana, Ct);
        Assert.Empty(await PeerReviews.ListSinceAsync(tenant, team, DateOnly.MinValue, Ct));
        Assert.Null(await PeerReviews.GetRequestAsync(tenant, team, request.RequestId, Ct));
    }
}
