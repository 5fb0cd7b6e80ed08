using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using RolePlay.Core.Chat;
using RolePlay.Core.Storage;
using RolePlay.Slack.Inbound;

namespace RolePlay.Slack.Tests;

/// <summary>The adapter's memory of whom a bot message speaks for, over the in-memory store a host without storage uses:
/// a reaction names the workspace, the channel and the message's ts, and is credited to the author.</summary>
public sealed class SlackRelayedAuthorsTests
{
    private const string Workspace = "T1";
    private const string Channel = "C0FLOOR";
    private static readonly ChannelUser Ana = new("slack", Workspace, "UANA", "Ana");
    private static readonly ChannelUser Mia = new("slack", Workspace, "UMIA", "Mia");
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-11-25T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private readonly CountingAuthorStore _store = new(new InMemoryMessageAuthorStore());
    private readonly SlackRelayedAuthors _authors;

    public SlackRelayedAuthorsTests() => _authors = Authors(_store);

    [Fact]
    public async Task A_reaction_added_or_removed_on_a_remembered_message_is_credited_to_its_author()
    {
        await _authors.RememberAsync(Workspace, Channel, "1700000000.000100", Ana, CancellationToken.None);

        var added = await _authors.CreditAsync(Reaction(Workspace, Channel, "1700000000.000100"), CancellationToken.None);
        var removed = await _authors.CreditAsync(Reaction(Workspace, Channel, "1700000000.000100", added: false), CancellationToken.None);

        Assert.Equal([(Ana.UserId, true), (Ana.UserId, false)],
            new[] { added, removed }.Cast<ReactionChanged>().Select(r => (r.MessageAuthorId, r.Added)));
    }

    [Fact]
    public async Task Another_workspace_another_channel_or_another_message_credits_nobody()
    {
        await _authors.RememberAsync(Workspace, Channel, "1700000000.000100", Ana, CancellationToken.None);

        Assert.Null(Author(await _authors.CreditAsync(Reaction("T2", Channel, "1700000000.000100"), CancellationToken.None)));
        Assert.Null(Author(await _authors.CreditAsync(Reaction(Workspace, "C0OTHER", "1700000000.000100"), CancellationToken.None)));
        Assert.Null(Author(await _authors.CreditAsync(Reaction(Workspace, Channel, "1700000000.000200"), CancellationToken.None)));
    }

    [Fact]
    public async Task The_memory_lasts_the_retention_and_no_longer()
    {
        await _authors.RememberAsync(Workspace, Channel, "1700000000.000100", Ana, CancellationToken.None);

        _time.Advance(TimeSpan.FromDays(90) - TimeSpan.FromSeconds(1));
        Assert.Equal(Ana.UserId, Author(await _authors.CreditAsync(Reaction(Workspace, Channel, "1700000000.000100"), CancellationToken.None)));

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(Author(await _authors.CreditAsync(Reaction(Workspace, Channel, "1700000000.000100"), CancellationToken.None)));
    }

    [Fact]
    public async Task Other_events_and_reactions_whose_author_slack_named_pass_through_without_a_read()
    {
        await _authors.RememberAsync(Workspace, Channel, "1700000000.000100", Ana, CancellationToken.None);
        IncomingEvent message = new MessageReceived(Mia, Address(Workspace, Channel), _time.GetUtcNow(), "feedback hi", "1700000000.000100");
        IncomingEvent named = Reaction(Workspace, Channel, "1700000000.000100") with { MessageAuthorId = "UBEN" };

        Assert.Same(message, await _authors.CreditAsync(message, CancellationToken.None));
        Assert.Same(named, await _authors.CreditAsync(named, CancellationToken.None));
        Assert.Equal((1, 0), (_store.Saves, _store.Reads));
    }

    [Fact]
    public async Task A_store_that_cannot_remember_costs_only_the_credit()
    {
        var authors = Authors(new UnavailableAuthorStore());

        await authors.RememberAsync(Workspace, Channel, "1700000000.000100", Ana, CancellationToken.None);
    }

    private SlackRelayedAuthors Authors(IMessageAuthorStore store) =>
        new(store, Options.Create(new SlackOptions { RelayedAuthorRetention = TimeSpan.FromDays(90) }), _time, NullLogger<SlackRelayedAuthors>.Instance);

    private ReactionChanged Reaction(string workspace, string channel, string ts, bool added = true) =>
        new(Mia with { TenantId = workspace }, Address(workspace, channel), _time.GetUtcNow(), ts, "clap", added);

    private static ConversationAddress Address(string workspace, string channel) =>
        new("slack", workspace, channel, ConversationKind.Channel, TeamId: workspace);

    private static string? Author(IncomingEvent incoming) => Assert.IsType<ReactionChanged>(incoming).MessageAuthorId;

    private sealed class UnavailableAuthorStore : IMessageAuthorStore
    {
        public Task SaveAsync(MessageAuthor author, CancellationToken ct) =>
            throw new StorageUnavailableException("MessageAuthors", "connection refused", new IOException("refused"));

        public Task<PersonKey?> GetAsync(TenantScope tenant, string conversationId, string messageId, DateTimeOffset nowUtc, CancellationToken ct) =>
            throw new StorageUnavailableException("MessageAuthors", "connection refused", new IOException("refused"));
    }
}

/// <summary>An author store that counts its writes and reads, so a test can show what costs a round trip.</summary>
public sealed class CountingAuthorStore(IMessageAuthorStore inner) : IMessageAuthorStore
{
    private int _saves;
    private int _reads;

    public int Saves => Volatile.Read(ref _saves);

    public int Reads => Volatile.Read(ref _reads);

    public Task SaveAsync(MessageAuthor author, CancellationToken ct)
    {
        Interlocked.Increment(ref _saves);
        return inner.SaveAsync(author, ct);
    }

    public Task<PersonKey?> GetAsync(TenantScope tenant, string conversationId, string messageId, DateTimeOffset nowUtc, CancellationToken ct)
    {
        Interlocked.Increment(ref _reads);
        return inner.GetAsync(tenant, conversationId, messageId, nowUtc, ct);
    }
}
