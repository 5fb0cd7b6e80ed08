using System.Net;
using System.Net.Http.Headers;
using RolePlay.Core.Clips;

namespace RolePlay.Channels;

/// <summary>Fetches a file someone sent, for both channels: only from an allowed host over HTTPS (plain HTTP only to
/// an allowed loopback host, which only tests allow), never following a redirect (the HTTP client is built without),
/// within a deadline, and never reading past <see cref="ClipLimits.MaxBytes"/>: a declared length over it is refused
/// before the body is read, and a longer body is refused at the first byte past it.</summary>
public static class ClipFileDownload
{
    private const int ChunkBytes = 16 * 1024;

    /// <summary>How long a sent file may take to arrive, on either channel: a clip is at most a few MiB.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    /// <summary>A host entry is a name ("files.slack.com") or, starting with a dot, every name under it (".sharepoint.com").</summary>
    public static bool IsAllowed(Uri url, IEnumerable<string> hosts)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(hosts);
        var listed = hosts.Any(h => h.StartsWith('.')
            ? url.Host.EndsWith(h, StringComparison.OrdinalIgnoreCase)
            : url.Host.Equals(h, StringComparison.OrdinalIgnoreCase));
        return url.IsAbsoluteUri && listed && (url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback));
    }

    /// <param name="gone">What to say when the host answers that the file is not there for us (401, 403, 404, 410, a redirect).</param>
    /// <param name="authorization">The bearer token the host wants (Slack), or none (a pre-authorised Teams link).</param>
    public static async Task<ClipDownload> GetAsync(HttpClient http, Uri url, AuthenticationHeaderValue? authorization, TimeSpan timeout, string gone,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = authorization;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false);
            // A redirect is never followed: Slack sends a wrong token to its sign-in page, which no retry mends.
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound or HttpStatusCode.Gone
                || (int)response.StatusCode is >= 300 and < 400)
            {
                return new ClipDownload.Failed(gone);
            }

            if (!response.IsSuccessStatusCode)
            {
                return new ClipDownload.Unreachable();
            }

            if (response.Content.Headers.ContentLength > ClipLimits.MaxBytes)
            {
                return new ClipDownload.TooLarge();
            }

            return await ReadAsync(await response.Content.ReadAsStreamAsync(deadline.Token).ConfigureAwait(false), deadline.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is OperationCanceledException && !ct.IsCancellationRequested))
        {
            return new ClipDownload.Unreachable();
        }
    }

    private static async Task<ClipDownload> ReadAsync(Stream body, CancellationToken ct)
    {
        await using var _ = body.ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[ChunkBytes];
        int read;
        while ((read = await body.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > ClipLimits.MaxBytes)
            {
                return new ClipDownload.TooLarge();
            }

            buffer.Write(chunk, 0, read);
        }

        return new ClipDownload.Fetched(buffer.ToArray());
    }
}
