using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using RolePlay.Bot.Channels;
using RolePlay.Channels;
using RolePlay.Core.Chat;
using RolePlay.Core.Settings;
using RolePlay.Core.Storage;

namespace RolePlay.Bot.Tests.Channels;

/// <summary>The host's one unreachable seam for Teams and Slack, on real SQLite storage in a temp file.</summary>
public sealed class StoredUnreachableRecipientsTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(Now);
    private SqliteServices _storage = null!;

    private IPeopleStore People => _storage.Services.GetRequiredService<IPeopleStore>();

    public async Task InitializeAsync() =>
        _storage = await SqliteServices.StartAsync("unreachable", services => services.AddSingleton<TimeProvider>(_clock));

    public async Task DisposeAsync() => await _storage.DisposeAsync();

    [Theory]
    [InlineData("teams", "29:blocked")]
    [InlineData("slack", "UGONE")]
    public async Task A_stored_person_is_marked_unreachable_and_taken_out_of_the_due_prompts(string platform, string userId)
    {
        var key = await StoreOptedInAsync(platform, userId);

        await Seam(People).MarkAsync(new UnreachableRecipient(platform, "T1", userId, "gone"), CancellationToken.None);

        var person = await People.GetAsync(key, CancellationToken.None);
        Assert.Equal(Now, person!.UnreachableSinceUtc);
        Assert.Null(person.NextPromptUtc);
        Assert.Equal(ConsentState.OptedIn, person.Consent);
    }

    [Fact]
    public async Task The_first_refusal_is_the_date_kept()
    {
        var key = await StoreOptedInAsync("slack", "UGONE");
        await Seam(People).MarkAsync(new UnreachableRecipient("slack", "T1", "UGONE", "user_not_found"), CancellationToken.None);
        _clock.Advance(TimeSpan.FromDays(2));

        await Seam(People).MarkAsync(new UnreachableRecipient("slack", "T1", "UGONE", "account_inactive"), CancellationToken.None);

        Assert.Equal(Now, (await People.GetAsync(key, CancellationToken.None))!.UnreachableSinceUtc);
    }

    [Fact]
    public async Task A_person_the_bot_never_stored_is_not_created()
    {
        await Seam(People).MarkAsync(new UnreachableRecipient("slack", "T1", "UNEVER", "user_not_found"), CancellationToken.None);

        Assert.Null(await People.GetAsync(new PersonKey("slack", "T1", "UNEVER"), CancellationToken.None));
    }

    [Fact]
    public async Task A_settings_save_that_crosses_the_mark_is_kept_and_the_mark_is_applied_again()
    {
        var key = await StoreOptedInAsync("teams", "29:blocked");
        var racing = new SaveCrossedOnce(People, key, _clock);

        await Seam(racing).MarkAsync(new UnreachableRecipient("teams", "T1", "29:blocked", "Thread is blocked"), CancellationToken.None);

        var person = await People.GetAsync(key, CancellationToken.None);
        Assert.Equal(1, racing.Conflicts);
        Assert.Equal(new TimeOnly(7, 15), person!.DailyPromptTime);
        Assert.Equal(Now, person.UnreachableSinceUtc);
    }

    private StoredUnreachableRecipients Seam(IPeopleStore people) =>
        new(new Reachability(people, _clock), NullLogger<StoredUnreachableRecipients>.Instance);

    private async Task<PersonKey> StoreOptedInAsync(string platform, string userId)
    {
        var person = PersonSettings.OptIn(PersonSettings.NewPerson(new ChannelUser(platform, "T1", userId), "Europe/London"), Now);
        Assert.NotNull((await People.SaveAsync(person, CancellationToken.None)).NextPromptUtc);
        return person.Key;
    }

    /// <summary>The real store, except that just before the first save of <paramref name="key"/> the person changes
    /// their prompt time through the store, as a message handled on another host would; that save then meets SQLite's
    /// version check.</summary>
    private sealed class SaveCrossedOnce(IPeopleStore inner, PersonKey key, TimeProvider clock) : IPeopleStore
    {
        public int Conflicts { get; private set; }

        public async Task<PersonRecord> SaveAsync(PersonRecord person, CancellationToken ct)
        {
            if (person.Key == key && Conflicts == 0)
            {
                var current = (await inner.GetAsync(key, ct).ConfigureAwait(false))!;
                await inner.SaveAsync(PersonSettings.WithPromptTime(current, new TimeOnly(7, 15), clock.GetUtcNow()), ct).ConfigureAwait(false);
                try
                {
                    return await inner.SaveAsync(person, ct).ConfigureAwait(false);
                }
                catch (ConcurrencyConflictException)
                {
                    Conflicts++;
                    throw;
                }
            }

            return await inner.SaveAsync(person, ct).ConfigureAwait(false);
        }

        public Task<PersonRecord?> GetAsync(PersonKey key, CancellationToken ct) => inner.GetAsync(key, ct);

        public Task<PersonWithLiveSession> GetWithLiveSessionAsync(PersonKey key, CancellationToken ct) => inner.GetWithLiveSessionAsync(key, ct);

        public Task<IReadOnlyList<PersonKey>> ListDueAsync(TenantScope tenant, DateTimeOffset minuteUtc, CancellationToken ct) =>
            inner.ListDueAsync(tenant, minuteUtc, ct);

        public Task<IReadOnlyList<PersonKey>> ListShiftEndsDueAsync(TenantScope tenant, DateTimeOffset minuteUtc, CancellationToken ct) =>
            inner.ListShiftEndsDueAsync(tenant, minuteUtc, ct);

        public Task<IReadOnlyList<TenantScope>> ListTenantsAsync(CancellationToken ct) => inner.ListTenantsAsync(ct);
    }
}
