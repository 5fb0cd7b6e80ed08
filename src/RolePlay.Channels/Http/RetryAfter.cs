using System.Net.Http.Headers;

namespace RolePlay.Channels.Http;

/// <summary>The wait a response asks for in its Retry-After header, as seconds or as a date read on the host's clock.</summary>
public static class RetryAfter
{
    public static TimeSpan? Of(HttpResponseMessage response, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(response);
        return Of(response.Headers.RetryAfter, time);
    }

    private static TimeSpan? Of(RetryConditionHeaderValue? header, TimeProvider time) =>
        header?.Delta
        ?? (header?.Date is { } date ? Max(date - time.GetUtcNow(), TimeSpan.Zero) : null);

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
