using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace RolePlay.Storage;

/// <summary>Checks the Storage section at start-up and says exactly which setting is wrong (never echoing secrets).</summary>
internal sealed partial class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var errors = new List<string>();
        switch (options.Provider)
        {
            case StorageProvider.Sqlite:
                if (string.IsNullOrWhiteSpace(options.Sqlite.Path))
                {
                    errors.Add("Storage:Sqlite:Path must name the database file (default data/roleplay.db).");
                }
                else if (options.Sqlite.Path.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
                {
                    errors.Add($"Storage:Sqlite:Path '{options.Sqlite.Path}' contains characters that are not valid in a path.");
                }

                if (options.Sqlite.BusyTimeoutMilliseconds is < 0 or > 600_000)
                {
                    errors.Add("Storage:Sqlite:BusyTimeoutMilliseconds must be between 0 and 600000.");
                }

                if (string.IsNullOrWhiteSpace(options.Clips.Path) || options.Clips.Path.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
                {
                    errors.Add("Storage:Clips:Path must name the folder voice clips are kept in (default data/clips).");
                }

                break;

            case StorageProvider.AzureTables:
                ValidateAzure(options.AzureTables, errors);
                ValidateBlobs(options, errors);
                break;

            default:
                errors.Add($"Storage:Provider '{options.Provider}' is not supported; use Sqlite or AzureTables.");
                break;
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void ValidateAzure(AzureTablesStorageOptions azure, List<string> errors)
    {
        var hasConnectionString = !string.IsNullOrWhiteSpace(azure.ConnectionString);
        var hasEndpoint = !string.IsNullOrWhiteSpace(azure.Endpoint);
        if (hasConnectionString == hasEndpoint)
        {
            errors.Add("Storage:Provider is AzureTables: set exactly one of Storage:AzureTables:ConnectionString or Storage:AzureTables:Endpoint (the endpoint signs in with DefaultAzureCredential).");
        }

        if (hasEndpoint && (!Uri.TryCreate(azure.Endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && !uri.IsLoopback)))
        {
            errors.Add($"Storage:AzureTables:Endpoint '{azure.Endpoint}' must be an absolute https URL (http only on loopback), e.g. https://account.table.core.windows.net.");
        }

        if (hasConnectionString && !azure.ConnectionString!.Contains("TableEndpoint=", StringComparison.OrdinalIgnoreCase) && !azure.ConnectionString.Contains("AccountName=", StringComparison.OrdinalIgnoreCase) && !azure.ConnectionString.Contains("UseDevelopmentStorage=true", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add("Storage:AzureTables:ConnectionString does not look like a storage connection string (no AccountName or TableEndpoint).");
        }

        if (!TablePrefix().IsMatch(azure.TablePrefix))
        {
            errors.Add($"Storage:AzureTables:TablePrefix '{azure.TablePrefix}' must be letters and digits, starting with a letter, at most 40 characters (Azure table names are alphanumeric).");
        }

        if (azure.MaxRetries is < 0 or > 10)
        {
            errors.Add("Storage:AzureTables:MaxRetries must be between 0 and 10.");
        }
    }

    private static void ValidateBlobs(StorageOptions options, List<string> errors)
    {
        var clips = options.Clips;
        if (!ContainerName().IsMatch(clips.Container) || clips.Container.Contains("--", StringComparison.Ordinal))
        {
            errors.Add($"Storage:Clips:Container '{clips.Container}' must be 3–63 lower-case letters, digits and single hyphens (an Azure blob container name).");
        }

        if (!string.IsNullOrWhiteSpace(clips.ConnectionString) || (string.IsNullOrWhiteSpace(clips.BlobEndpoint) && !string.IsNullOrWhiteSpace(options.AzureTables.ConnectionString)))
        {
            return;
        }

        if (ClipContentFactory.BlobEndpointOf(options) is not { } endpoint || (endpoint.Scheme != Uri.UriSchemeHttps && !endpoint.IsLoopback))
        {
            errors.Add("Storage:Clips:BlobEndpoint must be an absolute https URL (http only on loopback), e.g. https://account.blob.core.windows.net; " +
                "it can be left out when Storage:AzureTables:Endpoint is an account's .table. endpoint.");
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$")]
    private static partial Regex ContainerName();

    [GeneratedRegex("^([A-Za-z][A-Za-z0-9]{0,39})?$")]
    private static partial Regex TablePrefix();
}
