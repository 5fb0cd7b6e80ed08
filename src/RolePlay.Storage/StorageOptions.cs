namespace RolePlay.Storage;

public enum StorageProvider
{
    /// <summary>One local file; nothing to install. The default.</summary>
    Sqlite,

    /// <summary>Azure Table Storage: what a team deploys; scales past one machine.</summary>
    AzureTables,
}

/// <summary>The <c>Storage</c> configuration section.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    public SqliteStorageOptions Sqlite { get; set; } = new();

    public AzureTablesStorageOptions AzureTables { get; set; } = new();
}

public sealed class SqliteStorageOptions
{
    public string Path { get; set; } = "data/roleplay.db";

    /// <summary>How long a statement waits for another writer's lock before the retry policy takes over.</summary>
    public int BusyTimeoutMilliseconds { get; set; } = 5000;
}

public sealed class AzureTablesStorageOptions
{
    /// <summary>A storage connection string (with a key or SAS). Either this or <see cref="Endpoint"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The table endpoint, e.g. https://acct.table.core.windows.net, used with DefaultAzureCredential (managed identity in Azure).</summary>
    public string? Endpoint { get; set; }

    /// <summary>Prepended to every table name so several deployments can share one account.</summary>
    public string TablePrefix { get; set; } = "RolePlay";

    /// <summary>Retries of a transient failure (exponential backoff) before the store is reported unavailable.</summary>
    public int MaxRetries { get; set; } = 3;
}
