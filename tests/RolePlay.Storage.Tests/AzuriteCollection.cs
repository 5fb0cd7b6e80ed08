using RolePlay.Testing;

namespace RolePlay.Storage.Tests;

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>, ICollectionFixture<AzuriteBlobFixture>
{
    public const string Name = "Azurite";
}
