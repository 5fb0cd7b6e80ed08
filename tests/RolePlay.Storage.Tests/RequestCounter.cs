using Azure.Core;
using Azure.Core.Pipeline;

namespace RolePlay.Storage.Tests;

/// <summary>Counts HTTP requests the Azure SDK actually sends (retries included): round trips to the store.</summary>
internal sealed class RequestCounter : HttpPipelineSynchronousPolicy
{
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    public override void OnSendingRequest(HttpMessage message) => Interlocked.Increment(ref _count);
}
