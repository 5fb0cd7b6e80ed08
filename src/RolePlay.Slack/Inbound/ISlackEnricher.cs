using RolePlay.Core.Chat;

namespace RolePlay.Slack.Inbound;

/// <summary>The enrich step of Slack's inbound pipeline: what the host adds to what it knows before a Slack event is
/// routed (the host meets a first-seen person and stores their time zone). It runs in the person's lane, so it is
/// done before that person's event, and only for Slack events.</summary>
public interface ISlackEnricher
{
    Task EnrichAsync(IncomingEvent incoming, CancellationToken cancellationToken);
}
