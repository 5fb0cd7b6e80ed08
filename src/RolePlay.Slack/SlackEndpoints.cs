using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RolePlay.Channels;
using RolePlay.Channels.Inbound;
using RolePlay.Slack.Inbound;

namespace RolePlay.Slack;

/// <summary>The Slack HTTP endpoints. Each request: raw body (≤ 1 MB) → ssl_check → v0 signature → parse by kind (every
/// string readable) → url_verification → <see cref="SlackInbound"/>, which runs the rest of the inbound steps.</summary>
public static class SlackEndpoints
{
    public const string EventsPath = "/api/slack/events";
    public const string InteractionsPath = "/api/slack/interactions";
    public const string CommandsPath = "/api/slack/commands";
    public const string InstallPath = "/api/slack/install";
    public const string OAuthCallbackPath = "/api/slack/oauth/callback";
    public const int MaxBodyBytes = 1024 * 1024;

    private const string UnreadableText = "a name or string is not valid text (an escaped lone surrogate)";

    /// <summary>Every route served, for the manifest check.</summary>
    public static IReadOnlyList<string> Routes { get; } = [EventsPath, InteractionsPath, CommandsPath, InstallPath, OAuthCallbackPath];

    /// <summary>Maps the routes as one group, so the host can state who may call them: Slack itself, proven by the v0
    /// signature (and an install by its signed <c>state</c> bound to the browser), not a web sign-in.</summary>
    public static RouteGroupBuilder MapSlackEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var slack = endpoints.MapGroup("");
        slack.MapPost(EventsPath, HandleEventsAsync);
        slack.MapPost(InteractionsPath, HandleInteractionsAsync);
        slack.MapPost(CommandsPath, HandleCommandsAsync);
        slack.MapGet(InstallPath, SlackOAuth.BeginInstall);
        slack.MapGet(OAuthCallbackPath, SlackOAuth.CompleteInstallAsync);
        return slack;
    }

    private static Task HandleEventsAsync(HttpContext context) => HandleAsync(context, async (body, inbound, ct) =>
    {
        // The JSON reader checks UTF-8 only when a string is read; check it all up front so no handler meets bad text.
        if (!Utf8.IsValid(body.Span))
        {
            return SlackAck.BadRequest("body is not UTF-8");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return SlackAck.BadRequest("body is not JSON");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return SlackAck.BadRequest("body is not a JSON object");
            }

            if (!JsonText.IsReadable(root))
            {
                return SlackAck.BadRequest(UnreadableText);
            }

            if (root.Str("type") == "url_verification")
            {
                return root.Str("challenge") is { } challenge
                    ? new SlackAck(200, new JsonObject { ["challenge"] = challenge })
                    : SlackAck.BadRequest("url_verification without challenge");
            }

            return await inbound.HandleEventAsync(root, ct);
        }
    });

    private static Task HandleInteractionsAsync(HttpContext context) => HandleAsync(context, async (body, inbound, ct) =>
    {
        if (!FormBody.TryParse(body.Span, out var fields))
        {
            return SlackAck.BadRequest("body is not valid form encoding");
        }

        if (!fields.TryGetValue("payload", out var payload))
        {
            return SlackAck.BadRequest("form field 'payload' is missing");
        }

        try
        {
            using var document = JsonDocument.Parse(payload);
            return document.RootElement.ValueKind != JsonValueKind.Object ? SlackAck.BadRequest("payload is not a JSON object")
                : !JsonText.IsReadable(document.RootElement) ? SlackAck.BadRequest(UnreadableText)
                : await inbound.HandleInteractionAsync(document.RootElement, ct);
        }
        catch (JsonException)
        {
            return SlackAck.BadRequest("payload is not JSON");
        }
    });

    private static Task HandleCommandsAsync(HttpContext context) => HandleAsync(context, (body, inbound, ct) =>
        FormBody.TryParse(body.Span, out var fields)
            ? inbound.HandleCommandAsync(fields, ct)
            : Task.FromResult(SlackAck.BadRequest("body is not valid form encoding")));

    private static async Task HandleAsync(HttpContext context, Func<ReadOnlyMemory<byte>, SlackInbound, CancellationToken, Task<SlackAck>> handle)
    {
        var services = context.RequestServices;
        // The raw bytes: the signature covers them exactly.
        var body = await BoundedBody.ReadAsync(context.Request, MaxBodyBytes, context.RequestAborted);
        if (body is null)
        {
            await WriteAsync(context, new SlackAck(StatusCodes.Status413PayloadTooLarge));
            return;
        }

        // Slack's certificate probe, which it sends to slash command URLs only: answered before the signature check.
        if (context.Request.Path == CommandsPath && IsSslCheck(body))
        {
            await WriteAsync(context, SlackAck.Ok);
            return;
        }

        var options = services.GetRequiredService<IOptions<SlackOptions>>().Value;
        var verifier = services.GetRequiredService<SlackSignatureVerifier>();
        if (string.IsNullOrEmpty(options.SigningSecret)
            || !verifier.IsValid(context.Request.Headers["X-Slack-Request-Timestamp"], context.Request.Headers["X-Slack-Signature"], body))
        {
            new InboundStop(InboundStep.Verify, $"bad or stale signature on {context.Request.Path}")
                .Log(services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SlackEndpoints)), SlackInbound.Platform);
            await WriteAsync(context, new SlackAck(StatusCodes.Status401Unauthorized));
            return;
        }

        await WriteAsync(context, await handle(body, services.GetRequiredService<SlackInbound>(), context.RequestAborted));
    }

    /// <summary>A form whose own <c>ssl_check</c> field is 1; words in a command's text are encoded, so they never match.</summary>
    private static bool IsSslCheck(ReadOnlySpan<byte> body) =>
        FormBody.TryParse(body, out var fields) && fields.TryGetValue("ssl_check", out var check) && check == "1";

    private static async Task WriteAsync(HttpContext context, SlackAck ack)
    {
        context.Response.StatusCode = ack.StatusCode;
        if (ack.StatusCode == StatusCodes.Status403Forbidden)
        {
            context.Response.Headers["X-Slack-No-Retry"] = "1";
        }

        if (ack.Body is not null)
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.WriteAsync(ack.Body.ToJsonString(), context.RequestAborted);
        }
    }
}
