using System.Text.Json.Nodes;
using RolePlay.Core.Storage;
using RolePlay.Storage.Repositories;
using static RolePlay.Storage.Tests.TestData;

namespace RolePlay.Storage.Tests;

/// <summary>Who a relayed bot message speaks for: the Teams adapter writes it after posting peer feedback and reads it
/// on every reaction to that message.</summary>
public abstract partial class StorageContract
{
    private const string ChannelId = "19:3629591d4b774aa08cb0887902eee7c1@thread.tacv2";

    private protected MessageAuthorStore MessageAuthors => new(Rows);

    [SkippableFact]
    public async Task A_message_author_is_found_by_tenant_conversation_and_message_in_one_read()
    {
        SkipIfUnavailable();
        var ana = Person("ana");
        await MessageAuthors.SaveAsync(new MessageAuthor(Tenant(), ChannelId, "1759881511856", ana, Now.AddDays(90)), Ct);

        var before = RoundTrips;
        Assert.Equal(ana, await MessageAuthors.GetAsync(Tenant(), ChannelId, "1759881511856", Now, Ct));
        Assert.Equal(1, RoundTrips - before);

        Assert.Null(await MessageAuthors.GetAsync(Tenant(), ChannelId, "1759881511857", Now, Ct));
        Assert.Null(await MessageAuthors.GetAsync(Tenant(), "19:other@thread.tacv2", "1759881511856", Now, Ct));
        Assert.Null(await MessageAuthors.GetAsync(Tenant("fabrikam"), ChannelId, "1759881511856", Now, Ct));
    }

    [SkippableFact]
    public async Task A_message_author_expires_unless_kept_and_a_later_save_wins()
    {
        SkipIfUnavailable();
        await MessageAuthors.SaveAsync(new MessageAuthor(Tenant(), ChannelId, "m1", Person("ana"), Now.AddHours(1)), Ct);
        Assert.Equal(Person("ana"), await MessageAuthors.GetAsync(Tenant(), ChannelId, "m1", Now.AddMinutes(59), Ct));
        Assert.Null(await MessageAuthors.GetAsync(Tenant(), ChannelId, "m1", Now.AddHours(1), Ct));

        await MessageAuthors.SaveAsync(new MessageAuthor(Tenant(), ChannelId, "m1", Person("ben"), null), Ct);
        Assert.Equal(Person("ben"), await MessageAuthors.GetAsync(Tenant(), ChannelId, "m1", Now.AddYears(5), Ct));
    }

    [SkippableFact]
    public async Task A_message_author_from_another_tenant_is_refused()
    {
        SkipIfUnavailable();
        var stranger = Person("eve", tenant: "fabrikam");
        await Assert.ThrowsAsync<ArgumentException>(() => MessageAuthors.SaveAsync(new MessageAuthor(Tenant(), ChannelId, "m1", stranger, null), Ct));
        Assert.Null(await MessageAuthors.GetAsync(Tenant(), ChannelId, "m1", Now, Ct));
    }

    [SkippableFact]
    public async Task Export_lists_the_messages_relayed_for_a_person_and_forget_removes_only_theirs()
    {
        SkipIfUnavailable();
        var ana = Person("ana");
        var ben = Person("ben");
        await MessageAuthors.SaveAsync(new MessageAuthor(Tenant(), ChannelId, "relay-ana", ana, null), Ct);
        await MessageAuthors.SaveAsync(new MessageAuthor(Tenant(), ChannelId, "relay-ben", ben, null), Ct);

        var export = JsonNode.Parse(await PersonalData.ExportAsync(ana, Ct))!;
        var relayed = export["mentionedElsewhere"]!.AsArray().Single(m => (string?)m!["table"] == "MessageAuthors")!;
        Assert.Equal("relay-ana", (string?)relayed["row"]!["messageId"]);

        Assert.Equal(2, await PersonalData.ForgetAsync(ana, Ct));

        Assert.Null(await MessageAuthors.GetAsync(Tenant(), ChannelId, "relay-ana", Now, Ct));
        Assert.Equal(ben, await MessageAuthors.GetAsync(Tenant(), ChannelId, "relay-ben", Now, Ct));
    }
}
