namespace RolePlay.Testing;

/// <summary>Azurite's blob service for a test collection, beside <see cref="AzuriteFixture"/>'s tables (Azurite runs each
/// service as its own process).</summary>
public sealed class AzuriteBlobFixture() : AzuriteServiceFixture(AzuriteService.Blob, "Azure Blob Storage");
