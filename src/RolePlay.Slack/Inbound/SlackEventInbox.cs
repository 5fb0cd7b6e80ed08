using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RolePlay.Channels;
using RolePlay.Channels.Inbound;
using RolePlay.Core.Chat;
using RolePlay.Core.Storage;
using RolePlay.Core.Telemetry;
using RolePlay.Slack.Inbound.Payloads;
using RolePlay.Slack.Installs;

namespace RolePlay.Slack.Inbound;

/// <summary>Slack events and block actions through the durable inbox (<see cref="IInbox"/>): each is stored before Slack gets its 200,
/// worked on in its person's lane, and removed once its replies are sent, so a crash or a restart between the ack and
/// the answer loses nothing: whatever is left is taken up again by this or another instance when its lease runs out
/// (<see cref="ResumeAsync"/>). A store that cannot take the entry gets Slack a 503, and Slack retries.</summary>
/// <remarks>At least once, not exactly once. The router's answer is recorded on the entry before it is sent, so an
/// entry taken up again after a crash sends that same answer again (messages that went out before the crash are
/// repeated) instead of routing the event a second time, which would meet the state the first attempt stored: a
/// "start" would be read as the agent's reply in the scene it had just started. Only a crash between the router's
/// write and the answer's routes the event again. The lease keeps two live instances off one entry (see
/// docs/ARCHITECTURE.md, Slack).</remarks>
public sealed class SlackEventInbox(
    IInbox inbox,
    SlackDispatcher dispatcher,
    DedupeStep dedupe,
    ISlackInstallStore installs,
    IOptions<SlackOptions> options,
    TimeProvider time,
    ILogger<SlackEventInbox> logger)
{
    /// <summary>After this many attempts an entry is given up (logged as an error): its event fails every time.</summary>
    public const int MaxAttempts = 5;

    private static readonly KeyValuePair<string, object?> PlatformTag = new("roleplay.platform", SlackInbound.Platform.Id);

    private readonly ConcurrentDictionary<InboundEventKey, HeldInboxEntry> _working = new();
    private readonly string _owner = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    private TimeSpan Lease => options.Value.InboxLease;

    /// <summary>Entries this instance holds and has not finished (being worked on, or waiting for their replies).</summary>
    public int Working => _working.Count;

    /// <summary>Stores the event, then queues it: 200 once it is stored and queued (or already stored: Slack's retry of an
    /// event not finished yet), 503 when the store is down or the lane is full, so Slack retries it later.</summary>
    public Task<SlackAck> AcceptAsync(SlackEventCallback callback, string tenant, string payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return AcceptAsync(new Work(Describe(callback), (held, ct) => HandleEventAsync(held, callback, ct)), tenant, callback.EventId,
            SlackDispatcher.OrderKey(tenant, callback.Event.User), payload, cancellationToken);
    }

    /// <summary>Stores a block action (by its trigger_id, already claimed against replays), then queues it: Slack never
    /// retries one, so after a crash only the inbox still knows it was clicked. 503 when the store or the lane cannot
    /// take it: the person sees the click fail and can click again.</summary>
    public Task<SlackAck> AcceptAsync(SlackBlockActions actions, SlackRouted routed, string tenant, string payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actions);
        ArgumentNullException.ThrowIfNull(routed);
        var trigger = actions.TriggerId ?? throw new ArgumentException("A block action without a trigger_id cannot be stored.", nameof(actions));
        return AcceptAsync(new Work(Describe(actions), (held, ct) => AnswerAsync(held, routed, ct)), tenant, trigger,
            SlackDispatcher.OrderKey(tenant, routed.Target.UserId), payload, cancellationToken);
    }

    /// <summary>Stores a slash command or a view submission (by its trigger_id, already claimed against replays), queues
    /// it, and waits up to the <paramref name="ack"/> window for the router: in time, the ack carries its part of the
    /// answer and the lane sends the rest; too late, the ack is the interim one and the lane sends the whole answer to
    /// the late target. What the lane still has to send is recorded first: Slack never sends these again, so after a
    /// crash only the inbox knows, and the next instance sends it (to the late target: the trigger has expired).</summary>
    public async Task<SlackAck> AcceptAnsweringAsync(SlackRouted routed, SlackAckWindow ack, string tenant, string? triggerId, StoredRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(routed);
        ArgumentNullException.ThrowIfNull(ack);
        ArgumentNullException.ThrowIfNull(request);
        var handoff = new SlackAnswerHandoff();
        var work = new Work(request.Description, async (held, ct) =>
        {
            RouterResult result;
            try
            {
                result = await dispatcher.RouteAsync(Delivered(held, routed), ct);
            }
            catch
            {
                handoff.TryHandOver(null);
                throw;
            }

            var quick = ack.Answer(result);
            var (target, left) = handoff.TryHandOver(quick.Ack) ? (routed.Target, quick.Rest ?? RouterResult.Nothing) : (ack.LateTarget, result);
            return await dispatcher.RespondAsync(routed with { Target = target }, await RecordAsync(held, left, ct), ct);
        });
        // Without a trigger_id (Slack always sends one) nothing can claim it against replays; it is stored all the same.
        var accepted = await AcceptAsync(work, tenant, triggerId ?? "untriggered " + Guid.NewGuid().ToString("N"),
            SlackDispatcher.OrderKey(tenant, routed.Target.UserId), request.Payload, cancellationToken);
        return accepted != SlackAck.Ok ? accepted : await handoff.WaitAsync(ack.Window, time, cancellationToken) ?? ack.Interim;
    }

    private async Task<SlackAck> AcceptAsync(Work work, string tenant, string id, string? orderKey, string payload, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var entry = new InboxEntry(InboundEventKey.For(new TenantScope(SlackInbound.Platform, tenant), id), orderKey, payload, now, _owner, now + Lease);
        InboxEntry? added;
        try
        {
            added = await inbox.TryAddAsync(entry, cancellationToken);
        }
        catch (StorageUnavailableException e)
        {
            logger.LogWarning("Slack {Work} not accepted: {Problem}", work.Description, e.Message);
            return SlackAckPolicy.StoreUnavailable;
        }

        if (added is null)
        {
            InboundStop.Dropped(InboundStep.Dedupe, "already in the inbox").Log(logger, SlackInbound.Platform);
            return SlackAck.Ok;
        }

        if (TryRun(added, work))
        {
            return SlackAck.Ok;
        }

        // Not taken: Slack's retry will be a fresh accept.
        await inbox.CompleteAsync(entry.Key, CancellationToken.None);
        return SlackAckPolicy.Busy;
    }

    /// <summary>Takes up every entry whose lease ran out (its owner crashed, stopped or gave it back), oldest first, as far
    /// as the lanes have room. Returns how many.</summary>
    public async Task<int> ResumeAsync(CancellationToken cancellationToken)
    {
        var resumed = 0;
        var now = time.GetUtcNow();
        foreach (var entry in await inbox.ListAsync(SlackInbound.Platform, cancellationToken))
        {
            if (!entry.IsFree(now) || _working.ContainsKey(entry.Key))
            {
                continue;
            }

            if (await inbox.TryUpdateAsync(entry with { Owner = _owner, LeaseUntilUtc = now + Lease, Attempts = entry.Attempts + 1 }, cancellationToken)
                is not { } leased)
            {
                continue; // another instance took it first
            }

            if (ReadWork(leased) is not { } work)
            {
                logger.LogError("Slack inbox entry {Key} holds no readable event_callback or block action; removed", leased.Key);
                await inbox.CompleteAsync(leased.Key, cancellationToken);
                continue;
            }

            bool running;
            using (InboundScope.Begin(logger, SlackInbound.Platform, leased.Key.Tenant.TenantId, leased.Key.EventId))
            {
                running = TryRun(leased, work); // the work runs in the scope it is queued in, as on its request
            }

            if (!running)
            {
                await inbox.TryUpdateAsync(leased with { LeaseUntilUtc = now, Attempts = leased.Attempts - 1 }, CancellationToken.None);
                break; // the lanes are full: the rest waits for the next round
            }

            resumed++;
        }

        return resumed;
    }

    /// <summary>Renews the leases of the entries still being worked on that are past half their lease.</summary>
    public async Task RenewAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var (key, held) in _working)
        {
            if (held.Entry.LeaseUntilUtc - now > Lease / 2)
            {
                continue;
            }

            if (!await held.TryUpdateAsync(inbox, e => e with { LeaseUntilUtc = now + Lease }, cancellationToken) && _working.ContainsKey(key))
            {
                logger.LogWarning("Slack inbox entry {Key}: lease lost while its work is still running; another instance may repeat it", key);
            }
        }
    }

    private bool TryRun(InboxEntry entry, Work work)
    {
        var held = new HeldInboxEntry(entry);
        _working[entry.Key] = held;
        if (dispatcher.TryEnqueue(work.Description, entry.OrderKey, ct => RunAsync(held, work, ct)))
        {
            RolePlayTelemetry.InboxDepth.Add(1, PlatformTag);
            return true;
        }

        _working.TryRemove(entry.Key, out _);
        return false;
    }

    /// <summary>In the lane: the work, then the entry is removed once its replies are sent (or given back if it failed).</summary>
    private async Task RunAsync(HeldInboxEntry held, Work work, CancellationToken cancellationToken)
    {
        var key = held.Entry.Key;
        SlackDelivery delivery;
        try
        {
            delivery = await work.RunAsync(held, cancellationToken);
        }
        catch
        {
            await FailedAsync(key);
            throw;
        }

        _ = CompleteWhenSentAsync(key, delivery);
    }

    private async Task CompleteWhenSentAsync(InboundEventKey key, SlackDelivery delivery)
    {
        try
        {
            await delivery.Settled;
        }
#pragma warning disable CA1031 // Abandoned at shutdown or failed: the entry is given back, to be taken up again.
        catch (Exception e)
#pragma warning restore CA1031
        {
            logger.LogWarning(e, "Slack inbox entry {Key}: replies not all sent; given back", key);
            await FailedAsync(key);
            return;
        }

        try
        {
            await inbox.CompleteAsync(key, CancellationToken.None);
        }
#pragma warning disable CA1031 // The lease runs out and another attempt finds the event claimed; it only costs a repeat.
        catch (Exception e)
#pragma warning restore CA1031
        {
            logger.LogWarning(e, "Slack inbox entry {Key} done but not removed", key);
        }
        finally
        {
            Forget(key);
        }
    }

    /// <summary>Gives the entry back with a growing delay, or gives it up after <see cref="MaxAttempts"/>.</summary>
    private async Task FailedAsync(InboundEventKey key)
    {
        if (!_working.TryGetValue(key, out var held))
        {
            return;
        }

        var entry = held.Entry;
        try
        {
            if (entry.Attempts + 1 >= MaxAttempts)
            {
                logger.LogError("Slack inbox entry {Key} given up after {Attempts} attempts", key, entry.Attempts + 1);
                await inbox.CompleteAsync(key, CancellationToken.None);
            }
            else
            {
                await inbox.TryUpdateAsync(entry with { LeaseUntilUtc = time.GetUtcNow() + TimeSpan.FromSeconds(5 << entry.Attempts) }, CancellationToken.None);
            }
        }
#pragma warning disable CA1031 // The store is down too: the lease runs out on its own and the entry is taken up then.
        catch (Exception e)
#pragma warning restore CA1031
        {
            logger.LogWarning(e, "Slack inbox entry {Key} could not be given back; it is taken up when its lease ends", key);
        }
        finally
        {
            Forget(key);
        }
    }

    private void Forget(InboundEventKey key)
    {
        if (_working.TryRemove(key, out _))
        {
            RolePlayTelemetry.InboxDepth.Add(-1, PlatformTag);
        }
    }

    /// <summary>A first attempt goes through the dedupe claim, which drops Slack's retry of an event already finished and
    /// removed; a later attempt is this event's own earlier one, cut off, so it is worked on regardless.</summary>
    private async Task<SlackDelivery> HandleEventAsync(HeldInboxEntry held, SlackEventCallback callback, CancellationToken cancellationToken)
    {
        if (held.Entry.Attempts > 0)
        {
            await dedupe.IsFirstAsync(held.Entry.Key, SlackInbound.DedupeWindow, cancellationToken);
            return await TranslateAndRouteAsync(callback, held, cancellationToken);
        }

        var delivery = SlackDelivery.None;
        (await dedupe.ProcessOnceAsync(held.Entry.Key, SlackInbound.DedupeWindow, async lane => delivery = await TranslateAndRouteAsync(callback, held, lane),
            cancellationToken))?.Log(logger, SlackInbound.Platform);
        return delivery;
    }

    /// <summary>The bot's user id comes from the envelope, else from the install.</summary>
    private async Task<SlackDelivery> TranslateAndRouteAsync(SlackEventCallback callback, HeldInboxEntry held, CancellationToken cancellationToken)
    {
        var tenant = held.Entry.Key.Tenant.TenantId;
        var botUserId = callback.BotUserId ?? (await installs.FindAsync(tenant, cancellationToken))?.BotUserId;
        switch (SlackTranslator.Translate(callback, new SlackContext(botUserId, time.GetUtcNow())))
        {
            case SlackRouted routed:
                return await AnswerAsync(held, routed, cancellationToken);
            case SlackTokensGone gone:
                var removed = await installs.RemoveAsync(tenant, cancellationToken);
                logger.LogInformation("Slack {Event} for {Tenant}: tokens purged ({Removed})", gone.EventType, tenant, removed);
                return SlackDelivery.None;
            case SlackInvalid invalid:
                new InboundStop(InboundStep.Translate, invalid.Problem).Log(logger, SlackInbound.Platform);
                return SlackDelivery.None;
            case var other:
                InboundStop.Ignored(InboundStep.Translate, other is SlackIgnored ignored ? ignored.Reason : other.ToString()).Log(logger, SlackInbound.Platform);
                return SlackDelivery.None;
        }
    }

    /// <summary>An answer recorded by an earlier attempt is sent as it was; otherwise the router's answer is recorded, then
    /// sent. The router learns the entry's id, and whether an earlier attempt was cut off before recording its answer:
    /// what that attempt stored may already hold the event.</summary>
    private async Task<SlackDelivery> AnswerAsync(HeldInboxEntry held, SlackRouted routed, CancellationToken cancellationToken)
    {
        var answer = held.Entry.Answer is { } recorded
            ? RouterResultJson.Read(recorded)
            : await RecordAsync(held, await dispatcher.RouteAsync(Delivered(held, routed), cancellationToken), cancellationToken);
        return await dispatcher.RespondAsync(routed, answer, cancellationToken);
    }

    private static SlackRouted Delivered(HeldInboxEntry held, SlackRouted routed) =>
        routed with { Event = routed.Event with { Delivery = new EventDelivery(held.Entry.Key.EventId, held.Entry.Attempts > 0) } };

    /// <summary>Records the answer on the entry. Not recorded (the store failed, or the lease was lost), it is sent all
    /// the same: it is this event's answer, and a later attempt can only route the event again.</summary>
    private async Task<RouterResult> RecordAsync(HeldInboxEntry held, RouterResult answer, CancellationToken cancellationToken)
    {
        try
        {
            if (!await held.TryUpdateAsync(inbox, e => e with { Answer = RouterResultJson.Write(answer) }, cancellationToken))
            {
                logger.LogWarning("Slack inbox entry {Key}: lease lost before its answer was recorded; another instance may answer it again", held.Entry.Key);
            }
        }
        catch (StorageUnavailableException e)
        {
            logger.LogWarning("Slack inbox entry {Key}: answer not recorded ({Problem}); sent all the same", held.Entry.Key, e.Message);
        }

        return answer;
    }

    /// <summary>The work an entry holds: an event_callback, or a block action, view submission or slash command translated
    /// as on its request (its trigger, from the time it was accepted, has long expired: a form is posted rather than
    /// opened). Null for anything else.</summary>
    private Work? ReadWork(InboxEntry entry)
    {
        try
        {
            using var payload = JsonDocument.Parse(entry.Payload);
            var root = payload.RootElement;
            if (SlackEventCallback.TryRead(root, out var callback, out _))
            {
                return new Work(Describe(callback), (held, ct) => HandleEventAsync(held, callback, ct));
            }

            if (StoredRequest.ReadCommand(root) is { } fields)
            {
                // The command's trigger has expired: a form is posted, not opened.
                return SlackSlashCommand.TryRead(fields, out var command, out _)
                    && SlackTranslator.Translate(command, new SlackContext(null, entry.AcceptedUtc)) is SlackRouted late
                    ? new Work($"command {command.Command} by {command.UserId}", (held, ct) => AnswerAsync(held, late with { Target = late.Target with { TriggerId = null } }, ct))
                    : null;
            }

            return SlackInteraction.TryRead(root, out var interaction, out _) && interaction is SlackBlockActions or SlackViewSubmission
                && SlackTranslator.Translate(interaction, new SlackContext(null, entry.AcceptedUtc)) is SlackRouted routed
                ? new Work($"{interaction.Type} by {routed.Target.UserId}", (held, ct) => AnswerAsync(held, routed, ct))
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Describe(SlackEventCallback callback) => $"event {callback.EventId} ({callback.Event.GetType().Name})";

    private static string Describe(SlackBlockActions actions) => $"block action by {actions.User.Id}";

    /// <summary>What an entry's lane work does, named for the logs.</summary>
    private sealed record Work(string Description, Func<HeldInboxEntry, CancellationToken, Task<SlackDelivery>> RunAsync);
}
