using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using RolePlay.Testing.Teams;

namespace RolePlay.Testing.Files;

/// <summary>One download the bot made.</summary>
public sealed record FileRequest(string Path, string? Authorization);

/// <summary>Stands in for where chat platforms keep sent files (SharePoint behind a Teams download URL,
/// files.slack.com): files served whole with their Content-Length, statuses with the error bodies those hosts send
/// (SharePoint: JSON <c>error</c>; Slack: a redirect to its sign-in page when the token is missing or wrong), and an
/// oversized body streamed without a length, which records how much of it was written before the client stopped.</summary>
public sealed class FakeFileHost : IAsyncDisposable
{
    private readonly LocalServer _server;
    private readonly ConcurrentDictionary<string, Func<HttpContext, Task>> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<FileRequest> _requests = new();
    private long _streamed;

    private FakeFileHost(LocalServer server) => _server = server;

    /// <summary>When set, a request without exactly this bearer token is sent to the sign-in page, as Slack does.</summary>
    public string? RequiredBearer { get; set; }

    public IReadOnlyList<FileRequest> Requests => [.. _requests];

    /// <summary>How many bytes of the oversized body were written before the client let go.</summary>
    public long Streamed => Interlocked.Read(ref _streamed);

    public static async Task<FakeFileHost> StartAsync()
    {
        FakeFileHost? host = null;
        var server = await LocalServer.StartAsync(_ => { }, app => app.Run(context => host!.AnswerAsync(context)));
        host = new FakeFileHost(server);
        return host;
    }

    public string Serve(string name, byte[] body, string contentType = "audio/wav") => Add(name, async context =>
    {
        context.Response.ContentType = contentType;
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    });

    /// <summary>SharePoint's answer to a download URL whose pre-authorisation has run out (401) or is not for this file (403),
    /// and to a file that is gone (404).</summary>
    public string Status(string name, int status) => Add(name, async context =>
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        var code = status == 404 ? "itemNotFound" : "accessDenied";
        await context.Response.WriteAsync($$$"""{"error":{"code":"{{{code}}}","message":"Access denied"}}""",
            context.RequestAborted);
    });

    /// <summary>503 with Retry-After for the first <paramref name="failures"/> requests (a host busy for a moment), then the file.</summary>
    public string Flaky(string name, byte[] body, int failures)
    {
        var left = failures;
        var file = Serve(name, body);
        var served = _files[new Uri(file).AbsolutePath];
        return Add(name, context =>
        {
            if (Interlocked.Decrement(ref left) >= 0)
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                context.Response.Headers.RetryAfter = "1";
                return Task.CompletedTask;
            }

            return served(context);
        });
    }

    /// <summary>A body of <paramref name="bytes"/> sent chunked, with no Content-Length to refuse it by.</summary>
    public string Oversized(string name, long bytes) => Add(name, async context =>
    {
        context.Response.ContentType = "audio/wav";
        var chunk = new byte[64 * 1024];
        // Kestrel completes a write to a connection the client closed as if it were sent, until it notices the close:
        // a pause between chunks lets it notice, so what is counted is what the client could have read.
        try
        {
            for (long sent = 0; sent < bytes && !context.RequestAborted.IsCancellationRequested; sent += chunk.Length)
            {
                await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
                Interlocked.Add(ref _streamed, chunk.Length);
                await Task.Delay(1, context.RequestAborted);
            }
        }
        catch (OperationCanceledException)
        {
            // The client let go.
        }
    });

    private string Add(string name, Func<HttpContext, Task> answer)
    {
        var path = $"/files/{Guid.NewGuid():N}/{Uri.EscapeDataString(name)}";
        _files[path] = answer;
        return new Uri(_server.BaseUri, path).AbsoluteUri;
    }

    private Task AnswerAsync(HttpContext context)
    {
        var authorization = context.Request.Headers.Authorization.FirstOrDefault();
        _requests.Enqueue(new FileRequest(context.Request.Path.Value!, authorization));
        if (RequiredBearer is { } token && authorization != "Bearer " + token)
        {
            context.Response.Redirect(new Uri(_server.BaseUri, "/?redir=" + Uri.EscapeDataString(context.Request.Path.Value!)).AbsoluteUri);
            return Task.CompletedTask;
        }

        if (!_files.TryGetValue(context.Request.Path.Value!, out var answer))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        return answer(context);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
