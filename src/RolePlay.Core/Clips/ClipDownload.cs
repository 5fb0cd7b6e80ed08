using RolePlay.Core.Storage;

namespace RolePlay.Core.Clips;

/// <summary>What fetching a sent file gave: its bytes (at most <see cref="ClipLimits.MaxBytes"/>), a file too large
/// (reading stopped past the limit), a host that could not be reached for now (worth another try), or a failure in
/// words for the person.</summary>
public abstract record ClipDownload
{
    public sealed record Fetched(byte[] Audio) : ClipDownload;

    public sealed record TooLarge : ClipDownload;

    public sealed record Unreachable : ClipDownload;

    public sealed record Failed(string Message) : ClipDownload;
}

/// <summary>The port a channel fetches a sent file through (Teams: the pre-authorised download URL; Slack: the file's
/// private URL with the workspace's bot token). Fetching is I/O, so Core only names it.</summary>
public interface IClipFileFetcher
{
    Platform Platform { get; }

    Task<ClipDownload> FetchAsync(TenantScope tenant, ClipFile file, CancellationToken ct);
}
