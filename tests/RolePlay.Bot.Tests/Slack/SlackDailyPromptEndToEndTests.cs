using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RolePlay.Core;
using RolePlay.Core.Routines;
using RolePlay.Core.Storage;
using RolePlay.Testing.Slack;

namespace RolePlay.Bot.Tests.Slack;

/// <summary>The whole path of a daily prompt on Slack: a person sets their time with the real signed slash command,
/// Slack's users.info tells their zone, the clock reaches that minute there, the runner runs, and the prompt reaches
/// their DM through chat.postMessage exactly once.</summary>
public sealed class SlackDailyPromptEndToEndTests : IAsyncLifetime
{
    private const string Maria = "UMARIA";
    private const string PromptMarker = "Pause or stop any time";
    private readonly string _dir = Directory.CreateTempSubdirectory("roleplay-slack-prompt-").FullName;
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private FakeSlackApi _api = null!;
    private SlackBotHost _host = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeSlackApi.StartAsync();
        _api.TimeZones[Maria] = "Asia/Tokyo";
        // The test is the minute job: it moves the clock and runs the runner itself.
        _host = await SlackBotHost.StartSingleWorkspaceAsync(_api, _dir, _clock, "--Routines:Enabled=false");
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _api.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    private IRoutineRunner Runner => _host.Services.GetRequiredService<IRoutineRunner>();

    private const string Dm = SlackBotHost.Workspace + "/D" + Maria;

    private int PromptsToMaria => _api.CallsTo("chat.postMessage")
        .Count(c => c.Str("channel") == "D" + Maria && c.Json!["blocks"]?.ToJsonString().Contains(PromptMarker, StringComparison.Ordinal) == true);

    [Fact]
    public async Task Practice_time_set_with_the_slash_command_brings_the_prompt_at_that_minute_in_the_person_s_zone_once()
    {
        Assert.Equal(200, (await _host.CommandAsync(Maria, "time 09:30")).Status);
        await _host.DrainAsync();
        var key = new PersonKey("slack", SlackBotHost.Workspace, Maria);
        var person = await _host.People.GetAsync(key, CancellationToken.None);
        Assert.Equal("Asia/Tokyo", person!.TimeZone);
        var due = person.NextPromptUtc!.Value;
        Assert.Equal(new TimeOnly(9, 30), TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(due, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo")).DateTime));

        var repliesBefore = _api.Deliveries.GetValueOrDefault(Dm);

        // The minute before: nothing yet.
        _clock.SetUtcNow(due - TimeSpan.FromMinutes(1));
        await Runner.RunDueAsync(_clock.GetUtcNow(), CancellationToken.None);
        Assert.Equal(0, PromptsToMaria);

        // That minute, and the job firing again a minute later (or on a second pass of the same minute).
        _clock.SetUtcNow(due);
        await Runner.RunDueAsync(_clock.GetUtcNow(), CancellationToken.None);
        await Runner.RunDueAsync(_clock.GetUtcNow(), CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(1));
        await Runner.RunDueAsync(_clock.GetUtcNow(), CancellationToken.None);

        Assert.Equal(1, PromptsToMaria);
        Assert.Equal(1, _api.Deliveries.GetValueOrDefault(Dm) - repliesBefore);
        Assert.Single(_api.CallsTo("conversations.open"), c => c.Str("users") == Maria);
        var ledger = _host.Services.GetRequiredService<IDeliveryLedger>();
        var localDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(due, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo")).DateTime);
        var entry = await ledger.GetAsync(key.Tenant, Maria, WireName.Of(RoutineKind.DailyPrompt),
            localDay.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), CancellationToken.None);
        Assert.Equal(DeliveryState.Sent, entry!.State);
        Assert.True((await _host.People.GetAsync(key, CancellationToken.None))!.NextPromptUtc > due);
    }
}
