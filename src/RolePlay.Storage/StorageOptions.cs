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

    public ClipStorageOptions Clips { get; set; } = new();
}

/// <summary>Where voice clips' audio is kept: files under <see cref="Path"/> with SQLite; with Azure Tables, blobs in
/// <see cref="Container"/> of the same account (its blob endpoint, or <see cref="BlobEndpoint"/> /
/// <see cref="ConnectionString"/> when the blobs live elsewhere).</summary>
public sealed class ClipStorageOptions
{
    public string Path { get; set; } = "data/clips";

    public string Container { get; set; } = "roleplay-clips";

    /// <summary>Default: the table endpoint's account with <c>.blob.</c> for <c>.table.</c>, signed in as the tables are.</summary>
    public string? BlobEndpoint { get; set; }

    /// <summary>Default: <c>Storage:AzureTables:ConnectionString</c>, whose account holds the blobs too.</summary>
    public string? ConnectionString { get; set; }
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
