using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using RolePlay.Core.Chat;
using RolePlay.Core.Storage;
using RolePlay.Teams;
using RolePlay.Teams.Inbound;

namespace RolePlay.Teams.Tests;

/// <summary>The adapter's memory of whom a relayed message speaks for, over the in-memory store a host without storage
/// uses: a reaction arrives naming the channel (not the thread) and the message, and is credited to the author.</summary>
public sealed class RelayedAuthorsTests
{
    private const string Tenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    private const string Channel = "19:floor@thread.tacv2";
    private static readonly ChannelUser Ana = new("teams", Tenant, "29:ana", "Ana");
    private static readonly ChannelUser Mia = new("teams", Tenant, "29:mia", "Mia");
    private static readonly ConversationAddress InChannel = new("teams", Tenant, Channel, ConversationKind.Channel, TeamId: "19:team@thread.tacv2");
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-11-25T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private readonly RelayedAuthors _authors;

    public RelayedAuthorsTests() =>
        _authors = new RelayedAuthors(new InMemoryMessageAuthorStore(), Options.Create(new TeamsOptions { RelayedAuthorRetention = TimeSpan.FromDays(90) }), _time);

    [Fact]
    public async Task A_reaction_in_the_channel_is_credited_to_the_author_of_a_message_relayed_in_its_thread()
    {
        await _authors.RememberAsync(Tenant, Channel + ";messageid=1759881511856", "1759881599999", Ana, CancellationToken.None);

        var credited = await _authors.CreditAsync(Tenant, [Reaction("1759881599999", "heart"), Reaction("1759881599999", "like", added: false)], CancellationToken.None);

        Assert.All(credited, e => Assert.Equal(Ana.UserId, Assert.IsType<ReactionChanged>(e).MessageAuthorId));
        Assert.Equal([true, false], credited.Cast<ReactionChanged>().Select(r => r.Added));
    }

    [Fact]
    public async Task Unknown_messages_other_tenants_and_expired_memories_credit_nobody()
    {
        await _authors.RememberAsync(Tenant, Channel, "relay-1", Ana, CancellationToken.None);

        Assert.Null(Single(await _authors.CreditAsync(Tenant, [Reaction("relay-2", "heart")], CancellationToken.None)).MessageAuthorId);
        Assert.Null(Single(await _authors.CreditAsync("another-tenant", [Reaction("relay-1", "heart")], CancellationToken.None)).MessageAuthorId);

        _time.Advance(TimeSpan.FromDays(90));
        Assert.Null(Single(await _authors.CreditAsync(Tenant, [Reaction("relay-1", "heart")], CancellationToken.None)).MessageAuthorId);
    }

    [Fact]
    public async Task Other_events_and_reactions_whose_author_is_known_pass_through_untouched()
    {
        await _authors.RememberAsync(Tenant, Channel, "relay-1", Ana, CancellationToken.None);
        IncomingEvent message = new MessageReceived(Mia, InChannel, _time.GetUtcNow(), "feedback hi", "relay-1");
        var known = Reaction("relay-1", "heart") with { MessageAuthorId = "29:ben" };
        IReadOnlyList<IncomingEvent> events = [message, known];

        Assert.Same(events, await _authors.CreditAsync(Tenant, events, CancellationToken.None));
    }

    private ReactionChanged Reaction(string messageId, string type, bool added = true) =>
        new(Mia, InChannel, _time.GetUtcNow(), messageId, type, added);

    private static ReactionChanged Single(IReadOnlyList<IncomingEvent> events) => Assert.IsType<ReactionChanged>(Assert.Single(events));
}
