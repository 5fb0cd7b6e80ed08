namespace RolePlay.Studio;

/// <summary>How the host runs the studio. <see cref="LocalMode"/> (no Teams app id, no Slack settings): loopback callers
/// only, and people are the studio's own local people. Otherwise the host puts sign-in in front and identity comes
/// from <see cref="RolePlay.Core.Web.WebClaims"/>.</summary>
public sealed class StudioOptions
{
    public bool LocalMode { get; set; } = true;

    /// <summary>How many messages each person's page keeps for display (the practice itself is stored by Core).</summary>
    public int TranscriptCapacity { get; set; } = 200;
}
