using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace RolePlay.Studio.Http;

/// <summary>Local mode has no sign-in, so the studio answers only this machine: a caller whose address is not loopback
/// gets 403 even if someone binds the bot to a public interface.</summary>
public sealed class LoopbackOnly(IOptions<StudioOptions> options) : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (options.Value.LocalMode && !IsLoopback(context.HttpContext.Connection.RemoteIpAddress))
        {
            return ValueTask.FromResult<object?>(StudioRequests.Problem(StatusCodes.Status403Forbidden, "Loopback only",
                "In local mode the studio answers only this machine. Connect Teams or Slack to use it from elsewhere, behind sign-in."));
        }

        return next(context);
    }

    public static bool IsLoopback(IPAddress? address) =>
        address is not null && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);
}
