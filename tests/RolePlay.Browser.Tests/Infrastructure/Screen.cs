namespace RolePlay.Browser.Tests.Infrastructure;

/// <summary>A screen the pages are tried on: a laptop and a phone, each in the light and the dark theme, and the
/// narrowest phone.</summary>
public sealed record Screen(string Name, int Width, int Height, bool Dark)
{
    public static readonly Screen Desktop = new("desktop", 1280, 900, Dark: false);

    public static readonly IReadOnlyDictionary<string, Screen> Named = new Dictionary<string, Screen>
    {
        ["laptop-light"] = new("laptop-light", 1366, 900, Dark: false),
        ["laptop-dark"] = new("laptop-dark", 1366, 900, Dark: true),
        ["phone-light"] = new("phone-light", 390, 844, Dark: false),
        ["phone-dark"] = new("phone-dark", 390, 844, Dark: true),
        // The narrowest phone the studio is built for.
        ["small-phone-light"] = new("small-phone-light", 360, 740, Dark: false),
    };
}
