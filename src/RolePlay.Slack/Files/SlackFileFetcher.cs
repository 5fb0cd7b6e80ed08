using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using RolePlay.Channels;
using RolePlay.Core;
using RolePlay.Core.Clips;
using RolePlay.Core.Storage;
using RolePlay.Slack.Inbound;
using RolePlay.Slack.Installs;

namespace RolePlay.Slack.Files;

/// <summary>Fetches a file shared in a DM from its private URL with the workspace's own bot token (scope
/// <c>files:read</c>). The token goes only to Slack's file host over HTTPS, and a redirect is never followed, so it
/// cannot be led anywhere else.</summary>
public sealed class SlackFileFetcher(IHttpClientFactory clients, ISlackInstallStore installs, IOptions<SlackOptions> options) : IClipFileFetcher
{
    public const string HttpClientName = "RolePlay.Slack.Files";

    public Platform Platform => SlackInbound.Platform;

    public async Task<ClipDownload> FetchAsync(TenantScope tenant, ClipFile file, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(file);
        if (!Uri.TryCreate(file.Url, UriKind.Absolute, out var url) || !ClipFileDownload.IsAllowed(url, options.Value.TrustedFileHosts))
        {
            return new ClipDownload.Failed("I only fetch files Slack keeps itself, and this one is elsewhere.");
        }

        if (await installs.FindAsync(tenant.TenantId, ct).ConfigureAwait(false) is not { } install)
        {
            return new ClipDownload.Failed("I'm not installed in this workspace any more, so I can't fetch the file.");
        }

        return await ClipFileDownload.GetAsync(clients.CreateClient(HttpClientName), url, new AuthenticationHeaderValue("Bearer", install.BotToken),
            ClipFileDownload.Deadline, "Slack won't let me fetch that file any more (it may have been deleted). Send it again if you want to keep it.", ct).ConfigureAwait(false);
    }
}
