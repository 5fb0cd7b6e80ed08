using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RolePlay.Channels;
using RolePlay.Slack.Inbound;

namespace RolePlay.Slack.SocketMode;

/// <summary>Socket Mode (when <c>Slack:AppToken</c> is set): Slack pushes the same payloads over a WebSocket instead of
/// HTTP, so a developer needs no public URL. Each envelope is acknowledged with its <c>envelope_id</c> and dispatched
/// through the same <see cref="SlackInbound"/> as HTTP (there is no signature: the connection is authenticated).</summary>
public sealed class SlackSocketModeClient(
    IOptions<SlackOptions> options, IHttpClientFactory httpClients, SlackInbound inbound, TimeProvider time,
    ILogger<SlackSocketModeClient> logger) : BackgroundService
{
    public const string HttpClientName = "slack-socket-mode";
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.SocketMode)
        {
            return;
        }

        var backoff = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var url = await OpenConnectionAsync(stoppingToken);
                await RunConnectionAsync(url, stoppingToken);
                backoff = TimeSpan.FromSeconds(1);
                continue;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is WebSocketException or HttpRequestException or InvalidOperationException or JsonException)
            {
                logger.LogWarning(ex, "Slack Socket Mode connection failed; reconnecting in {Backoff}", backoff);
            }

            await Task.Delay(backoff, time, stoppingToken);
            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
        }
    }

    private async Task<Uri> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "apps.connections.open");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Value.AppToken);
        using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        var root = document.RootElement;
        return root.True("ok") && root.Str("url") is { } url
            ? new Uri(url)
            : throw new InvalidOperationException($"apps.connections.open failed: {root.Str("error") ?? "no url"}");
    }

    private async Task RunConnectionAsync(Uri url, CancellationToken cancellationToken)
    {
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(url, cancellationToken);
        logger.LogInformation("Slack Socket Mode connected");
        while (socket.State == WebSocketState.Open)
        {
            var text = await ReceiveTextAsync(socket, cancellationToken);
            if (text is null)
            {
                return;
            }

            using var document = JsonDocument.Parse(text);
            var envelope = document.RootElement;
            if (!JsonText.IsReadable(envelope))
            {
                logger.LogWarning("Slack Socket Mode envelope skipped: a name or string is not valid text");
                continue;
            }

            if (envelope.Str("type") == "disconnect")
            {
                logger.LogInformation("Slack asked to reconnect ({Reason})", envelope.Str("reason"));
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "reconnecting", cancellationToken);
                return;
            }

            if (envelope.Str("envelope_id") is not { } envelopeId)
            {
                continue;
            }

            var ack = await DispatchAsync(envelope, cancellationToken);
            var reply = new JsonObject { ["envelope_id"] = envelopeId };
            if (ack is { StatusCode: 200, Body: { } body })
            {
                reply["payload"] = body.DeepClone();
            }

            await socket.SendAsync(Encoding.UTF8.GetBytes(reply.ToJsonString()), WebSocketMessageType.Text, true, cancellationToken);
        }
    }

    private Task<SlackAck> DispatchAsync(JsonElement envelope, CancellationToken cancellationToken)
    {
        var payload = envelope.Obj("payload");
        return envelope.Str("type") switch
        {
            "events_api" => inbound.HandleEventAsync(payload, cancellationToken),
            "interactive" => inbound.HandleInteractionAsync(payload, cancellationToken),
            "slash_commands" => inbound.HandleCommandAsync(
                payload.ValueKind == JsonValueKind.Object
                    ? payload.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String).ToDictionary(p => p.Name, p => p.Value.GetString()!)
                    : [],
                cancellationToken),
            _ => Task.FromResult(SlackAck.Ok),
        };
    }

    private static async Task<string?> ReceiveTextAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        using var message = new MemoryStream();
        var buffer = new byte[16 * 1024];
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return Encoding.UTF8.GetString(message.ToArray());
            }
        }
    }
}
