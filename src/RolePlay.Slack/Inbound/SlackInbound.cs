using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RolePlay.Channels.Inbound;
using RolePlay.Core;
using RolePlay.Core.Storage;
using RolePlay.Core.TeamSetup;
using RolePlay.Slack.Inbound.Payloads;

namespace RolePlay.Slack.Inbound;

/// <summary>The verified-request half of Slack's inbound path, shared by HTTP and Socket Mode, in the steps of
/// <see cref="InboundStep"/>: read → resolve tenant → allow, then the person's lane (<see cref="SlackDispatcher"/>).
/// Events are stored in the durable inbox and acknowledged, then dedupe → translate → route → respond in the lane
/// (<see cref="SlackEventInbox"/>). Interactions and commands are translated here (pure, so a payload the bot ignores is
/// acknowledged before the allow check, as Slack expects); a block action is then stored in the inbox too (Slack never
/// retries it), while view submissions and commands wait for their lane up to the answer window, because their answer
/// belongs in the ack.</summary>
public sealed class SlackInbound(
    SlackDispatcher dispatcher,
    SlackEventInbox events,
    DedupeStep dedupe,
    SlackWorkspaceGuard guard,
    IOptions<SlackOptions> options,
    TimeProvider time,
    ILogger<SlackInbound> logger)
{
    public static readonly Platform Platform = new("slack");

    private const int MaxIdLength = 64;

    /// <summary>A new team's reactions, as Slack names emoji.</summary>
    public static readonly ReactionDefaults DefaultReactions = new(Platform, EmpathyWin: "sparkles", Recognition: "clap");

    /// <summary>Slack's last retry comes about five minutes after the first attempt; keep claims well past it.</summary>
    public static readonly TimeSpan DedupeWindow = TimeSpan.FromHours(1);

    /// <summary>A signed request is accepted up to <see cref="SlackSignatureVerifier.MaxClockSkew"/> either side of now,
    /// so a trigger is remembered for both sides of that window.</summary>
    public static readonly TimeSpan ReplayWindow = SlackSignatureVerifier.MaxClockSkew * 2;

    /// <summary>How long a view submission waits for the router before closing the modal and answering later.</summary>
    public static readonly TimeSpan ViewSubmissionWindow = TimeSpan.FromMilliseconds(2500);

    public async Task<SlackAck> HandleEventAsync(JsonElement root, CancellationToken cancellationToken)
    {
        if (!SlackEventCallback.IsEventCallback(root))
        {
            return SlackAck.Ok;
        }

        if (!SlackEventCallback.TryRead(root, out var callback, out var problem))
        {
            return Refuse(InboundStep.Read, problem);
        }

        if (callback.Tenant is not { } tenant)
        {
            return Refuse(InboundStep.ResolveTenant, "event_callback needs team_id or enterprise_id");
        }

        if (NotAnId(("team", tenant), ("event.user", callback.Event.User)) is { } badId)
        {
            return Refuse(InboundStep.Read, badId);
        }

        using var scope = InboundScope.Begin(logger, Platform, tenant, callback.EventId);
        if (!await guard.AllowsAsync(tenant, cancellationToken))
        {
            return SlackAckPolicy.WorkspaceRefused;
        }

        return await events.AcceptAsync(callback, tenant, root.GetRawText(), cancellationToken);
    }

    public async Task<SlackAck> HandleInteractionAsync(JsonElement payload, CancellationToken cancellationToken)
    {
        if (!SlackInteraction.TryRead(payload, out var interaction, out var problem))
        {
            return Refuse(InboundStep.Read, problem);
        }

        if (interaction.Tenant is not { } tenant)
        {
            return Refuse(InboundStep.ResolveTenant, "interaction payload needs team or enterprise");
        }

        if (NotAnId(("team", tenant), ("user.id", interaction.User.Id)) is { } badId)
        {
            return Refuse(InboundStep.Read, badId);
        }

        var translation = SlackTranslator.Translate(interaction, new SlackContext(null, time.GetUtcNow()));
        if (translation is not SlackRouted routed)
        {
            return Unrouted(translation);
        }

        using var scope = InboundScope.Begin(logger, Platform, tenant, interaction.TriggerId);
        if (!await guard.AllowsAsync(tenant, cancellationToken))
        {
            return SlackAckPolicy.WorkspaceRefused;
        }

        if (await IsReplayAsync(tenant, interaction.TriggerId, cancellationToken))
        {
            return SlackAck.Ok;
        }

        var description = $"{interaction.Type} by {routed.Target.UserId}";
        if (interaction is SlackViewSubmission)
        {
            return await events.AcceptAnsweringAsync(routed, new SlackAckWindow(ViewSubmissionWindow, SlackAckPolicy.ViewAnswer, routed.Target, SlackAck.Ok),
                tenant, interaction.TriggerId, new StoredRequest(description, payload.GetRawText()), cancellationToken);
        }

        if (interaction is SlackBlockActions { TriggerId: not null } actions)
        {
            return await events.AcceptAsync(actions, routed, tenant, payload.GetRawText(), cancellationToken);
        }

        return dispatcher.TryRouteInLane(description, routed) ? SlackAck.Ok : Busy();
    }

    public async Task<SlackAck> HandleCommandAsync(IReadOnlyDictionary<string, string> fields, CancellationToken cancellationToken)
    {
        if (!SlackSlashCommand.TryRead(fields, out var command, out var problem))
        {
            return Refuse(InboundStep.Read, problem);
        }

        if (command.Tenant is not { } tenant)
        {
            return Refuse(InboundStep.ResolveTenant, "slash command needs team_id or enterprise_id");
        }

        if (NotAnId(("team_id", tenant), ("user_id", command.UserId), ("channel_id", command.ChannelId)) is { } badId)
        {
            return Refuse(InboundStep.Read, badId);
        }

        var translation = SlackTranslator.Translate(command, new SlackContext(null, time.GetUtcNow()));
        if (translation is not SlackRouted routed)
        {
            return Unrouted(translation);
        }

        using var scope = InboundScope.Begin(logger, Platform, tenant, command.TriggerId);
        if (!await guard.AllowsAsync(tenant, cancellationToken))
        {
            return SlackAckPolicy.WorkspaceRefused;
        }

        if (await IsReplayAsync(tenant, command.TriggerId, cancellationToken))
        {
            return SlackAck.Ok;
        }

        // Too late for the ack, the answer is posted; the trigger has expired by then, so a form is posted, not opened.
        var window = new SlackAckWindow(options.Value.CommandAnswerWindow, SlackAckPolicy.CommandAnswer, routed.Target with { TriggerId = null },
            SlackAckPolicy.CommandInterim());
        return await events.AcceptAnsweringAsync(routed, window, tenant, command.TriggerId, StoredRequest.Command(command, fields), cancellationToken);
    }

    /// <summary>Slack never retries an interaction or a command: a second request with the same <c>trigger_id</c> inside
    /// the signature's window is a replay of a captured request, acknowledged and not acted on again.</summary>
    private async Task<bool> IsReplayAsync(string tenant, string? triggerId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(triggerId)
            || await dedupe.IsFirstAsync(InboundEventKey.For(new TenantScope(Platform, tenant), "trigger " + triggerId), ReplayWindow, cancellationToken))
        {
            return false;
        }

        InboundStop.Dropped(InboundStep.Dedupe, "a replay of an interaction already answered").Log(logger, Platform);
        return true;
    }

    /// <summary>Slack's ids (T…, E…, U…, W…, C…, D…, G…) are a few letters and digits. Anything else in the fields that
    /// become keys, lanes and per-process caches is refused here, before it is any of those.</summary>
    private static string? NotAnId(params (string Field, string? Value)[] ids) =>
        ids.FirstOrDefault(f => f.Value is not null && !IsSlackId(f.Value)).Field is { } field
            ? $"{field} is not a Slack id (at most {MaxIdLength} letters, digits, '.', '_' or '-')"
            : null;

    private static bool IsSlackId(string value) =>
        value.Length is > 0 and <= MaxIdLength && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');

    private SlackAck Unrouted(SlackTranslation translation)
    {
        if (translation is SlackInvalid invalid)
        {
            return Refuse(InboundStep.Translate, invalid.Problem);
        }

        InboundStop.Ignored(InboundStep.Translate, translation is SlackIgnored ignored ? ignored.Reason : translation.ToString()).Log(logger, Platform);
        return SlackAck.Ok;
    }

    private SlackAck Refuse(InboundStep step, string problem)
    {
        new InboundStop(step, problem).Log(logger, Platform);
        return SlackAck.BadRequest(problem);
    }

    private SlackAck Busy()
    {
        new InboundStop(InboundStep.Route, "the person's work-queue lane is full or stopping").Log(logger, Platform);
        return SlackAckPolicy.Busy;
    }
}
