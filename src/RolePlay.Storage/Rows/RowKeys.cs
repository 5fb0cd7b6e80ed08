using RolePlay.Core.Storage;

namespace RolePlay.Storage.Rows;

/// <summary>
/// Builds partition/row keys. Every id is percent-escaped, so '|' is a safe separator and the characters Azure
/// forbids in keys ('/', '\', '#', '?') never appear.
/// </summary>
internal static class RowKeys
{
    public const char Separator = '|';

    public static string Part(string value) => Uri.EscapeDataString(value);

    public static string Join(params string[] escapedParts) => string.Join(Separator, escapedParts);

    public static string Tenant(TenantScope t) => Join(Part(t.Platform.Id), Part(t.TenantId));

    public static string Person(PersonKey p) => Join(Tenant(p.Tenant), Part(p.UserId));

    public static PersonKey ParsePerson(string partitionKey)
    {
        var parts = partitionKey.Split(Separator);
        if (parts.Length != 3)
        {
            throw new FormatException($"'{partitionKey}' is not a person key.");
        }

        return new PersonKey(Uri.UnescapeDataString(parts[0]), Uri.UnescapeDataString(parts[1]), Uri.UnescapeDataString(parts[2]));
    }

    /// <summary>The exclusive upper bound of all keys starting with <paramref name="prefix"/>.</summary>
    public static string PrefixEnd(string prefix) => prefix[..^1] + (char)(prefix[^1] + 1);

    /// <summary>Sorts newest first in ascending key order.</summary>
    public static string InvertedTicks(DateTimeOffset utc) => (DateTimeOffset.MaxValue.UtcTicks - utc.UtcTicks).ToString("D19", System.Globalization.CultureInfo.InvariantCulture);

    public static string Minute(DateTimeOffset utc) => DueBucket.Minute(utc).ToString("yyyyMMddHHmm", System.Globalization.CultureInfo.InvariantCulture);

    public static string Day(DateOnly day) => day.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);

    public static string Number(int n) => n.ToString("D10", System.Globalization.CultureInfo.InvariantCulture);
}
