namespace RolePlay.Core.Storage;

public interface IPersonalDataStore
{
    /// <summary>Everything stored about one person, as an indented JSON document.</summary>
    Task<string> ExportAsync(PersonKey person, CancellationToken ct);

    /// <summary>
    /// Deletes everything stored about one person, including rows elsewhere that mention them
    /// (pairs, recognitions, team membership, buddies). Returns how many rows were removed.
    /// </summary>
    Task<int> ForgetAsync(PersonKey person, CancellationToken ct);
}

/// <summary>Creates tables / migrates the schema; the host runs it once at start-up.</summary>
public interface IStorageInitializer
{
    Task InitializeAsync(CancellationToken ct);
}
