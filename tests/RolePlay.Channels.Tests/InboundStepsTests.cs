using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using RolePlay.Channels.Inbound;
using RolePlay.Core.Storage;

namespace RolePlay.Channels.Tests;

/// <summary>The inbound steps both channels share: the dedupe claim and a stop reported by its step's name.</summary>
public sealed class InboundStepsTests
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(10);
    private static readonly InboundEventKey Key = InboundEventKey.For(new TenantScope("slack", "T1"), "Ev1");

    private readonly InMemoryInboundDedupe _dedupe = new();
    private readonly DedupeStep _step;

    public InboundStepsTests() => _step = new DedupeStep(_dedupe, TimeProvider.System);

    [Fact]
    public async Task A_processed_event_keeps_its_claim_so_a_redelivery_is_dropped_at_Dedupe()
    {
        var runs = 0;

        var first = await _step.ProcessOnceAsync(Key, Window, _ => Task.FromResult(++runs), CancellationToken.None);
        var again = await _step.ProcessOnceAsync(Key, Window, _ => Task.FromResult(++runs), CancellationToken.None);

        Assert.Null(first);
        Assert.Equal(InboundStep.Dedupe, again!.Step);
        Assert.Equal(1, runs);
    }

    [Fact]
    public async Task Routing_that_throws_releases_the_claim_so_the_platforms_retry_is_processed()
    {
        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            _step.ProcessOnceAsync(Key, Window, _ => throw new InvalidOperationException("router down"), CancellationToken.None));
        var retried = false;

        var retry = await _step.ProcessOnceAsync(Key, Window, _ => Task.FromResult(retried = true), CancellationToken.None);

        Assert.Equal("router down", thrown.Message);
        Assert.Null(retry);
        Assert.True(retried);
    }

    [Fact]
    public async Task The_claim_is_released_even_when_the_request_was_cancelled()
    {
        using var cancelled = new CancellationTokenSource();
        await Assert.ThrowsAsync<OperationCanceledException>(() => _step.ProcessOnceAsync(Key, Window, async ct =>
        {
            await cancelled.CancelAsync();
            ct.ThrowIfCancellationRequested();
        }, cancelled.Token));

        Assert.True(await _dedupe.TryClaimAsync(Key, DateTimeOffset.UtcNow, Window, CancellationToken.None));
    }

    [Fact]
    public async Task An_event_without_an_id_is_processed_every_time()
    {
        var runs = 0;

        await _step.ProcessOnceAsync(null, Window, _ => Task.FromResult(++runs), CancellationToken.None);
        await _step.ProcessOnceAsync(null, Window, _ => Task.FromResult(++runs), CancellationToken.None);

        Assert.Equal(2, runs);
    }

    [Fact]
    public void A_stop_is_logged_with_the_channel_the_step_name_and_the_reason_at_its_level()
    {
        var logger = new ListLogger();

        new InboundStop(InboundStep.Allow, "tenant t9 is not in Teams:AllowedTenants").Log(logger, "teams");
        InboundStop.Dropped(InboundStep.Dedupe, "already accepted").Log(logger, "slack");
        InboundStop.Ignored(InboundStep.Translate, "view_closed interactions are not handled").Log(logger, "slack");

        Assert.Equal(
        [
            (LogLevel.Warning, "teams request stopped at Allow: tenant t9 is not in Teams:AllowedTenants"),
            (LogLevel.Information, "slack request stopped at Dedupe: already accepted"),
            (LogLevel.Debug, "slack request stopped at Translate: view_closed interactions are not handled"),
        ], logger.Entries);
    }

    private sealed class ListLogger : ILogger
    {
        public ConcurrentQueue<(LogLevel, string)> Entries { get; } = new();

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Enqueue((logLevel, formatter(state, exception)));
    }
}
