namespace RolePlay.Core.Web;

/// <summary>Where people reach this bot's own pages from their chat (<c>Web:PublicUrl</c>), for links in posts; null
/// when the deployment did not say, and then no post carries a link.</summary>
public sealed record PublicSite(Uri? BaseUrl)
{
    /// <summary>The absolute address of <paramref name="path"/> on the site, or null without a public address.</summary>
    public Uri? Link(string path) => BaseUrl is null ? null : new Uri(BaseUrl, path.TrimStart('/'));
}
