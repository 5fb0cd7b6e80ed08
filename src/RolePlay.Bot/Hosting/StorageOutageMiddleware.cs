using RolePlay.Core.Storage;

namespace RolePlay.Bot.Hosting;

/// <summary>While the store is unreachable, inbound requests are refused with 503 and Retry-After instead of a
/// bare 500: nothing was acknowledged, so the platform's retry delivers the event once the store is back.</summary>
internal sealed partial class StorageOutageMiddleware(RequestDelegate next, ILogger<StorageOutageMiddleware> logger)
{
    private const int RetryAfterSeconds = 10;

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (StorageUnavailableException e) when (!context.Response.HasStarted)
        {
            LogOutage(logger, context.Request.Path, e.StoreName, e);
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await context.Response.WriteAsJsonAsync(new { error = "storage_unavailable", retryAfterSeconds = RetryAfterSeconds });
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Request to {Path} refused: storage '{Store}' is unavailable")]
    private static partial void LogOutage(ILogger logger, PathString path, string store, Exception exception);
}
