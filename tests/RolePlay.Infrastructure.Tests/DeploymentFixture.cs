namespace RolePlay.Infrastructure.Tests;

/// <summary>The dev and prod deployments, snapshotted once for every test that reads them.</summary>
public sealed class DeploymentFixture : IAsyncLifetime
{
    public static IReadOnlyList<string> Files { get; } = ["dev.bicepparam", "prod.bicepparam"];

    public static TheoryData<string> ParamFiles => [.. Files];

    private readonly Dictionary<string, Deployment> _deployments = [];

    internal Deployment this[string paramFile] => _deployments[paramFile];

    public async Task InitializeAsync()
    {
        foreach (var file in Files)
        {
            _deployments[file] = await Deployment.LoadAsync(file, Deployment.OperatorEnvironment);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

[CollectionDefinition(Name)]
public sealed class DeploymentCollection : ICollectionFixture<DeploymentFixture>
{
    public const string Name = "deployments";
}
