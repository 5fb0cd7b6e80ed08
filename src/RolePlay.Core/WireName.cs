using System.Collections.Frozen;
using System.Text;

namespace RolePlay.Core;

/// <summary>snake_case names for enums, as they appear in YAML content, JSON output and commands
/// (<c>SuccessCriterion.ValidatedFeelings</c> ↔ <c>validated_feelings</c>). One convention for every enum, so no
/// enum carries a hand-written name table that could drift.</summary>
public static class WireName
{
    public static string Of<T>(T value) where T : struct, Enum =>
        Names<T>.ByValue.TryGetValue(value, out var name)
            ? name
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"Not a named {typeof(T).Name}.");

    public static bool TryParse<T>(string? name, out T value) where T : struct, Enum
    {
        if (name is not null && Names<T>.ByName.TryGetValue(name, out value))
        {
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>Every wire name of <typeparamref name="T"/>, in declaration order (for "allowed values" messages).</summary>
    public static IReadOnlyList<string> All<T>() where T : struct, Enum => Names<T>.Ordered;

    internal static string ToSnakeCase(string pascal)
    {
        var builder = new StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (char.IsUpper(c))
            {
                if (i > 0)
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static class Names<T> where T : struct, Enum
    {
        public static readonly string[] Ordered = Enum.GetNames<T>().Select(ToSnakeCase).ToArray();

        public static readonly FrozenDictionary<T, string> ByValue =
            Enum.GetValues<T>().Zip(Ordered).ToFrozenDictionary(p => p.First, p => p.Second);

        public static readonly FrozenDictionary<string, T> ByName =
            Enum.GetValues<T>().Zip(Ordered).ToFrozenDictionary(p => p.Second, p => p.First, StringComparer.Ordinal);
    }
}
