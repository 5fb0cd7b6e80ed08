namespace RolePlay.Testing;

/// <summary>Azurite's table service for a test collection.</summary>
public sealed class AzuriteFixture() : AzuriteServiceFixture(AzuriteService.Table, "Azure Tables");
