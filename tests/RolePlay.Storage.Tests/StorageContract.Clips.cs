using RolePlay.Core.Clips;
using RolePlay.Core.Storage;
using RolePlay.Storage.Repositories;
using static RolePlay.Storage.Tests.TestData;

namespace RolePlay.Storage.Tests;

/// <summary>Voice clips: their metadata in the table store and their audio in the clip content store (files beside
/// SQLite, blobs beside Azure Tables), the same on both.</summary>
public abstract partial class StorageContract
{
    private IClipContent? _clipContent;

    private protected IClipContent ClipContent => _clipContent ??= CreateClipContent();

    private protected ClipStore Clips => new(Rows);

    private protected abstract IClipContent CreateClipContent();

    private static ClipRecord NewClip(PersonKey owner, string teamId, DateTimeOffset at, ClipAudience audience = ClipAudience.Team) =>
        new(owner.Tenant, teamId, ClipLibrary.NewId(at), owner, audience, new ClipSubject(ClipSubjectKind.Phrase, "p1"), "That sounds stressful",
            "audio/webm", 1234, 4.2, at);

    [SkippableFact]
    public async Task Clips_list_newest_first_within_their_team_and_tenant_and_by_age_for_retention()
    {
        SkipIfUnavailable();
        var tenant = Tenant("clips-" + Guid.NewGuid().ToString("N"));
        var ana = new PersonKey(tenant, "ana");
        var t0 = new DateTimeOffset(2026, 9, 1, 8, 0, 0, TimeSpan.Zero);
        var old = NewClip(ana, "support", t0);
        var middle = NewClip(ana, "support", t0.AddDays(30), ClipAudience.Managers);
        var fresh = NewClip(ana, "support", t0.AddDays(60));
        foreach (var clip in new[] { middle, old, fresh })
        {
            await Clips.AddAsync(clip, Ct);
        }

        await Clips.AddAsync(NewClip(ana, "sales", t0), Ct);
        var otherTenant = Tenant("clips-" + Guid.NewGuid().ToString("N"));
        await Clips.AddAsync(NewClip(new PersonKey(otherTenant, "ana"), "support", t0), Ct);

        Assert.Equal([fresh.ClipId, middle.ClipId, old.ClipId], (await Clips.ListAsync(tenant, "support", 10, Ct)).Select(c => c.ClipId));
        Assert.Equal([fresh.ClipId], (await Clips.ListAsync(tenant, "support", 1, Ct)).Select(c => c.ClipId));
        Assert.Equal(middle, await Clips.GetAsync(tenant, "support", middle.ClipId, Ct));
        Assert.Null(await Clips.GetAsync(otherTenant, "support", middle.ClipId, Ct));
        Assert.Null(await Clips.GetAsync(tenant, "sales", middle.ClipId, Ct));
        Assert.Equal([middle.ClipId, old.ClipId], (await Clips.ListOlderAsync(tenant, "support", t0.AddDays(45), 10, Ct)).Select(c => c.ClipId));
        Assert.Empty(await Clips.ListOlderAsync(tenant, "support", t0.AddSeconds(-1), 10, Ct));
        Assert.Equal(4, (await Clips.ListOwnAsync(ana, Ct)).Count);

        await Clips.RemoveAsync(middle, Ct);
        await Clips.RemoveAsync(middle, Ct); // again: already gone is fine
        Assert.Null(await Clips.GetAsync(tenant, "support", middle.ClipId, Ct));
        Assert.Equal(3, (await Clips.ListOwnAsync(ana, Ct)).Count);
    }

    [SkippableFact]
    public async Task Clip_audio_is_kept_per_tenant_read_with_seeking_and_deleted()
    {
        SkipIfUnavailable();
        var audio = Enumerable.Range(0, 70_000).Select(i => (byte)(i * 7)).ToArray();
        var ours = new ClipContentKey(Tenant("clips-" + Guid.NewGuid().ToString("N")), "support", ClipLibrary.NewId(DateTimeOffset.UtcNow));
        var theirs = ours with { Tenant = Tenant("clips-" + Guid.NewGuid().ToString("N")) };
        Assert.Null(await ClipContent.OpenAsync(ours, Ct));

        await ClipContent.SaveAsync(ours, audio, Ct);

        await using (var stream = await ClipContent.OpenAsync(ours, Ct))
        {
            Assert.NotNull(stream);
            Assert.True(stream.CanSeek);
            Assert.Equal(audio.Length, stream.Length);
            stream.Position = 65_000; // what a range request does
            var tail = new byte[100];
            await stream.ReadExactlyAsync(tail, Ct);
            Assert.Equal(audio[65_000..65_100], tail);
        }

        Assert.Null(await ClipContent.OpenAsync(theirs, Ct));
        Assert.Null(await ClipContent.OpenAsync(ours with { TeamId = "sales" }, Ct));
        await ClipContent.DeleteAsync(ours, Ct);
        await ClipContent.DeleteAsync(ours, Ct); // again: already gone is fine
        Assert.Null(await ClipContent.OpenAsync(ours, Ct));
    }

    [SkippableFact]
    public async Task Forgetting_the_owner_removes_their_clips_and_the_audio_but_not_a_colleagues()
    {
        SkipIfUnavailable();
        var tenant = Tenant("clips-" + Guid.NewGuid().ToString("N"));
        var ana = new PersonKey(tenant, "ana");
        var ben = new PersonKey(tenant, "ben");
        await People.SaveAsync(NewPerson(ana), Ct);
        await People.SaveAsync(NewPerson(ben), Ct);
        var hers = NewClip(ana, "support", DateTimeOffset.UtcNow);
        var his = NewClip(ben, "support", DateTimeOffset.UtcNow.AddSeconds(1));
        foreach (var clip in new[] { hers, his })
        {
            await Clips.AddAsync(clip, Ct);
            await ClipContent.SaveAsync(clip.Content, "OggS-pretend-audio"u8.ToArray(), Ct);
        }

        Assert.Contains(hers.ClipId, await PersonalData.ExportAsync(ana, Ct), StringComparison.Ordinal);
        await PersonalData.ForgetAsync(ana, Ct);

        Assert.Null(await Clips.GetAsync(tenant, "support", hers.ClipId, Ct));
        Assert.Null(await ClipContent.OpenAsync(hers.Content, Ct));
        Assert.Equal([his.ClipId], (await Clips.ListAsync(tenant, "support", 10, Ct)).Select(c => c.ClipId));
        await using var kept = await ClipContent.OpenAsync(his.Content, Ct);
        Assert.NotNull(kept);
    }
}
