using RolePlay.Core.Chat;

namespace RolePlay.Slack.Inbound;

/// <summary>How a request that answers in its ack (a slash command, a view submission) waits for the router: up to
/// <see cref="Window"/>, its ack is <see cref="Answer"/>'s; later, it is <see cref="Interim"/> and the whole answer goes
/// to <see cref="LateTarget"/>.</summary>
public sealed record SlackAckWindow(TimeSpan Window, Func<RouterResult, SlackQuickAnswer> Answer, SlackReplyTarget LateTarget, SlackAck Interim);
