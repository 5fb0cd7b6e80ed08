using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using RolePlay.Channels;

namespace RolePlay.Studio.Http;

/// <summary>Local mode has no sign-in, so the studio answers only this machine (<see cref="LoopbackCaller"/>): any
/// other caller gets 403 even if someone binds the bot to a public interface or puts a proxy in front.</summary>
public sealed class LoopbackOnly(IOptions<StudioOptions> options) : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (options.Value.LocalMode && !LoopbackCaller.IsThisMachine(context.HttpContext))
        {
            return ValueTask.FromResult<object?>(StudioRequests.Problem(StatusCodes.Status403Forbidden, "Loopback only",
                "In local mode the studio answers only this machine. Connect Teams or Slack to use it from elsewhere, behind sign-in."));
        }

        return next(context);
    }
}
