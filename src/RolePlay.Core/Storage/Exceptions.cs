namespace RolePlay.Core.Storage;

/// <summary>
/// Someone else changed (or created) the row since it was read. Nothing was written; reload and decide again.
/// </summary>
public sealed class ConcurrencyConflictException : Exception
{
    public ConcurrencyConflictException(string message)
        : base(message)
    {
    }

    public ConcurrencyConflictException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

/// <summary>
/// The store could not be reached after retries. The message names the store (never a secret); anything
/// acknowledged before stays stored, and the failed operation wrote nothing.
/// </summary>
public sealed class StorageUnavailableException : Exception
{
    public StorageUnavailableException(string storeName, string message, Exception inner)
        : base($"Storage '{storeName}' is unavailable: {message}", inner)
    {
        StoreName = storeName;
    }

    public string StoreName { get; }
}
