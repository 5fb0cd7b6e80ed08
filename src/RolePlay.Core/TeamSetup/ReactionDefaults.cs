namespace RolePlay.Core.TeamSetup;

/// <summary>The reactions a new team starts with on one platform, by the names that platform's reaction events carry
/// (Teams has a fixed set: like, heart, laugh...; Slack any emoji name). Each channel adapter registers its own; a
/// manager can change them with <c>team emoji</c>.</summary>
public sealed record ReactionDefaults(Platform Platform, string EmpathyWin, string Recognition);
