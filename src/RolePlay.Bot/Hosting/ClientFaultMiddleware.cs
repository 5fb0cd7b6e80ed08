namespace RolePlay.Bot.Hosting;

/// <summary>A request whose body never arrives whole (slower than Kestrel's minimum data rate, cut short, reset) is the
/// caller's fault, not the bot's: one line at Information without a stack trace, and Kestrel's own status (400, 408,
/// 413) if an answer can still be sent — not an unhandled "fail" with a stack per request, which a slow-body flood
/// would turn into a flood of the logs.</summary>
internal sealed partial class ClientFaultMiddleware(RequestDelegate next, ILogger<ClientFaultMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (IsClientFault(e, context))
        {
            LogClientFault(logger, context.Request.Method, context.Request.Path, e.Message);
            if (!context.Response.HasStarted)
            {
                context.Response.StatusCode = e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status400BadRequest;
            }
        }
    }

    private static bool IsClientFault(Exception e, HttpContext context) =>
        e is BadHttpRequestException
        || (context.RequestAborted.IsCancellationRequested && e is OperationCanceledException or IOException);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Path} ended by the caller: {Reason}")]
    private static partial void LogClientFault(ILogger logger, string method, PathString path, string reason);
}
