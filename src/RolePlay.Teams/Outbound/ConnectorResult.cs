namespace RolePlay.Teams.Outbound;

/// <summary>An outcome plus the parsed body for calls that return data (create conversation).</summary>
public sealed record ConnectorResult<T>(SendOutcome Outcome, T? Value) where T : class;
