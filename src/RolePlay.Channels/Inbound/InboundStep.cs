namespace RolePlay.Channels.Inbound;

/// <summary>The named steps every channel's inbound path is made of, so a stopped request says the same step name on
/// Teams and Slack. A channel runs the ones it needs in its own order (Teams translates before it claims the activity,
/// Slack claims on its queue and then translates).</summary>
public enum InboundStep
{
    /// <summary>The request is the platform's: size, signature or token, loopback rule.</summary>
    Verify,

    /// <summary>The payload has the shape and fields the channel needs.</summary>
    Read,

    /// <summary>The tenant (Teams tenant, Slack workspace or enterprise) the request belongs to.</summary>
    ResolveTenant,

    /// <summary>This deployment serves that tenant.</summary>
    Allow,

    /// <summary>A redelivery of an event already accepted is dropped.</summary>
    Dedupe,

    /// <summary>The payload becomes neutral events, or is ignored, or is invalid.</summary>
    Translate,

    /// <summary>What the router needs beyond the payload (conversation references, relayed authors).</summary>
    Enrich,

    /// <summary>The router handles the events.</summary>
    Route,

    /// <summary>The router's answer goes back to the platform.</summary>
    Respond,
}
