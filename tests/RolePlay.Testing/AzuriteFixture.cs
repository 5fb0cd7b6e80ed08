using Xunit;

namespace RolePlay.Testing;

/// <summary>
/// One Azurite for a test collection. Without Azurite installed the Azure tests skip locally with a
/// clear message; in CI (CI=true) they fail instead, so a broken install can never pass as green.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteProcess? _azurite;

    public string? ConnectionString => _azurite?.ConnectionString;

    public int Port => _azurite?.Port ?? throw new InvalidOperationException(SkipReason);

    public string? SkipReason { get; private set; }

    public async Task InitializeAsync()
    {
        var inCi = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (AzuriteProcess.FindTableMain() is null && !inCi)
        {
            SkipReason = "Azurite is not installed (run 'npm ci --prefix tests'); Azure Tables tests skipped.";
            return;
        }

        // In CI a missing or broken Azurite throws here, which fails every test in the collection.
        _azurite = await AzuriteProcess.StartAsync(TimeSpan.FromSeconds(30));
    }

    public async Task DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}
