using Xunit;

namespace RolePlay.Testing;

/// <summary>
/// One Azurite service for a test collection. Without Azurite installed its tests skip locally with a clear message; in
/// CI (CI=true) they fail instead, so a broken install can never pass as green.
/// </summary>
public abstract class AzuriteServiceFixture(AzuriteService service, string tests) : IAsyncLifetime
{
    private AzuriteProcess? _azurite;

    public string? ConnectionString => _azurite?.ConnectionString;

    public int Port => _azurite?.Port ?? throw new InvalidOperationException(SkipReason);

    public string? SkipReason { get; private set; }

    public async Task InitializeAsync()
    {
        var inCi = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (AzuriteProcess.FindMain(service) is null && !inCi)
        {
            SkipReason = $"Azurite is not installed (run 'npm ci --prefix tests'); {tests} tests skipped.";
            return;
        }

        // In CI a missing or broken Azurite throws here, which fails every test in the collection.
        _azurite = await AzuriteProcess.StartAsync(TimeSpan.FromSeconds(30), service: service);
    }

    public async Task DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}
