namespace RolePlay.Core.Web;

/// <summary>Claim types a signed-in browser user carries (studio, dashboard): the same tenant-scoped identity a chat
/// platform gives, so every read starts from the person's own tenant. Set by the host's sign-in (Entra ID or Slack
/// OpenID Connect); absent in local mode, where the studio names its own local people.</summary>
public static class WebClaims
{
    public const string Platform = "roleplay/platform";
    public const string TenantId = "roleplay/tenant";
    public const string UserId = "roleplay/user";
    public const string DisplayName = "roleplay/name";
}
