using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RolePlay.Core.Routines;
using RolePlay.Core.Storage;

namespace RolePlay.Bot.Tests.Teams;

/// <summary>The whole path of a daily prompt on Teams: a person sets their zone and time in their 1:1 chat, the clock
/// reaches that minute there, the runner runs, and the prompt card reaches the fake connector once; a person who
/// blocked the bot is marked unreachable and not tried again the next day.</summary>
public sealed class TeamsDailyPromptEndToEndTests : TeamsHostTest
{
    private const string PromptMarker = "Pause or stop any time";
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);

    private protected override TimeProvider? Clock => _clock;

    // The test is the minute job: it moves the clock and runs the runner itself.
    protected override string[] Settings => ["--Routines:Enabled=false"];

    private IRoutineRunner Runner => Bot.Services.GetRequiredService<IRoutineRunner>();

    private IPeopleStore People => Bot.Services.GetRequiredService<IPeopleStore>();

    private async Task<(TeamsActivities Person, DateTimeOffset Due)> OptInAsync(string zone)
    {
        var person = new TeamsActivities(Connector.ServiceUrl, "29:" + Guid.NewGuid().ToString("N"));
        await OkAsync(person.Message($"timezone {zone}"));
        await OkAsync(person.Message("days mon-sun"));
        await OkAsync(person.Message("time 09:30"));
        var stored = await People.GetAsync(new PersonKey("teams", TeamsHost.TenantId, person.UserId), CancellationToken.None);
        return (person, stored!.NextPromptUtc!.Value);
    }

    private int Prompts(TeamsActivities person) =>
        new SentActivities(Connector, person.ConversationId).Posts.Count(p => p.Body.Contains(PromptMarker, StringComparison.Ordinal));

    [Fact]
    public async Task The_prompt_arrives_in_the_1_1_chat_at_that_minute_in_the_person_s_zone_once()
    {
        var (person, due) = await OptInAsync("Europe/Berlin");
        Assert.Equal(new TimeOnly(9, 30), TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(due, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")).DateTime));
        var before = Connector.Deliveries.GetValueOrDefault(person.ConversationId);

        _clock.SetUtcNow(due - TimeSpan.FromMinutes(1));
        await Runner.RunDueAsync(_clock.GetUtcNow(), CancellationToken.None);
        Assert.Equal(0, Prompts(person));

        _clock.SetUtcNow(due);
        await Runner.RunDueAsync(_clock.GetUtcNow(), CancellationToken.None);
        await Runner.RunDueAsync(_clock.GetUtcNow(), CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(1));
        await Runner.RunDueAsync(_clock.GetUtcNow(), CancellationToken.None);

        Assert.Equal(1, Prompts(person));
        Assert.Equal(1, Connector.Deliveries[person.ConversationId] - before);
        var card = new SentActivities(Connector, person.ConversationId).Posts.Single(p => p.Body.Contains(PromptMarker, StringComparison.Ordinal));
        Assert.Equal("application/vnd.microsoft.card.adaptive", card.Json!["attachments"]![0]!["contentType"]!.GetValue<string>());
        Assert.Equal(person.UserId, card.Json!["recipient"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_person_who_blocked_the_bot_is_marked_unreachable_and_not_tried_the_next_day()
    {
        var (person, due) = await OptInAsync("America/New_York");
        Connector.BlockedMembers[person.UserId] = true;
        var chat = new SentActivities(Connector, person.ConversationId);
        var replies = Connector.Deliveries.GetValueOrDefault(person.ConversationId);

        _clock.SetUtcNow(due);
        await Runner.RunDueAsync(_clock.GetUtcNow(), CancellationToken.None);
        var attempts = chat.Posts.Count(p => p.Body.Contains(PromptMarker, StringComparison.Ordinal));

        var stored = await People.GetAsync(new PersonKey("teams", TeamsHost.TenantId, person.UserId), CancellationToken.None);
        Assert.Equal(1, attempts);
        Assert.NotNull(stored!.UnreachableSinceUtc);
        Assert.Equal(replies, Connector.Deliveries.GetValueOrDefault(person.ConversationId));

        // The next day, minute by minute around the same time: nothing is tried.
        _clock.SetUtcNow(due + TimeSpan.FromDays(1) - TimeSpan.FromMinutes(2));
        for (var minute = 0; minute < 5; minute++)
        {
            await Runner.RunDueAsync(_clock.GetUtcNow(), CancellationToken.None);
            _clock.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.Equal(attempts, chat.Posts.Count(p => p.Body.Contains(PromptMarker, StringComparison.Ordinal)));
    }
}
