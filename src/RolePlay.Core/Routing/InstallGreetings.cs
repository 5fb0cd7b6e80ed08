using RolePlay.Core.Chat;
using RolePlay.Core.Storage;

namespace RolePlay.Core.Routing;

/// <summary>One greeting per install. Teams announces one install twice, an installationUpdate and a
/// conversationUpdate in either order and seconds apart (possibly to different instances), so the first claims the
/// conversation in the shared dedupe store and the second finds it claimed. After <see cref="Window"/> an install is a
/// new one and is greeted again.</summary>
public sealed class InstallGreetings(IInboundDedupe claims, TimeProvider time)
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);

    public Task<bool> IsFirstAsync(BotInstalled installed, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(installed);
        var conversation = installed.Conversation;
        var key = InboundEventKey.For(new TenantScope(conversation.Platform, conversation.TenantId), "installed " + conversation.ConversationId);
        return claims.TryClaimAsync(key, time.GetUtcNow(), Window, ct);
    }
}
