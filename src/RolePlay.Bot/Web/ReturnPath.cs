namespace RolePlay.Bot.Web;

/// <summary>Where a sign-in may send the browser back to: a path on this site, never another. A browser drops tabs and
/// line breaks from a URL and reads a backslash as a slash, so "/\t/evil.example" and "/\evil.example" would leave the
/// site; only visible ASCII without a backslash, starting with one slash, is kept.</summary>
internal static class ReturnPath
{
    public const string Default = "/dashboard/";

    public static string OnThisSite(string? returnUrl) =>
        returnUrl is { Length: > 0 and <= 2048 }
        && returnUrl[0] == '/'
        && (returnUrl.Length == 1 || returnUrl[1] != '/')
        && returnUrl.All(c => c is > ' ' and < '\x7f' and not '\\')
            ? returnUrl
            : Default;
}
