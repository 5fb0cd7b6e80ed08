using System.Xml.Linq;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace RolePlay.Bot.Hosting;

/// <summary>Data Protection's key ring as one XML blob that every replica reads and adds to, so a sign-in cookie, an
/// OAuth state or an encrypted Slack token made by one replica opens on any other, and after a restart. An added key
/// is written only if the blob is unchanged since it was read (its ETag), read again and retried otherwise, so two
/// replicas creating keys at once both keep theirs.</summary>
internal sealed class BlobKeyRing(BlobClient blob) : IXmlRepository
{
    private const int MaxAttempts = 5;

    public IReadOnlyCollection<XElement> GetAllElements() => [.. Read().Ring.Root!.Elements()];

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        for (var attempt = 1; ; attempt++)
        {
            var (ring, tag) = Read();
            ring.Root!.Add(element);
            var conditions = tag is { } unchanged ? new BlobRequestConditions { IfMatch = unchanged } : new BlobRequestConditions { IfNoneMatch = ETag.All };
            try
            {
                blob.GetParentBlobContainerClient().CreateIfNotExists();
                blob.Upload(BinaryData.FromString(ring.ToString(SaveOptions.DisableFormatting)),
                    new BlobUploadOptions { Conditions = conditions, HttpHeaders = new BlobHttpHeaders { ContentType = "application/xml" } });
                return;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 && attempt < MaxAttempts)
            {
                // Another replica wrote first: read its keys and add ours to them.
            }
        }
    }

    private (XDocument Ring, ETag? Tag) Read()
    {
        try
        {
            var content = blob.DownloadContent().Value;
            return (XDocument.Parse(content.Content.ToString()), content.Details.ETag);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return (new XDocument(new XElement("repository")), null);
        }
    }
}
