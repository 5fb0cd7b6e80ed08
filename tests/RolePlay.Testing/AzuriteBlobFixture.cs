using Xunit;

namespace RolePlay.Testing;

/// <summary>Azurite's blob service for a test collection, beside <see cref="AzuriteFixture"/>'s tables (Azurite runs each
/// service as its own process). Skips and fails exactly as that fixture does.</summary>
public sealed class AzuriteBlobFixture : IAsyncLifetime
{
    private AzuriteProcess? _azurite;

    public string? ConnectionString => _azurite?.ConnectionString;

    public string? SkipReason { get; private set; }

    public async Task InitializeAsync()
    {
        var inCi = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (AzuriteProcess.FindTableMain() is null && !inCi)
        {
            SkipReason = "Azurite is not installed (run 'npm ci --prefix tests'); Azure Blob Storage tests skipped.";
            return;
        }

        _azurite = await AzuriteProcess.StartAsync(TimeSpan.FromSeconds(30), service: AzuriteService.Blob);
    }

    public async Task DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}
