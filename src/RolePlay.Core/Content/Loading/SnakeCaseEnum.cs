using System.Text;

namespace RolePlay.Core.Content.Loading;

/// <summary>The YAML (snake_case) names of an enum's values: <c>ScreenReader</c> is <c>screen_reader</c>.</summary>
internal static class SnakeCaseEnum<T>
    where T : struct, Enum
{
    private static readonly Dictionary<string, T> ByName =
        Enum.GetValues<T>().ToDictionary(v => ToSnakeCase(v.ToString()), StringComparer.Ordinal);

    /// <summary>Every allowed name, for error messages: "phone, tablet, laptop".</summary>
    public static string Allowed { get; } = string.Join(", ", ByName.Keys);

    public static bool TryParse(string name, out T value) => ByName.TryGetValue(name, out value);

    public static string NameOf(T value) => ToSnakeCase(value.ToString());

    private static string ToSnakeCase(string pascal)
    {
        var builder = new StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            if (char.IsUpper(pascal[i]) && i > 0)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(pascal[i]));
        }

        return builder.ToString();
    }
}
