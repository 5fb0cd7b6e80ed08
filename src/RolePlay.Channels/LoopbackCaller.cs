using System.Net;
using Microsoft.AspNetCore.Http;

namespace RolePlay.Channels;

/// <summary>Local mode's one rule for who may call: this machine, directly. An IPv4 loopback address seen through an
/// IPv6 socket (::ffff:127.0.0.1) is this machine; a request that names a forwarded client came through a proxy, so its
/// loopback address says nothing about the real caller.</summary>
public static class LoopbackCaller
{
    public static bool IsThisMachine(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var headers = context.Request.Headers;
        return IsLoopback(context.Connection.RemoteIpAddress) && !headers.ContainsKey("X-Forwarded-For") && !headers.ContainsKey("Forwarded");
    }

    public static bool IsLoopback(IPAddress? address) =>
        address is not null && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);
}
