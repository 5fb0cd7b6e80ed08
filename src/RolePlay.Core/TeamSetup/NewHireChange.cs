namespace RolePlay.Core.TeamSetup;

/// <summary>What marking a member as a new hire (or as seasoned) came to.</summary>
public abstract record NewHireChange
{
    private NewHireChange()
    {
    }

    public sealed record Saved(string Name) : NewHireChange;

    /// <summary>They are not on this team (or not known at all).</summary>
    public sealed record NotAMember : NewHireChange;

    /// <summary>Their settings changed at the same moment; nothing was saved.</summary>
    public sealed record Conflict(string Name) : NewHireChange;
}
