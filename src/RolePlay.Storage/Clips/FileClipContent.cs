using RolePlay.Core.Storage;

namespace RolePlay.Storage.Clips;

/// <summary>The embedded default: each clip's audio is one file under the data directory,
/// <c>{root}/{platform}/{tenant}/{team}/{clip id}.audio</c>. Every folder name is percent-escaped and prefixed, so no id
/// can climb out of its tenant's folder ("..") or name another's. Written to a temporary file and moved into place, so
/// a reader never sees half a clip.</summary>
internal sealed class FileClipContent(string root) : IClipContent
{
    public string Name => $"clip files ({Path.GetFileName(Path.GetFullPath(root))})";

    public async Task SaveAsync(ClipContentKey key, ReadOnlyMemory<byte> audio, CancellationToken ct)
    {
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            await File.WriteAllBytesAsync(temporary, audio, ct).ConfigureAwait(false);
            File.Move(temporary, path, overwrite: true);
        }
        catch (IOException e)
        {
            File.Delete(temporary);
            throw new StorageUnavailableException(Name, $"The clip could not be written: {e.Message}", e);
        }
    }

    public Task<Stream?> OpenAsync(ClipContentKey key, CancellationToken ct)
    {
        try
        {
            return Task.FromResult<Stream?>(new FileStream(PathOf(key), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 16 * 1024,
                FileOptions.Asynchronous));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    public Task DeleteAsync(ClipContentKey key, CancellationToken ct)
    {
        File.Delete(PathOf(key)); // a file already gone is fine
        return Task.CompletedTask;
    }

    private string PathOf(ClipContentKey key) => Path.Combine(root, Folder(key.Tenant.Platform.Id), Folder(key.Tenant.TenantId), Folder(key.TeamId),
        Folder(key.ClipId) + ".audio");

    private static string Folder(string id) => "_" + Uri.EscapeDataString(id);
}
