using RolePlay.Core.Chat;

namespace RolePlay.Core.Scene;

/// <summary>How one message of the agent's reached the scene: when it was sent (the platform's time), which delivery of
/// it this is, and how to show the customer typing while their reply is made (none where the channel cannot).</summary>
public sealed record SceneTurn(DateTimeOffset SentAt, EventDelivery? Delivery, Func<CancellationToken, Task>? Typing = null);
