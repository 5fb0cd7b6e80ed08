using Microsoft.Extensions.Options;
using RolePlay.Channels;
using RolePlay.Core;
using RolePlay.Core.Clips;
using RolePlay.Core.Storage;
using RolePlay.Teams.Inbound;

namespace RolePlay.Teams.Files;

/// <summary>Fetches a file sent in a personal chat from the download URL Teams gave with it: a pre-authorised,
/// short-lived link fetched with a plain GET and no bearer token (nothing of ours goes to SharePoint), from the
/// allowed file hosts only, never following a redirect elsewhere.</summary>
public sealed class TeamsFileFetcher(IHttpClientFactory clients, IOptions<TeamsOptions> options) : IClipFileFetcher
{
    public const string HttpClientName = "RolePlay.Teams.Files";

    public Platform Platform => ActivityTranslator.Platform;

    public Task<ClipDownload> FetchAsync(TenantScope tenant, ClipFile file, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (!Uri.TryCreate(file.Url, UriKind.Absolute, out var url) || !ClipFileDownload.IsAllowed(url, options.Value.TrustedFileHosts))
        {
            return Task.FromResult<ClipDownload>(new ClipDownload.Failed("I only fetch files Teams keeps in OneDrive or SharePoint, and this one is elsewhere."));
        }

        return ClipFileDownload.GetAsync(clients.CreateClient(HttpClientName), url, null, ClipFileDownload.Deadline,
            "Teams' link to the file has run out (it lasts only a short while). Send the file again and choose straight away.", ct);
    }
}
