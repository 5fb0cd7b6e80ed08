namespace RolePlay.Core.Content.Loading;

/// <summary>A loaded item with where its id was defined, to name both places when an id is duplicated.</summary>
internal sealed record Loaded<T>(T Item, string Id, string File, long Line);
