using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using RolePlay.Core.Storage;

namespace RolePlay.Storage.Clips;

/// <summary>Clips in Azure Blob Storage, one blob each in one private container, named
/// <c>{platform}/{tenant}/{team}/{clip id}</c> from the clip's own record (never from a URL). The container is created
/// once, on first use, so the host starts without touching the account. Reads are the SDK's seekable stream, so a range
/// request fetches only its range.</summary>
internal sealed class BlobClipContent : IClipContent
{
    private readonly BlobContainerClient _container;
    private readonly Lazy<Task> _created;

    public BlobClipContent(BlobContainerClient container)
    {
        _container = container;
        _created = new Lazy<Task>(() => container.CreateIfNotExistsAsync(PublicAccessType.None));
    }

    public string Name => $"Azure Blob Storage ({_container.AccountName}/{_container.Name})";

    public async Task SaveAsync(ClipContentKey key, ReadOnlyMemory<byte> audio, CancellationToken ct)
    {
        await Guard(async () =>
        {
            await _created.Value.ConfigureAwait(false);
            await Blob(key).UploadAsync(BinaryData.FromBytes(audio), overwrite: true, ct).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    public async Task<Stream?> OpenAsync(ClipContentKey key, CancellationToken ct)
    {
        try
        {
            return await Blob(key).OpenReadAsync(new BlobOpenReadOptions(allowModifications: false), ct).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
        catch (RequestFailedException e)
        {
            throw new StorageUnavailableException(Name, $"The clip could not be read ({e.Status}).", e);
        }
    }

    public Task DeleteAsync(ClipContentKey key, CancellationToken ct) =>
        Guard(() => Blob(key).DeleteIfExistsAsync(cancellationToken: ct));

    private BlobClient Blob(ClipContentKey key) => _container.GetBlobClient(string.Join('/',
        Uri.EscapeDataString(key.Tenant.Platform.Id), Uri.EscapeDataString(key.Tenant.TenantId), Uri.EscapeDataString(key.TeamId),
        Uri.EscapeDataString(key.ClipId)));

    private async Task Guard(Func<Task> call)
    {
        try
        {
            await call().ConfigureAwait(false);
        }
        catch (RequestFailedException e)
        {
            throw new StorageUnavailableException(Name, $"The clip store refused ({e.Status} {e.ErrorCode}).", e);
        }
    }
}
