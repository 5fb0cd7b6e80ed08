using System.Net;
using Microsoft.AspNetCore.Http;

namespace RolePlay.Channels;

/// <summary>Local mode's one rule for who may call: this machine, directly, by a loopback name. An IPv4 loopback address
/// seen through an IPv6 socket (::ffff:127.0.0.1) is this machine; a request that names a forwarded client came through
/// a proxy, so its loopback address says nothing about the real caller; and a request whose Host or Origin is another
/// name is a page elsewhere reaching this machine through DNS rebinding.</summary>
public static class LoopbackCaller
{
    public static bool IsThisMachine(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var headers = request.Headers;
        return IsLoopback(context.Connection.RemoteIpAddress)
               && !CameThroughAProxy(headers)
               && IsLoopbackName(request.Host.Host)
               && (headers.Origin.Count == 0 || headers.Origin.All(IsLoopbackOrigin));
    }

    /// <summary>A proxy's own headers, or what ASP.NET Core's forwarded-headers middleware leaves once it has applied
    /// them (the proxy's address moved to X-Original-For and the client's in its place).</summary>
    private static bool CameThroughAProxy(IHeaderDictionary headers) =>
        headers.ContainsKey("X-Forwarded-For") || headers.ContainsKey("Forwarded")
        || headers.ContainsKey("X-Original-For") || headers.ContainsKey("X-Original-Proto");

    public static bool IsLoopback(IPAddress? address) =>
        address is not null && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);

    /// <summary>"localhost" (and names under it, which resolve to this machine) or a loopback address.</summary>
    public static bool IsLoopbackName(string? host) =>
        host is { Length: > 0 }
        && (host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IsLoopback(address)));

    private static bool IsLoopbackOrigin(string? origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri) && IsLoopbackName(uri.Host);
}
