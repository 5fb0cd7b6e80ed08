namespace RolePlay.Core.Practice;

/// <summary>The seed each new practice in a chat starts from: random, unless the deployment fixes one
/// (<c>Practice:Seed</c>) so every scene plays the same way again, for a demo or to replay a scene someone reported.</summary>
public sealed class PracticeSeeds(int? fixedSeed = null)
{
    public int Next() => fixedSeed ?? Random.Shared.Next();
}
